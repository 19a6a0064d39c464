// Issue #18 "told when something changes", in Firefox (Chromium cannot accept the optional-permission prompt
// headless): notifications turned on from the options page with a real click, a pair checked once, an account its
// mapping uses archived in the sandbox's Xero, then the SCHEDULED check (the background's own refresh alarm) raises
// one notification naming the client and the change; the next scheduled check, with nothing new, raises none.
// Clicking a notification cannot be done here (it is the system's, outside any page): tests/unit/background/
// notifier.test.ts checks that a click opens the pair's report.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'puppeteer-core';
import type { CheckEntry } from '../../utils/practice/changes';
import type { PracticeRun } from '../../utils/practice/run';
import type { Pair, Settings, Status } from '../../utils/protocol/shapes';
import { connectXeroInOptions, saveCin7KeysInOptions } from './connect.ts';
import { GRANT_PERMISSION_REQUESTS, launchFirefox, type FirefoxSession } from './firefox-session.ts';
import { chooseOption, clickCheckbox, poll } from './page-actions.ts';

const CIN7 = 'https://inventory.dearsystems.com';
/**
 * Firefox on Linux hands notifications to the desktop's notification service over D-Bus; this machine has none, so
 * libnotify fails and Firefox reports the notification closed at once. Firefox's own alert window shows it instead,
 * and with reduced motion it stays 20 s (toolkit alert.js) rather than for its slide-in animation.
 */
const SHOW_NOTIFICATIONS = { 'alerts.useSystemBackend': false, 'ui.prefersReducedMotion': 1 } as const;
const NOTIFY = 'Tell me when a scheduled check finds new errors (one notification per client)';
let session: FirefoxSession;
let options: Page;
let pair: Pair;

interface Practice {
  rows: { pair: Pair; status: Status; history: CheckEntry[] }[];
  run?: PracticeRun;
}

async function act<T>(mgAction: string, args?: unknown): Promise<T> {
  const reply = (await session.sendFromExtensionPage({ mgAction, args })) as { ok: boolean; result?: T; error?: unknown };
  if (!reply.ok) throw new Error(`${mgAction} refused: ${JSON.stringify(reply.error)}`);
  return reply.result as T;
}
// Read through getPractice, never getStatus: a status request may start a (not scheduled) refresh of a due pair.
const practice = () => act<Practice>('getPractice');
const history = async () => (await practice()).rows.find((row) => row.pair.id === pair.id)?.history ?? [];
const notifications = () => session.inExtensionPage((api) => api.notifications.getAll(), undefined);
/** Every notification Firefox showed since notifications were turned on, by id (recorded in the extension page). */
const shownIds = () => session.inExtensionPage(async () => (globalThis as unknown as { mgShown: string[] }).mgShown, undefined);

/**
 * The schedule's hour, passed: the pair's last check is made to look two hours old (the fetch times its stored
 * result keeps, which is all the schedule reads: refresh-policy.ts isRefreshDue), then the background's refresh
 * alarm (learned from alarms.getAll: the hourly one chosen in the options) is moved to now, keeping its period.
 * Waits for the scheduled run that alarm starts to finish and returns the pair's new check.
 */
async function scheduledCheck(): Promise<CheckEntry> {
  const before = (await history()).length;
  // Through the background's own data store: it keeps the small records in memory (record-memo.ts), as the only
  // writer of that database, so a write from another page would go unseen.
  await session.inExtensionPage(async (api, pairId) => {
    type Data = { getResult(id: string): Promise<{ fetched: Record<string, string> }>; putResult(id: string, result: object): Promise<void> };
    const runtime = api.runtime as unknown as { getBackgroundPage(): Promise<unknown> };
    const background = (await runtime.getBackgroundPage()) as { mappingGuard: { service: { data: Data } } };
    const { data } = background.mappingGuard.service;
    const result = await data.getResult(pairId);
    const old = new Date(Date.now() - 2 * 3_600_000).toISOString();
    await data.putResult(pairId, { ...result, fetched: Object.fromEntries(Object.keys(result.fetched).map((list) => [list, old])) });
  }, pair.id);
  const alarms = await session.inExtensionPage((api) => api.alarms.getAll(), undefined);
  expect(alarms.map((alarm) => alarm.periodInMinutes)).toEqual([60]);
  await session.inExtensionPage((api, name) => api.alarms.create(name, { when: Date.now() + 50, periodInMinutes: 60 }), alarms[0]!.name);
  await poll(practice, (now) => Boolean(now.run?.scheduled && now.run.finishedAt && now.rows[0]?.history.length === before + 1), 45_000);
  return (await history()).at(-1)!;
}

