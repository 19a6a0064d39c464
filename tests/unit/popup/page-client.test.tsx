// The extension pages' wiring: the one client derived from the action table sends each action's own argument
// object, and the entrypoints' helpers (active tab's app, mounting) do what the pages relied on.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { act } from '@testing-library/react';
import type { Browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { activeAppTab } from '../../../components/ui/active-tab-host';
import { pageClient } from '../../../components/ui/client';
import { mountPage } from '../../../components/ui/mount-page';
import { APP_ORIGINS } from '../../../utils/apps';

afterEach(() => {
  vi.restoreAllMocks();
  document.body.replaceChildren();
});

function answering(result: unknown): unknown[] {
  const sent: unknown[] = [];
  fakeBrowser.runtime.onMessage.addListener((message: unknown) => {
    sent.push(message);
    return Promise.resolve({ ok: true, result });
  });
  return sent;
}

describe('pageClient', () => {
  it('sends an action with its own argument object and returns the validated result', async () => {
    const sent = answering({ ok: true, extra: 'stripped' });
    expect(await pageClient.markReviewed({ findingKey: 'k', reviewed: true, pairId: 'pair-a' })).toEqual({ ok: true });
    expect(sent).toEqual([{ mgAction: 'markReviewed', args: { findingKey: 'k', reviewed: true, pairId: 'pair-a' } }]);
  });

  it('hands back the whole result, e.g. getMapping’s { mapping, pairId }', async () => {
    const sent = answering({ mapping: null, pairId: 'pair-a' });
    expect(await pageClient.getMapping({ pairId: 'pair-a' })).toEqual({ mapping: null, pairId: 'pair-a' });
    expect(sent).toEqual([{ mgAction: 'getMapping', args: { pairId: 'pair-a' } }]);
  });

  it('listens to the background’s status broadcasts until unsubscribed', async () => {
    const trigger = fakeBrowser.runtime.onMessage.trigger as unknown as (message: unknown, sender: { id?: string }) => Promise<unknown[]>;
    const heard: unknown[] = [];
    const stop = pageClient.onStatusChanged((event) => heard.push(event));
    await trigger({ mgEvent: 'statusChanged', pairId: 'pair-a' }, { id: fakeBrowser.runtime.id });
    stop();
    await trigger({ mgEvent: 'statusChanged', pairId: 'pair-b' }, { id: fakeBrowser.runtime.id });
    expect(heard).toEqual([{ mgEvent: 'statusChanged', pairId: 'pair-a' }]);
  });
});

describe('activeAppTab', () => {
  it('names the app and the tab the active tab shows, and nothing for any other page', async () => {
    const query = vi.spyOn(fakeBrowser.tabs, 'query');
    query.mockResolvedValueOnce([{ id: 12, url: `${APP_ORIGINS.xero}/app/!Fx1tu/dashboard` } as Browser.tabs.Tab]);
    expect(await activeAppTab()).toEqual({ host: 'xero', tabId: 12 });
    expect(query).toHaveBeenCalledWith({ active: true, currentWindow: true });
    query.mockResolvedValueOnce([{ id: 13, url: 'https://example.com/' } as Browser.tabs.Tab]);
    expect(await activeAppTab()).toBeUndefined();
    query.mockRejectedValueOnce(new Error('no tabs permission'));
    expect(await activeAppTab()).toBeUndefined();
  });
});

describe('mountPage', () => {
  it('renders the app into #root', async () => {
    const root = document.createElement('div');
    root.id = 'root';
    document.body.append(root);
    await act(async () => mountPage(<p>Mounted</p>));
    expect(root.textContent).toBe('Mounted');
  });
});
