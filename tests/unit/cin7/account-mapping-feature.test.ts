import { afterEach, describe, expect, it, vi } from 'vitest';
import accountMapping from '../../../entrypoints/cin7.content/features/account-mapping';
import { finding, status } from '../overlay/status-fixtures';
import { featureEnv } from './feature-env';
import { loadFixture } from './load-fixture';

const url = 'https://inventory.dearsystems.com/AccountMapping';
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

  it('says when it cannot read the page and offers the structure copy', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'performance'] });
    try {
      loadFixture('unreadable-page.html');
      const { env, controller } = featureEnv(url, status());
      stop = controller;
      await accountMapping.init(controller.signal, env);
      await vi.advanceTimersByTimeAsync(9000);
      const section = env.panel.getState().sections.find((item) => item.id === 'account-mapping');
      expect(JSON.stringify((section?.content as { props: unknown }).props)).toContain('Could not find the account mapping');
      expect(env.background.saveMapping).not.toHaveBeenCalled();
    } finally {
      vi.useRealTimers();
    }
  });
});
