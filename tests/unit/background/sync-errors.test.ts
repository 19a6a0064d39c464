// Failed-sync messages reported by Cin7 Core tabs: kept per pair for the popup, only from a Cin7 tab bound to that
// pair, only texts the explainer recognises, bounded, strict arguments.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { Browser } from 'wxt/browser';
import type { BackgroundContext } from '@/utils/background/context';
import { forgetSyncErrors, keepSyncErrors, syncErrorHandlers } from '@/utils/background/handlers/sync-errors';
import { pairHandlers } from '@/utils/background/handlers/pairs';
import { findPair, storeTabIdentity } from '@/utils/background/pair-resolution';
import { cin7AccountsItem, pairsItem } from '@/utils/background/state';
import { SYNC_ERROR_SAMPLES } from '@/utils/explain';
import { MAX_SYNC_ERRORS_KEPT } from '@/utils/protocol/actions';
import { registerActionHandlers, type ActionHandlers } from '@/utils/protocol/server';
import type { Pair } from '@/utils/protocol/shapes';
import { fakeContext } from './fake-context';

const CIN7 = 'https://inventory.dearsystems.com';
const pairA = { id: 'pair-a', name: 'A', cin7AccountId: 'acct-a', xeroTenantId: 't-a' } as Pair;
const pairB = { id: 'pair-b', name: 'B', cin7AccountId: 'acct-b', xeroTenantId: 't-b' } as Pair;
const ARCHIVED = SYNC_ERROR_SAMPLES['account-archived'];
const CURRENCY = SYNC_ERROR_SAMPLES['currency-not-enabled'];

const statusChanged = vi.fn();
const handlers = syncErrorHandlers({ findPair, statusChanged } as unknown as BackgroundContext);
const trigger = fakeBrowser.runtime.onMessage.trigger as unknown as (message: unknown, sender: Browser.runtime.MessageSender, sendResponse: (reply: unknown) => void) => Promise<unknown[]>;
const fromTab = (tabId: number, args: unknown) =>
  new Promise<{ ok: boolean; result?: { stored: number }; error?: { code?: string } }>((resolve) => {
    const url = `${CIN7}/SyncErrors`;
    void trigger({ mgAction: 'reportSyncErrors', args }, { id: fakeBrowser.runtime.id, url, origin: CIN7, frameId: 0, tab: { id: tabId, url } as Browser.tabs.Tab }, resolve as never);
  });
const extension = { caller: 'extension' as const };

beforeEach(async () => {
  fakeBrowser.reset();
  statusChanged.mockClear();
  await pairsItem.setValue([pairA, pairB]);
  await cin7AccountsItem.setValue([{ accountId: 'acct-a', company: 'Company A' }, { accountId: 'acct-b', company: 'Company B' }]);
});

describe('reportSyncErrors', () => {
  it('keeps the recognised messages for the pair bound to the sending tab, and the popup reads them', async () => {
    await storeTabIdentity(7, 'cin7', { cin7Texts: ['Cin7 Core', 'Company B'] });
    const unregister = registerActionHandlers({ ...handlers } as unknown as ActionHandlers);
    // Strict arguments: no pair id from a page, no other fields.
    expect(await fromTab(7, { messages: [ARCHIVED], pairId: 'pair-a' })).toMatchObject({ ok: false, error: { code: 'invalid-args' } });
    expect(await fromTab(7, { messages: ['x'.repeat(2001)] })).toMatchObject({ ok: false, error: { code: 'invalid-args' } });
    expect(await fromTab(7, { messages: [ARCHIVED, 'Some other text', CURRENCY, ARCHIVED] })).toEqual({ ok: true, result: { stored: 2 } });
    unregister();
    expect(await handlers.getSyncErrors({ pairId: 'pair-b' }, extension)).toEqual({ pairId: 'pair-b', messages: [ARCHIVED, CURRENCY] });
    expect(await handlers.getSyncErrors({ pairId: 'pair-a' }, extension)).toEqual({ pairId: 'pair-a', messages: [] });
    expect(statusChanged).toHaveBeenCalledWith('pair-b');
  });

  it('stores nothing from an unbound tab, a Xero tab or an extension page', async () => {
    await storeTabIdentity(8, 'cin7', { cin7Texts: ['Cin7 Core', 'Company Z'] }); // another organisation
    const content = { caller: 'content' as const, app: 'cin7' as const, tabId: 8, tabUrl: `${CIN7}/SyncErrors` };
    expect(await handlers.reportSyncErrors({ messages: [ARCHIVED] }, content)).toEqual({ stored: 0 });
    expect(await handlers.reportSyncErrors({ messages: [ARCHIVED] }, { ...content, app: 'xero' })).toEqual({ stored: 0 });
    expect(await handlers.reportSyncErrors({ messages: [ARCHIVED] }, extension)).toEqual({ stored: 0 });
    for (const pairId of ['pair-a', 'pair-b']) expect((await handlers.getSyncErrors({ pairId }, extension)).messages).toEqual([]);
    expect(statusChanged).not.toHaveBeenCalled();
  });
});

describe('reports from two tabs at once', () => {
  it('keeps both tabs’ messages (writes take turns), and removing the pair forgets them', async () => {
    await storeTabIdentity(7, 'cin7', { cin7Texts: ['Cin7 Core', 'Company B'] });
    await storeTabIdentity(9, 'cin7', { cin7Texts: ['Cin7 Core', 'Company B'] });
    const fromBound = (tabId: number, messages: string[]) =>
      handlers.reportSyncErrors({ messages }, { caller: 'content', app: 'cin7', tabId, tabUrl: `${CIN7}/SyncErrors` });
    // Writing to the session store takes a while, as in a real browser: the second report reads before the first wrote.
    const session = fakeBrowser.storage.session;
    const set = session.set.bind(session);
    const slowSet = vi.spyOn(session, 'set').mockImplementation(async (items: Parameters<typeof set>[0]) => {
      await new Promise((resolve) => setTimeout(resolve, 50));
      return set(items);
    });
    await Promise.all([fromBound(7, [ARCHIVED]), fromBound(9, [CURRENCY])]);
    slowSet.mockRestore();
    expect((await handlers.getSyncErrors({ pairId: 'pair-b' }, extension)).messages.sort()).toEqual([ARCHIVED, CURRENCY].sort());

    await storeTabIdentity(8, 'cin7', { cin7Texts: ['Cin7 Core', 'Company A'] });
    await fromBound(8, [ARCHIVED]);
    const fake = fakeContext();
    await pairHandlers(fake.ctx).removePair({ pairId: 'pair-b' }, extension);
    expect(await fakeBrowser.storage.session.get('syncErrors:pair-b')).toEqual({});
    expect((await handlers.getSyncErrors({ pairId: 'pair-a' }, extension)).messages).toEqual([ARCHIVED]);
    await forgetSyncErrors('pair-a');
    expect(await fakeBrowser.storage.session.get(null)).not.toHaveProperty('syncErrors:pair-a');
  });
});

describe('keepSyncErrors', () => {
  it('moves a message seen again to the end and keeps only the newest', () => {
    expect(keepSyncErrors([ARCHIVED, CURRENCY], [ARCHIVED])).toEqual([CURRENCY, ARCHIVED]);
    const many = Array.from({ length: MAX_SYNC_ERRORS_KEPT + 5 }, (_, index) => `Organisation is not subscribed to currency X${index}`);
    const kept = keepSyncErrors([], many);
    expect(kept).toHaveLength(MAX_SYNC_ERRORS_KEPT);
    expect(kept.at(-1)).toBe(many.at(-1));
  });
});
