// The right client on every tab: a tab is bound to the pair whose Cin7 account / Xero organisation its page shows,
// content scripts cannot name a pair, and a tab of another or an unknown organisation sees nothing and writes nothing.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { BackgroundContext } from '@/utils/background/context';
import { documentHandlers } from '@/utils/background/handlers/documents';
import { pageInputHandlers } from '@/utils/background/handlers/page-inputs';
import { statusHandlers } from '@/utils/background/handlers/status';
import { tabHandlers } from '@/utils/background/handlers/tabs';
import { forgetTab, tabsShowing } from '@/utils/background/pair-resolution';
import { cin7AccountsItem, pairsItem, selectedPairItem } from '@/utils/background/state';
import { bindTab, cin7CompanyShown, type BindingInput } from '@/utils/background/tab-binding';
import type { ActionContext } from '@/utils/protocol/server';
import type { Pair } from '@/utils/protocol/shapes';
import { fakeContext, storedResult } from './fake-context';

const pairA: Pair = {
  id: 'accA~tenA',
  name: 'Org A ↔ Org A Ltd',
  cin7AccountId: 'accA',
  cin7Company: 'Org A',
  xeroTenantId: 'tenA',
  xeroTenantName: 'Org A Ltd',
  xeroShortCode: '!AaA1',
};
const pairB: Pair = {
  id: 'accB~tenB',
  name: 'Org B ↔ Org B Ltd',
  cin7AccountId: 'accB',
  cin7Company: 'Org B',
  xeroTenantId: 'tenB',
  xeroTenantName: 'Org B Ltd',
  xeroShortCode: '!BbB2',
};
const accounts = [
  { accountId: 'accA', company: 'Org A' },
  { accountId: 'accB', company: 'Org B' },
];

const bind = (input: Partial<BindingInput> & Pick<BindingInput, 'app'>) => bindTab({ pairs: [pairA, pairB], cin7Accounts: accounts, ...input });

describe('bindTab', () => {
  it('binds a Cin7 Core page to the pair whose company its header shows, case and spacing aside', () => {
    expect(bind({ app: 'cin7', identity: { cin7Texts: ['Cin7 Core', '  org   b ', 'Sales'] } })).toEqual({
      pair: pairB,
      tab: { state: 'bound', app: 'cin7', shown: 'Org B', connected: ['Org A', 'Org B'] },
    });
  });

  it('binds a Xero page by short code first, else by organisation name', () => {
    expect(bind({ app: 'xero', identity: { xeroShortCode: '!BbB2' } }).pair).toEqual(pairB);
    expect(bind({ app: 'xero', identity: { xeroOrgName: 'org a ltd' } }).pair).toEqual(pairA);
    // Two organisations may share a name: a known, different short code wins over the name.
    expect(bind({ app: 'xero', identity: { xeroShortCode: '!BbB2', xeroOrgName: 'Org A Ltd' } }).pair).toEqual(pairB);
  });

  it('never follows the selected pair: a page of A stays A’s with B selected', () => {
    expect(bind({ app: 'cin7', identity: { cin7Texts: ['Org A'] }, selectedPairId: pairB.id }).pair).toEqual(pairA);
    expect(bind({ app: 'xero', identity: { xeroShortCode: '!AaA1' }, selectedPairId: pairB.id }).pair).toEqual(pairA);
  });

  it('a page of an organisation without a pair says which it is, and which are connected', () => {
    const orgC = bindTab({ app: 'cin7', pairs: [pairA], cin7Accounts: [...accounts, { accountId: 'accC', company: 'Org C' }], identity: { cin7Texts: ['Org C'] } });
    expect(orgC).toEqual({ tab: { state: 'other-organisation', app: 'cin7', shown: 'Org C', connected: ['Org A'] } });
    expect(bind({ app: 'xero', identity: { xeroShortCode: '!Ccc3', xeroOrgName: 'Org C Ltd' } })).toEqual({
      tab: { state: 'other-organisation', app: 'xero', shown: 'Org C Ltd', connected: ['Org A Ltd', 'Org B Ltd'] },
    });
  });

  it('an unreadable page: the only pair of the app, else "cannot tell"', () => {
    expect(bindTab({ app: 'cin7', pairs: [pairA], cin7Accounts: accounts, identity: { cin7Texts: ['Dashboard'] } }).pair).toEqual(pairA);
    expect(bindTab({ app: 'xero', pairs: [pairA], cin7Accounts: accounts }).pair).toEqual(pairA);
    expect(bind({ app: 'cin7', identity: { cin7Texts: ['Dashboard'] } })).toEqual({
      tab: { state: 'unknown-organisation', app: 'cin7', connected: ['Org A', 'Org B'] },
    });
    expect(bind({ app: 'xero' }).tab?.state).toBe('unknown-organisation');
    // A Xero pair not refreshed yet (no short code) cannot be ruled out by a short code alone.
    const unlearnt = { ...pairA, xeroShortCode: undefined, xeroTenantName: undefined };
    expect(bindTab({ app: 'xero', pairs: [unlearnt], cin7Accounts: accounts, identity: { xeroShortCode: '!Zzz9' } }).pair).toEqual(unlearnt);
  });

  it('a header naming two connected companies (an open organisation list) cannot tell', () => {
    expect(cin7CompanyShown(['Org A', 'Org B'], ['Org A', 'Org B'])).toBeUndefined();
    expect(bind({ app: 'cin7', identity: { cin7Texts: ['Org A', 'Org B'] } }).tab?.state).toBe('unknown-organisation');
  });

  it('with no pair at all, binds nothing and states nothing (the page shows "connect")', () => {
    expect(bindTab({ app: 'cin7', pairs: [], cin7Accounts: accounts, identity: { cin7Texts: ['Org A'] } })).toEqual({});
  });
});

