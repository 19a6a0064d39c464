// Learned Cin7 Core page URLs: taken from the sender's tab (never from the message), stored per Cin7 account of the
// pair bound to the tab, nothing stored without a pair, and applied to fix links where findings are handed out.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { Browser } from 'wxt/browser';
import { cin7AccountMappingLink, cin7RecordLink } from '@/utils/audit/links';
import type { BackgroundContext } from '@/utils/background/context';
import { learnedPageHandlers } from '@/utils/background/handlers/learned-pages';
import { learnableUrl, learnedPagesFor, learnPage, withLearnedLinks } from '@/utils/background/learned-pages';
import { findPair } from '@/utils/background/pair-resolution';
import { storeTabIdentity } from '@/utils/background/pair-resolution';
import { cin7AccountsItem, pairsItem } from '@/utils/background/state';
import { registerActionHandlers, type ActionHandlers } from '@/utils/protocol/server';
import type { Pair } from '@/utils/protocol/shapes';

const CIN7 = 'https://inventory.dearsystems.com';
const pairA: Pair = { id: 'pair-a', name: 'A', cin7AccountId: 'acct-a', xeroTenantId: 't-a' } as Pair;
const pairB: Pair = { id: 'pair-b', name: 'B', cin7AccountId: 'acct-b', xeroTenantId: 't-b' } as Pair;

const statusChanged = vi.fn();
const handlers = learnedPageHandlers({ findPair, statusChanged } as unknown as BackgroundContext);

const trigger = fakeBrowser.runtime.onMessage.trigger as unknown as (message: unknown, sender: Browser.runtime.MessageSender, sendResponse: (reply: unknown) => void) => Promise<unknown[]>;
const fromTab = (tabId: number, tabUrl: string, args: unknown) =>
  new Promise<{ ok: boolean; result?: { stored: boolean }; error?: { code?: string } }>((resolve) => {
    void trigger({ mgAction: 'pageRecognised', args }, { id: fakeBrowser.runtime.id, url: tabUrl, origin: CIN7, frameId: 0, tab: { id: tabId, url: tabUrl } as Browser.tabs.Tab }, resolve as never);
  });

beforeEach(() => {
  fakeBrowser.reset();
  statusChanged.mockClear();
});

describe('learnableUrl', () => {
  it.each([
    [`${CIN7}/Settings#ReferenceBooks/Financial/AccountMapping&mg-target=role:cogs`, `${CIN7}/Settings#ReferenceBooks/Financial/AccountMapping`],
    [`${CIN7}/Settings#mg-target=role:cogs`, `${CIN7}/Settings`],
    [`${CIN7}/Settings`, `${CIN7}/Settings`],
    ['http://inventory.dearsystems.com/Settings', null],
    ['https://go.xero.com/Settings', null],
    ['not a url', null],
    [undefined, null],
  ])('%s → %s', (url, expected) => expect(learnableUrl(url)).toBe(expected));
});

describe('pageRecognised', () => {
  it('stores the sender tab’s URL (not one in the message) for the Cin7 account of the tab’s pair', async () => {
    await pairsItem.setValue([pairA, pairB]);
    await cin7AccountsItem.setValue([{ accountId: 'acct-a', company: 'Company A' }, { accountId: 'acct-b', company: 'Company B' }]);
    await storeTabIdentity(7, 'cin7', { cin7Texts: ['Cin7 Core', 'Company B'] }); // the tab shows Company B
    const unregister = registerActionHandlers({ ...handlers } as unknown as ActionHandlers);
    const tabUrl = `${CIN7}/Settings#ReferenceBooks/Financial/AccountMapping&mg-target=role:cogs`;
    // A message naming a URL is refused outright (strict arguments); the page kind alone stores the tab's URL.
    expect(await fromTab(7, tabUrl, { page: 'accountMapping', url: 'https://evil.example/' })).toMatchObject({ ok: false, error: { code: 'invalid-args' } });
    const reply = await fromTab(7, tabUrl, { page: 'accountMapping' });
    unregister();
    expect(reply).toEqual({ ok: true, result: { stored: true } });
    expect(await learnedPagesFor('acct-b')).toEqual({ accountMapping: `${CIN7}/Settings#ReferenceBooks/Financial/AccountMapping` });
    expect(await learnedPagesFor('acct-a')).toEqual({});
    expect(statusChanged).toHaveBeenCalledWith(pairB.id);
  });

  it('stores nothing without a pair, and nothing for extension pages or Xero tabs', async () => {
    const content = { caller: 'content' as const, app: 'cin7' as const, tabId: 1, tabUrl: `${CIN7}/Settings` };
    expect(await handlers.pageRecognised({ page: 'generalSettings' }, content)).toEqual({ stored: false });
    await pairsItem.setValue([pairA]);
    expect(await handlers.pageRecognised({ page: 'generalSettings' }, { caller: 'extension' })).toEqual({ stored: false });
    expect(await handlers.pageRecognised({ page: 'generalSettings' }, { ...content, app: 'xero', tabUrl: 'https://go.xero.com/x' })).toEqual({ stored: false });
    expect(await learnedPagesFor('acct-a')).toEqual({});
    expect(await handlers.pageRecognised({ page: 'generalSettings' }, content)).toEqual({ stored: true });
    expect(await learnedPagesFor('acct-a')).toEqual({ generalSettings: `${CIN7}/Settings` });
  });

  it('says "same" for a URL already known (no broadcast), "new" for a changed one', async () => {
    expect(await learnPage('acct-a', 'chartOfAccounts', `${CIN7}/Settings#a`)).toBe('new');
    expect(await learnPage('acct-a', 'chartOfAccounts', `${CIN7}/Settings#a`)).toBe('same');
    expect(await learnPage('acct-a', 'chartOfAccounts', `${CIN7}/Settings#b`)).toBe('new');
  });
});

describe('withLearnedLinks', () => {
  it('rewrites only links to learned pages', () => {
    const findings = [{ code: 'A', fix: cin7AccountMappingLink('cogs') }, { code: 'B', fix: cin7RecordLink('sale', 's1') }, { code: 'C' }];
    const out = withLearnedLinks(findings, { accountMapping: `${CIN7}/Settings#RB/AM` });
    expect(out[0]?.fix).toMatchObject({ url: `${CIN7}/Settings#RB/AM&mg-target=role:cogs`, label: 'Open Account Mapping in Cin7 Core' });
    expect(out[1]).toEqual(findings[1]);
    expect(out[2]).toEqual(findings[2]);
    expect(withLearnedLinks(findings, {})).toEqual(findings);
  });
});
