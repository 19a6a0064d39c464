// @vitest-environment node
// Issue #14, "one audit, one total": the background's refresh against the sandbox gives, for the broken scenario and
// its mapping, the very findings `npm run audit -- --scenario broken` gives: the sales and purchases that can still
// sync are fetched and audited with the rest (an invoice in a locked period, two invalid line accounts).
import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { Sandbox } from '../../../sandbox/index';
import { audit } from '@/utils/audit';
import { createPairDataStore } from '@/utils/background/results';
import { createSecretStore } from '@/utils/background/secrets';
import { createBackgroundService } from '@/utils/background/service';
import { loadScenario, SCENARIO_TODAY } from '@/utils/scenarios';
import type { ActionContext } from '@/utils/protocol/server';
import type { Pair } from '@/utils/protocol/shapes';
import { sandboxConsent, sandboxFetch } from './sandbox-fetch';
import { sandboxPerFile } from './sandbox-service';

const extension: ActionContext = { caller: 'extension' };
/** Midday on the scenarios' "today", in this machine's zone (the refresher audits with the local day). */
const NOW = Date.parse(`${SCENARIO_TODAY}T12:00:00`);
const sandboxOf = sandboxPerFile(1000);
let sandbox: Sandbox;
let run = 0;

beforeEach(() => {
  fakeBrowser.reset();
  sandbox = sandboxOf();
});

async function refreshedBroken() {
  run++;
  const service = createBackgroundService({
    secrets: createSecretStore(`docs-secrets-${run}`),
    data: createPairDataStore(`docs-data-${run}`),
    redirectUrl: 'https://abcdefghijklmnopabcdefghijklmnop.chromiumapp.org/',
    launchWebAuthFlow: sandboxConsent(sandbox),
    fetch: sandboxFetch(sandbox),
    now: () => NOW,
  });
  const { handlers } = service;
  await handlers.setXeroClientId({ clientId: sandbox.xeroClientId }, extension);
  await handlers.connectXero(undefined, extension);
  await handlers.saveCin7Credentials(sandbox.cin7Credentials, extension);
  const pair = (await handlers.listPairs(undefined, extension)).pairs[0] as Pair;
  const scenario = loadScenario('broken');
  // What no API gives, as the extension gets it: the mapping read from the Cin7 page, the features the user declared.
  const mapping = scenario.cin7?.mapping;
  await handlers.saveMapping({ rows: mapping?.rows ?? [], readAt: mapping?.readAt ?? '' }, { caller: 'content', app: 'cin7', tabId: 1 });
  await handlers.setFeatures({ ...scenario.cin7?.features, pairId: pair.id }, extension);
  await service.refresher.refresh(pair, { full: true });
  return { service, pair };
}

const comparable = (findings: readonly { code: string; severity: string; subject: object; message: string }[]) =>
  findings.map(({ code, severity, subject, message }) => ({ code, severity, subject, message }));

describe('the background refresh audits sales and purchases (broken scenario)', () => {
  it('stores the same findings as the CLI audit of the scenario, finding for finding', async () => {
    const { service, pair } = await refreshedBroken();
    const stored = await service.data.getResult(pair.id);
    expect(stored?.lastError).toBeUndefined();
    const expected = audit(loadScenario('broken'), { today: SCENARIO_TODAY });
    expect(comparable(stored?.audit.findings ?? [])).toEqual(comparable(expected.findings));
    expect(stored?.audit.summary).toEqual(expected.summary);
    // The three that reached nobody's report before: one locked-period invoice, two invalid line accounts.
    const documentFindings = (stored?.audit.findings ?? []).filter((f) => f.subject.kind === 'sale' || f.subject.kind === 'purchase');
    expect(documentFindings.map((f) => `${f.code} ${f.subject.kind}`).sort()).toEqual([
      'DOCUMENT_IN_LOCKED_PERIOD sale',
      'OVERRIDE_ACCOUNT_INVALID purchase',
      'OVERRIDE_ACCOUNT_INVALID sale',
    ]);
  });

  it('status, badge and coverage tell the same story: totals, fetch times, the window in words', async () => {
    const { service, pair } = await refreshedBroken();
    const status = await service.handlers.getStatus({ pairId: pair.id }, extension);
    const errors = status.findings.filter((f) => f.severity === 'error').length;
    expect(status.summary?.errors).toBe(errors);
    expect(await service.errorCountForTab(undefined)).toBe(errors);

    expect(status.documentWindow).toEqual({
      from: '2026-04-01',
      description: expect.stringMatching(/^Sales and purchases dated or changed from 1 Apr 2026 \(after the earliest lock date, Xero’s end-of-year lock date 31 Mar 2026\)/),
      sales: 2,
      purchases: 1,
    });
    const fetchedAt = new Date(NOW).toISOString();
    expect(status.fetched?.['cin7.sales']).toBe(fetchedAt);
    expect(status.fetched?.['cin7.purchases']).toBe(fetchedAt);
    expect(status.fetched?.['xero.accounts']).toBe(fetchedAt);
    const coverage = new Map(status.coverage.map((entry) => [entry.check, entry]));
    expect(coverage.get('documents-window')).toMatchObject({ ran: true, reason: expect.stringContaining('2 sales and 1 purchase checked') });
    expect(coverage.get('documents-outside-window')).toMatchObject({ ran: false, reason: expect.stringContaining('before 1 Apr 2026') });
    expect(coverage.has('documents-pending')).toBe(false);
    expect(coverage.get('document-locked-period')).toMatchObject({ ran: true });
    expect(coverage.get('override-sales')).toMatchObject({ ran: true });
  });

  it('an incremental refresh fetches a document again only when the list shows it changed', async () => {
    const { service, pair } = await refreshedBroken();
    const sale = sandbox.snapshot().cin7?.sales?.[1];
    const before = sandbox.stats.snapshot();
    await service.refresher.refresh(pair, { full: false });
    const unchanged = sandbox.stats.snapshot();
    expect(unchanged.calls['cin7 GET sale'] ?? 0).toBe(before.calls['cin7 GET sale'] ?? 0);
    expect(unchanged.calls['cin7 GET purchase'] ?? 0).toBe(before.calls['cin7 GET purchase'] ?? 0);

    sandbox.store.modifyCin7('sales', sale?.ID ?? '', { Customer: 'Renamed Customer Ltd' });
    await service.refresher.refresh(pair, { full: false });
    const after = sandbox.stats.snapshot();
    expect((after.calls['cin7 GET sale'] ?? 0) - (unchanged.calls['cin7 GET sale'] ?? 0)).toBe(1);
    expect(after.calls['cin7 GET purchase'] ?? 0).toBe(unchanged.calls['cin7 GET purchase'] ?? 0);
    const stored = await service.data.getSnapshot(pair.id);
    expect(stored?.snapshot.cin7?.sales?.find((s) => s.ID === sale?.ID)?.Customer).toBe('Renamed Customer Ltd');
    expect(stored?.snapshot.cin7?.sales).toHaveLength(2);
  });
});