beforeAll(async () => {
  session = await launchFirefox({ prefs: { ...GRANT_PERMISSION_REQUESTS, ...SHOW_NOTIFICATIONS } });
});

afterAll(async () => {
  await session?.close();
});

describe('notifications of scheduled checks in Firefox ESR', () => {
  it('turns notifications on from the options page (a real click asks for the permission), hourly, quiet hours away from now', async () => {
    options = await session.openExtensionPage('options.html');
    await connectXeroInOptions(session, options);
    await saveCin7KeysInOptions(session, options);
    expect(await session.inExtensionPage((api) => api.permissions.contains({ permissions: ['notifications'] }), undefined)).toBe(false);
    await clickCheckbox(options, NOTIFY);
    await poll(() => act<Settings>('getSettings'), (settings) => settings.notify === true);
    expect(await session.inExtensionPage((api) => api.permissions.contains({ permissions: ['notifications'] }), undefined)).toBe(true);
    await session.inExtensionPage(async (api) => {
      const shown: string[] = [];
      Object.assign(globalThis, { mgShown: shown });
      api.notifications.onShown.addListener((id) => void shown.push(id));
    }, undefined);

    const hour = new Date().getHours(); // the background's clock and time zone are this machine's
    await chooseOption(options, 'Quiet from', String((hour + 2) % 24));
    await chooseOption(options, 'until', String((hour + 3) % 24));
    await chooseOption(options, 'Re-run the audit', '1');
    const saved = await poll(() => act<Settings>('getSettings'), (settings) => settings.refreshHours === 1 && settings.quietTo === (hour + 3) % 24);
    expect(saved).toMatchObject({ notify: true, quietFrom: (hour + 2) % 24 });
    await options.close();
  });

  it('a new error found by a scheduled check raises one notification naming the client and the change', async () => {
    // The pair's first check, and its mapping read on the Account Mapping page (the archived account must be mapped).
    [pair] = (await act<{ pairs: Pair[] }>('listPairs')).pairs as [Pair];
    const mappingPage = await session.openPage(`${CIN7}/Settings#ReferenceBooks/Financial/AccountMapping`);
    await poll(practice, (now) => Boolean(now.rows[0]?.status.mappingReadAt && now.rows[0].status.summary && !now.rows[0].status.refreshing), 45_000);
    await mappingPage.close();
    expect(await notifications()).toEqual({});

    // In the sandbox's Xero, archive an active account the mapping uses (Xero stamps UpdatedDateUTC, as the sandbox does).
    const mapped = (session.sandbox.snapshot().cin7?.mapping?.rows ?? []).map((row) => row.account ?? '').join('\n');
    const account = session.sandbox.store.tenants[0]?.accounts.find((candidate) => candidate.Status === 'ACTIVE' && candidate.Code && new RegExp(`\\b${candidate.Code}\\b`).test(mapped));
    if (!account) throw new Error('no mapped active account to archive');
    session.sandbox.store.modifyXeroAccount(String(account.Code), { Status: 'ARCHIVED' });

    const check = await scheduledCheck();
    expect(check.added.map((finding) => finding.code)).toContain('ACCOUNT_ARCHIVED');
    expect(await poll(shownIds, (ids) => ids.length > 0, 10_000)).toEqual([`mapping-guard-pair:${pair.id}`]);
    const shown = await notifications();
    expect(Object.keys(shown)).toEqual([`mapping-guard-pair:${pair.id}`]);
    const { title, message } = shown[`mapping-guard-pair:${pair.id}`]!;
    expect(title).toBe(`Mapping Guard: ${pair.name}`);
    expect(title).toContain(session.sandbox.tenants[0]!.name);
    // The change in words (the archived account's finding first), and the other new errors (overrides that use it) counted.
    const newErrors = check.added.filter((finding) => finding.severity === 'error').length;
    expect(message).toContain(`${account.Code} ${account.Name}, which is archived in Xero`);
    if (newErrors > 1) expect(message).toMatch(new RegExp(`And ${newErrors - 1} more new errors?\\.$`));
  });

  it('the next scheduled check, with nothing new, raises no notification', async () => {
    // The one shown is cleared first (one id per pair: a new one would replace it unseen).
    await session.inExtensionPage((api, id) => api.notifications.clear(id), `mapping-guard-pair:${pair.id}`);
    expect(await notifications()).toEqual({});
    const check = await scheduledCheck();
    expect(check.addedCount).toBe(0);
    // notifyCheck runs after the check is stored: give it the time the first notification took, then look.
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    expect(await notifications()).toEqual({});
    expect(await shownIds()).toHaveLength(1); // still only the first check's
  });
});