describe('the background binds tabs from the sender', () => {
  const cin7Tab = (tabId: number): ActionContext => ({ caller: 'content', app: 'cin7', tabId });
  const extension: ActionContext = { caller: 'extension' };
  let ctx: BackgroundContext;
  let writes: string[];

  beforeEach(async () => {
    const fake = fakeContext();
    writes = fake.writes;
    ctx = { ...fake.ctx, refresher: { ...fake.refresher, reaudit: vi.fn(async () => undefined) } } as unknown as BackgroundContext;
    await pairsItem.setValue([pairA, pairB]);
    await cin7AccountsItem.setValue(accounts);
    await selectedPairItem.setValue(pairB.id);
    await fake.store.putResult(pairA.id, storedResult(1));
    writes.length = 0;
  });

  it('identifyTab binds the sender’s tab; its status and reads are that pair’s, whatever pairId it sends', async () => {
    const tabs = tabHandlers(ctx);
    expect(await tabs.identifyTab({ cin7Texts: ['Org A'] }, cin7Tab(7))).toMatchObject({ pairId: pairA.id, tab: { state: 'bound' } });
    const status = await statusHandlers(ctx).getStatus({ pairId: pairB.id }, cin7Tab(7));
    expect(status).toMatchObject({ pairId: pairA.id, tab: { state: 'bound', shown: 'Org A' } });
    expect((await pageInputHandlers(ctx).getMapping({ pairId: pairB.id }, cin7Tab(7))).pairId).toBe(pairA.id);
    expect(await tabsShowing(pairA.id)).toEqual([7]);
    expect(await tabsShowing(pairB.id)).toEqual([]);
    await forgetTab(7);
    expect(await tabsShowing(undefined)).toEqual([]);
  });

  it('identifyTab is refused to extension pages (they have no tab)', async () => {
    await expect(tabHandlers(ctx).identifyTab({ cin7Texts: ['Org A'] }, extension)).rejects.toThrow(/Only a Cin7 Core or Xero tab/);
  });

  it('extension pages still choose a pair by id, else the selected one', async () => {
    expect((await statusHandlers(ctx).getStatus({ pairId: pairA.id }, extension)).pairId).toBe(pairA.id);
    expect((await statusHandlers(ctx).getStatus(undefined, extension)).pairId).toBe(pairB.id);
  });

  it('the popup shows the pair of the active tab when that tab is bound, else the selected one', async () => {
    await tabHandlers(ctx).identifyTab({ cin7Texts: ['Org A'] }, cin7Tab(7));
    expect((await statusHandlers(ctx).getStatus({ host: 'cin7', tabId: 7 }, extension)).pairId).toBe(pairA.id);
    // An explicit choice in the popup wins; an unknown tab falls back to the selected pair.
    expect((await statusHandlers(ctx).getStatus({ pairId: pairB.id, tabId: 7 }, extension)).pairId).toBe(pairB.id);
    expect((await statusHandlers(ctx).getStatus({ tabId: 99 }, extension)).pairId).toBe(pairB.id);
  });

  it('a tab of another organisation gets no findings, and every write from it is refused in words', async () => {
    await cin7AccountsItem.setValue([...accounts, { accountId: 'accC', company: 'Org C' }]);
    await tabHandlers(ctx).identifyTab({ cin7Texts: ['Org C'] }, cin7Tab(9));
    const status = await statusHandlers(ctx).getStatus(undefined, cin7Tab(9));
    expect(status.pairId).toBeUndefined();
    expect(status.findings).toEqual([]);
    expect(status.tab).toEqual({ state: 'other-organisation', app: 'cin7', shown: 'Org C', connected: ['Org A', 'Org B'] });
    const refusal = /This page shows Org C, but Mapping Guard is connected to Org A, Org B for Cin7 Core\. Nothing was saved/;
    await expect(pageInputHandlers(ctx).saveMapping({ rows: [], readAt: '2026-11-21T00:00:00Z', pairId: pairA.id }, cin7Tab(9))).rejects.toThrow(refusal);
    await expect(statusHandlers(ctx).markReviewed({ findingKey: 'k', reviewed: true, pairId: pairA.id }, cin7Tab(9))).rejects.toThrow(refusal);
    expect(writes).toEqual([]);
    const document = await documentHandlers(ctx).getDocument({ kind: 'sale', id: 'S1', pairId: pairA.id }, cin7Tab(9));
    expect(document).toMatchObject({ found: false, reason: expect.stringMatching(/This page shows Org C/) });
  });

  it('an unreadable page with several pairs refuses writes too, and a bound tab writes to its own pair only', async () => {
    await tabHandlers(ctx).identifyTab({ cin7Texts: [] }, cin7Tab(3));
    await expect(pageInputHandlers(ctx).saveMapping({ rows: [], readAt: '2026-11-21T00:00:00Z' }, cin7Tab(3))).rejects.toThrow(/cannot tell which Cin7 Core organisation/);
    await tabHandlers(ctx).identifyTab({ cin7Texts: ['ORG A'] }, cin7Tab(3));
    const saved = await pageInputHandlers(ctx).saveMapping({ rows: [{ label: 'Sales', account: '200' }], readAt: '2026-11-21T00:00:00Z', pairId: pairB.id }, cin7Tab(3));
    expect(saved).toEqual({ saved: true, pairId: pairA.id });
    expect((await pageInputHandlers(ctx).getMapping({ pairId: pairB.id }, extension)).mapping).toBeNull();
  });
});
