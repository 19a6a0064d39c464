import { afterEach, describe, expect, it, vi } from 'vitest';
import accountMapping from '../../../entrypoints/cin7.content/features/account-mapping';
import { finding, status } from '../overlay/status-fixtures';
import { featureEnv } from './feature-env';
import { loadFixture } from './load-fixture';

// A URL the extension was never told about: the page is recognised by what it shows.
const url = 'https://inventory.dearsystems.com/Settings#anything';
let stop: AbortController | undefined;
afterEach(() => stop?.abort());

describe('account-mapping feature', () => {
  it('reads the grid, sends the mapping once, and badges each row', async () => {
    loadFixture('account-mapping-extjs-grid.html');
    const { env, controller, statusStore } = featureEnv(url, status({
      findings: [finding({ code: 'MAPPING_MISSING', subject: { kind: 'role', key: 'cogs', label: 'Cost of Goods Sold' }, message: 'COGS is not mapped.' })],
    }));
    stop = controller;
    await statusStore.load();
    await accountMapping.init(controller.signal, env);

    await vi.waitFor(() => expect(env.background.saveMapping).toHaveBeenCalledTimes(1), { timeout: 3000 });
    const sent = vi.mocked(env.background.saveMapping).mock.calls[0]![0];
    expect(sent.rows).toContainEqual({ label: 'Inventory Control', account: '630 - Inventory' });
    expect(sent.rows).toContainEqual({ label: 'Cost of Goods Sold', account: '' });
    expect(Number.isNaN(Date.parse(sent.readAt))).toBe(false);

    const badges = [...document.querySelectorAll('[data-mg-badge]')].map((badge) => badge.textContent);
    expect(badges).toHaveLength(6);
    const cogsRow = [...document.querySelectorAll('tr')].find((row) => row.textContent?.includes('Cost of Goods Sold'))!;
    expect(cogsRow.querySelector('[data-mg-badge]')?.textContent).toContain('Unmapped');
    const arRow = [...document.querySelectorAll('tr')].find((row) => row.textContent?.includes('Accounts Receivable'))!;
    expect(arRow.querySelector('[data-mg-badge]')?.textContent).toBe('OK');

    // The background is the mapping's one home: all six rows went to it, and the panel says it was saved.
    expect(sent.rows).toHaveLength(6);
    const readState = () => (env.panel.getState().sections.find((item) => item.id === 'account-mapping')?.content as { props: { state: unknown } } | undefined)?.props.state;
    await vi.waitFor(() => expect(readState()).toMatchObject({ kind: 'read', rows: 6, saved: 'saved' }));

    // The background learns this tab's URL for the page (it takes the URL from the tab, we only name the page).
    await vi.waitFor(() => expect(env.background.pageRecognised).toHaveBeenCalledWith({ page: 'accountMapping' }));

    controller.abort();
    expect(document.querySelector('[data-mg-badge]')).toBeNull();
    expect(env.panel.getState().sections).toEqual([]);
  });

  it('re-sends when the user picks another account, and re-badges when the status changes', async () => {
    loadFixture('account-mapping-plain-table.html');
    const { env, controller, statusStore, client } = featureEnv(url, status({ findings: [] }));
    stop = controller;
    await statusStore.load();
    await accountMapping.init(controller.signal, env);
    await vi.waitFor(() => expect(env.background.saveMapping).toHaveBeenCalledTimes(1), { timeout: 3000 });

    const select = document.querySelector<HTMLSelectElement>('select[name="m_tax"]')!;
    select.value = '820';
    select.dispatchEvent(new Event('change', { bubbles: true }));
    await vi.waitFor(() => expect(env.background.saveMapping).toHaveBeenCalledTimes(2), { timeout: 3000 });
    expect(vi.mocked(env.background.saveMapping).mock.calls[1]![0].rows).toContainEqual({ label: 'Sales Tax', account: '820: GST' });

    client.set(status({ findings: [finding({ code: 'MAPPING_NOT_UNIQUE', subject: { kind: 'account', key: '1400', label: 'Inventory Control' } })] }));
    client.broadcast({ pairId: 'pair-1' });
    const creditsRow = [...document.querySelectorAll('tr')].find((row) => row.textContent?.includes('Customer Credits'))!;
    await vi.waitFor(() => expect(creditsRow.querySelector('[data-mg-badge]')?.textContent).toContain('Duplicate'));
  });

  // Issue #13: pages are found by what they show, so a page without the mapping gets nothing (formerly the route
  // decided and an unreadable page got an "unreadable" section).
  it('does nothing on a page that does not show the mapping', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'performance'] });
    try {
      loadFixture('unreadable-page.html');
      const { env, controller } = featureEnv(url, status());
      stop = controller;
      await accountMapping.init(controller.signal, env);
      await vi.advanceTimersByTimeAsync(9000);
      expect(env.panel.getState().sections).toEqual([]);
      expect(env.background.saveMapping).not.toHaveBeenCalled();
      expect(env.background.pageRecognised).not.toHaveBeenCalled();
    } finally {
      vi.useRealTimers();
    }
  });

  it('says when the mapping it was reading can no longer be read, and offers the structure copy', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'performance'] });
    try {
      loadFixture('account-mapping-plain-table.html');
      const { env, controller } = featureEnv(url, status());
      stop = controller;
      await accountMapping.init(controller.signal, env);
      // The grid turns into text the reader cannot read (a re-render), the role names stay in the page's text.
      const table = document.querySelector('select')!.closest('table')!;
      const text = document.createElement('p');
      text.textContent = table.textContent;
      table.replaceWith(text);
      await vi.advanceTimersByTimeAsync(9000);
      const section = env.panel.getState().sections.find((item) => item.id === 'account-mapping');
      expect(JSON.stringify((section?.content as { props: unknown }).props)).toContain('Could not find the account mapping');
    } finally {
      vi.useRealTimers();
    }
  });
});
