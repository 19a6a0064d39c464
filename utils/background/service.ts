// The background's answers to every named action (utils/messaging.ts). Wiring to browser events lives in
// entrypoints/background.ts; this module is testable with the fake browser and a fetch stub.
import { z } from 'zod';
import { auditDocument } from '../audit';
import { checkRecordTaxRules } from '../audit/record-tax-rules';
import { matchRoleLabel } from '../audit/labels';
import type { ActionContext, ActionHandlers } from '../protocol/server';
import type { ConnectionState, Pair, Progress, Status } from '../protocol/shapes';
import { Cin7Client, type Cin7Credentials } from '../cin7/api/client';
import { fetchXeroConnections } from '../xero/api/client';
import { XeroAuth, type XeroConnectionState } from '../xero/api/auth';
import { findingKey } from './finding-key';
import { automaticPair, makePair, pairForPage, type PageIdentity } from './pairs';
import { Refresher, localDay, withPageInputs } from './refresher';
import type { PairDataStore } from './results';
import type { SecretStore } from './secrets';
import { oldestFetch } from './snapshot';
import {
  DEFAULT_SETTINGS,
  cin7AccountsItem,
  pairsItem,
  resolveXeroClientId,
  selectedPairItem,
  settingsItem,
  tabPairsItem,
  xeroClientIdItem,
  xeroTenantsItem,
} from './state';
import { UserFacingError, describeError } from '../net/user-error';
import { countDocumentsInRange, mappedAccounts } from './xero-facts';
import { parseAnyDate } from '../schemas/dates';
import { organisationLockDate } from '../audit/context';

export interface ServiceDeps {
  secrets: SecretStore;
  data: PairDataStore;
  redirectUrl: string;
  launchWebAuthFlow: (url: string) => Promise<string | undefined>;
  fetch?: typeof fetch;
  now?: () => number;
  /** A pair's status changed (progress, new findings, connection): broadcast + badge. */
  onStatusChanged?: (pairId: string | undefined, progress: Progress | undefined) => void;
  /** Settings changed (the refresh alarm's period). */
  onSettingsChanged?: (refreshHours: number) => void;
  /** Opens the options page (browser.runtime.openOptionsPage). */
  openOptionsPage?: () => Promise<void>;
}

const cin7SecretName = (accountId: string) => `cin7:${accountId}`;
const RETRY_AFTER_FAILURE_MS = 15 * 60_000;
const cin7CredentialsSchema = z.object({ accountId: z.string(), applicationKey: z.string() });

export function createBackgroundService(deps: ServiceDeps) {
  const now = deps.now ?? Date.now;
  const xeroAuth = new XeroAuth({
    secrets: deps.secrets,
    clientId: async () => (await resolveXeroClientId()).clientId,
    redirectUrl: deps.redirectUrl,
    launchWebAuthFlow: deps.launchWebAuthFlow,
    fetch: deps.fetch,
    now,
    onStateChange: () => deps.onStatusChanged?.(undefined, undefined),
  });
  const cin7Credentials = (accountId: string) => deps.secrets.get(cin7SecretName(accountId), cin7CredentialsSchema);
  const refresher = new Refresher({
    data: deps.data,
    xeroTokens: xeroAuth,
    cin7Credentials,
    fetch: deps.fetch,
    now,
    onChange: (pairId, progress) => deps.onStatusChanged?.(pairId, progress),
    onXeroOrganisation: (pair, shortCode, name) => void rememberOrganisation(pair, shortCode, name),
  });

  async function rememberOrganisation(pair: Pair, shortCode: string | undefined, name: string | undefined) {
    const pairs = await pairsItem.getValue();
    const updated = pairs.map((p) =>
      p.xeroTenantId === pair.xeroTenantId ? { ...p, xeroShortCode: shortCode ?? p.xeroShortCode, xeroTenantName: name ?? p.xeroTenantName } : p,
    );
    await pairsItem.setValue(updated);
  }

  async function pairById(pairId: string | undefined): Promise<Pair | undefined> {
    if (!pairId) return undefined;
    return (await pairsItem.getValue()).find((pair) => pair.id === pairId);
  }

  /** The pair an action is about: explicit id, else what the page shows, else the tab's last pair, else the selection. */
  async function resolvePair(context: ActionContext, wanted: { pairId?: string } & PageIdentity = {}): Promise<Pair | undefined> {
    const pairs = await pairsItem.getValue();
    const explicit = await pairById(wanted.pairId);
    if (explicit) return explicit;
    const tabKey = context.tabId === undefined ? undefined : String(context.tabId);
    const fromPage = pairForPage(pairs, wanted);
    if (fromPage) {
      if (tabKey) await tabPairsItem.setValue({ ...(await tabPairsItem.getValue()), [tabKey]: fromPage.id });
      return fromPage;
    }
    if (tabKey) {
      const remembered = await pairById((await tabPairsItem.getValue())[tabKey]);
      if (remembered) return remembered;
    }
    return (await pairById((await selectedPairItem.getValue()) ?? undefined)) ?? (pairs.length === 1 ? pairs[0] : undefined);
  }

  async function cin7State(pair: Pair | undefined, lastErrorCode: string | undefined): Promise<ConnectionState> {
    const accounts = await cin7AccountsItem.getValue();
    const accountId = pair?.cin7AccountId ?? (accounts.length === 1 ? accounts[0]?.accountId : undefined);
    if (!accountId || !(await cin7Credentials(accountId))) return 'not-connected';
    return lastErrorCode === 'cin7-credentials' ? 'reconnect-needed' : 'connected';
  }

  /**
   * Due for an automatic refresh: data older than the setting, unless the last attempt failed recently (a wrong key
   * or an outage must not turn every status poll into a burst of API calls).
   */
  async function isStale(pairId: string): Promise<boolean> {
    const result = await deps.data.getResult(pairId);
    const fetchedAt = oldestFetch(result);
    const { refreshHours } = await settingsItem.getValue();
    if (result?.lastError && result.attemptedAt && now() - Date.parse(result.attemptedAt) < RETRY_AFTER_FAILURE_MS) return false;
    return !fetchedAt || now() - Date.parse(fetchedAt) > refreshHours * 3_600_000;
  }

  async function status(pair: Pair | undefined): Promise<Status> {
    const xero: XeroConnectionState = await xeroAuth.state();
    if (!pair) {
      return { connection: { xero, cin7: await cin7State(undefined, undefined) }, findings: [], coverage: [] };
    }
    const [result, mapping, reviewed] = await Promise.all([
      deps.data.getResult(pair.id),
      deps.data.getMapping(pair.id),
      deps.data.getReviewed(pair.id),
    ]);
    const client = refresher.xeroClient(pair.xeroTenantId);
    const findings = (result?.audit.findings ?? []).map((finding, index) => {
      const key = result?.keys[index] ?? findingKey(finding);
      return { ...finding, key, reviewed: reviewed.has(key) };
    });
    return {
      connection: { xero, cin7: await cin7State(pair, result?.lastError?.code) },
      pairId: pair.id,
      pairName: pair.name,
      fetchedAt: oldestFetch(result),
      mappingReadAt: mapping?.readAt,
      summary: result?.audit.summary,
      findings,
      coverage: result?.audit.coverage ?? [],
      refreshing: refresher.progressOf(pair.id),
      lastError: result?.lastError ? { message: result.lastError.message, detail: result.lastError.detail } : undefined,
      xeroLimits: { minuteRemaining: client.limits.minuteRemaining, dayRemaining: client.limits.dayRemaining },
    };
  }

  /** Starts a refresh when both sides are connected; returns whether one runs. */
  async function startRefresh(pair: Pair, full: boolean): Promise<boolean> {
    if ((await xeroAuth.state()) !== 'connected' || !(await cin7Credentials(pair.cin7AccountId))) return false;
    void refresher.refresh(pair, { full });
    return true;
  }

  async function addAutomaticPair(): Promise<void> {
    const pairs = await pairsItem.getValue();
    const pair = automaticPair(pairs, await cin7AccountsItem.getValue(), await xeroTenantsItem.getValue());
    if (!pair) return;
    await pairsItem.setValue([...pairs, pair]);
    if (!(await selectedPairItem.getValue())) await selectedPairItem.setValue(pair.id);
  }

  async function testCin7Credentials(credentials: Cin7Credentials): Promise<string | undefined> {
    const me = await new Cin7Client(credentials, { fetch: deps.fetch, maxRetries: 2 }).me();
    return me.Company ?? undefined;
  }

  const handlers: ActionHandlers = {
    async getStatus(args, context) {
      const pair = await resolvePair(context, args ?? {});
      if (pair && !refresher.isRunning(pair.id) && (await isStale(pair.id))) await startRefresh(pair, false);
      return status(pair);
    },
    async refresh(args, context) {
      const pair = await resolvePair(context, args ?? {});
      if (!pair) return { started: false };
      return { started: await startRefresh(pair, args?.full ?? false), pairId: pair.id };
    },
    async saveMapping(args, context) {
      const pair = await resolvePair(context, { pairId: args.pairId, cin7Company: args.cin7Company, host: 'cin7' });
      if (!pair) return { saved: false };
      await deps.data.putMapping(pair.id, { readAt: args.readAt, rows: args.rows });
      const previous = await deps.data.getResult(pair.id);
      await refresher.auditAndStore(pair.id, await deps.data.getSnapshot(pair.id), previous?.lastError);
      deps.onStatusChanged?.(pair.id, undefined);
      return { saved: true, pairId: pair.id };
    },
    async getMapping(args, context) {
      const pair = await resolvePair(context, args ?? {});
      if (!pair) return { mapping: null };
      return { mapping: (await deps.data.getMapping(pair.id)) ?? null, pairId: pair.id };
    },
    async getDocument(args, context) {
      const empty = { found: false, kind: args.kind, id: args.id, lines: [], findings: [] };
      const pair = await resolvePair(context, { pairId: args.pairId });
      if (!pair) return { ...empty, reason: 'Connect Cin7 Core and Xero in Mapping Guard’s options first.' };
      const cin7 = await refresher.cin7Client(pair.cin7AccountId);
      if (!cin7) return { ...empty, reason: 'Cin7 Core is not connected for this pair.' };
      const document =
        args.kind === 'sale'
          ? { kind: 'sale' as const, sale: await cin7.sale(args.id) }
          : { kind: 'purchase' as const, purchase: await cin7.purchase(args.id) };
      const stored = await deps.data.getSnapshot(pair.id);
      const snapshot = withPageInputs(
        stored?.snapshot ?? {},
        await deps.data.getMapping(pair.id),
        await deps.data.getFeatures(pair.id),
      );
      const checked = auditDocument(document, snapshot, { today: localDay(now()) });
      const reviewed = await deps.data.getReviewed(pair.id);
      return {
        found: true,
        kind: args.kind,
        id: args.id,
        lines: checked.lines,
        contactPosting: checked.contactPosting,
        xeroLockDate: checked.xeroLockDate,
        datedParts: checked.datedParts,
        findings: checked.findings.map((finding) => {
          const key = findingKey(finding);
          return { ...finding, key, reviewed: reviewed.has(key) };
        }),
        reason: stored ? undefined : 'Nothing fetched from Xero yet: refresh to check this document’s accounts.',
      };
    },
    async getRecordTaxRules(args, context) {
      const empty = { kind: args.kind, id: args.id, found: false, fields: [] };
      const pair = await resolvePair(context, { pairId: args.pairId });
      if (!pair) return { ...empty, reason: 'Connect Cin7 Core and Xero in Mapping Guard’s options first.' };
      const stored = await deps.data.getSnapshot(pair.id);
      if (!stored) return { ...empty, reason: 'Nothing fetched yet: refresh to check this record’s tax rules.' };
      return checkRecordTaxRules(stored.snapshot, { kind: args.kind, id: args.id });
    },
    async getXeroPageFacts(args, context) {
      const pair = await resolvePair(context, { ...(args ?? {}), host: 'xero' });
      if (!pair) return { mappedAccounts: [], cin7LockDate: null, xeroLockDate: null };
      const [stored, mapping] = await Promise.all([deps.data.getSnapshot(pair.id), deps.data.getMapping(pair.id)]);
      const xeroLockDate = organisationLockDate(stored?.snapshot.xero?.organisation);
      return {
        pairId: pair.id,
        mappedAccounts: mappedAccounts(mapping),
        mappingReadAt: mapping?.readAt,
        cin7LockDate: parseAnyDate(stored?.snapshot.cin7?.me?.LockDate),
        xeroLockDate,
      };
    },
    async countLockedDocuments(args, context) {
      const pair = await resolvePair(context, { pairId: args.pairId });
      if (!pair) return { counted: false, sales: 0, purchases: 0, reason: 'Connect Cin7 Core and Xero in Mapping Guard’s options first.' };
      const cin7 = await refresher.cin7Client(pair.cin7AccountId);
      if (!cin7) return { counted: false, sales: 0, purchases: 0, reason: 'Cin7 Core is not connected for this pair.' };
      const [sales, purchases] = await Promise.all([cin7.saleList(), cin7.purchaseList()]);
      return { counted: true, ...countDocumentsInRange(sales, purchases, { from: args.from, to: args.to }) };
    },
    async openOptions() {
      if (!deps.openOptionsPage) throw new UserFacingError('Open Mapping Guard’s options from the toolbar button.', 'not-found');
      await deps.openOptionsPage();
      return { ok: true as const };
    },
    async markReviewed(args, context) {
      const pair = await resolvePair(context, { pairId: args.pairId });
      if (!pair) throw new UserFacingError('No Cin7 Core ↔ Xero pair is set up yet.', 'not-found');
      const reviewed = await deps.data.getReviewed(pair.id);
      if (args.reviewed) reviewed.add(args.findingKey);
      else reviewed.delete(args.findingKey);
      await deps.data.putReviewed(pair.id, reviewed);
      deps.onStatusChanged?.(pair.id, undefined);
      return { ok: true as const };
    },

    async getConnections() {
      const { clientId, source } = await resolveXeroClientId();
      const tenants = await xeroTenantsItem.getValue();
      const accounts = await cin7AccountsItem.getValue();
      const withKeys = [];
      for (const account of accounts) if (await cin7Credentials(account.accountId)) withKeys.push(account);
      return {
        xero: {
          state: await xeroAuth.state(),
          clientId,
          clientIdSource: source,
          redirectUrl: deps.redirectUrl,
          tenants: tenants.map(({ tenantId, tenantName }) => ({ tenantId, tenantName })),
        },
        cin7: {
          state: withKeys.length ? ('connected' as const) : ('not-connected' as const),
          accounts: withKeys.map(({ accountId, company }) => ({ accountId, company })),
        },
      };
    },
    async connectXero() {
      await xeroAuth.connect();
      const connections = await fetchXeroConnections(await xeroAuth.accessToken(), deps.fetch);
      const tenants = connections
        .filter((connection) => connection.tenantType.toUpperCase() === 'ORGANISATION')
        .map((connection) => ({
          tenantId: connection.tenantId,
          tenantName: connection.tenantName ?? undefined,
          connectionId: connection.id,
        }));
      await xeroTenantsItem.setValue(tenants);
      await addAutomaticPair();
      deps.onStatusChanged?.(undefined, undefined);
      return { tenants: tenants.map(({ tenantId, tenantName }) => ({ tenantId, tenantName })) };
    },
    async disconnectXero() {
      await xeroAuth.disconnect();
      await xeroTenantsItem.setValue([]);
      deps.onStatusChanged?.(undefined, undefined);
      return { ok: true as const };
    },
    async setXeroClientId(args) {
      await xeroClientIdItem.setValue(args.clientId.trim() || null);
      return { ok: true as const };
    },
    async testCin7(args) {
      let credentials: Cin7Credentials | undefined;
      if (args?.accountId && args.applicationKey) credentials = { accountId: args.accountId, applicationKey: args.applicationKey };
      else {
        const accounts = await cin7AccountsItem.getValue();
        const accountId = args?.accountId ?? (accounts.length === 1 ? accounts[0]?.accountId : undefined);
        credentials = accountId ? await cin7Credentials(accountId) : undefined;
      }
      if (!credentials) return { ok: false, error: { message: 'Enter the Cin7 Core Account ID and application key first.' } };
      try {
        return { ok: true, company: await testCin7Credentials(credentials) };
      } catch (error) {
        const { message, detail } = describeError(error);
        return { ok: false, error: { message, detail } };
      }
    },
    async saveCin7Credentials(args) {
      const credentials = { accountId: args.accountId.trim(), applicationKey: args.applicationKey.trim() };
      const company = await testCin7Credentials(credentials); // throws the user-facing reason when refused
      await deps.secrets.set(cin7SecretName(credentials.accountId), credentials);
      const accounts = (await cin7AccountsItem.getValue()).filter((a) => a.accountId !== credentials.accountId);
      await cin7AccountsItem.setValue([...accounts, { accountId: credentials.accountId, company }]);
      await addAutomaticPair();
      deps.onStatusChanged?.(undefined, undefined);
      return { company };
    },
    async removeCin7Credentials(args) {
      await deps.secrets.delete(cin7SecretName(args.accountId));
      await cin7AccountsItem.setValue((await cin7AccountsItem.getValue()).filter((a) => a.accountId !== args.accountId));
      return { ok: true as const };
    },
    async listPairs() {
      return { pairs: await pairsItem.getValue(), selectedPairId: (await selectedPairItem.getValue()) ?? undefined };
    },
    async savePair(args) {
      const account = (await cin7AccountsItem.getValue()).find((a) => a.accountId === args.cin7AccountId);
      const tenant = (await xeroTenantsItem.getValue()).find((t) => t.tenantId === args.xeroTenantId);
      if (!account || !tenant) throw new UserFacingError('Connect that Cin7 Core account and Xero organisation first.', 'not-found');
      const pair = makePair(account, tenant);
      const pairs = (await pairsItem.getValue()).filter((p) => p.id !== pair.id);
      await pairsItem.setValue([...pairs, pair]);
      if (!(await selectedPairItem.getValue())) await selectedPairItem.setValue(pair.id);
      return pair;
    },
    async removePair(args) {
      await pairsItem.setValue((await pairsItem.getValue()).filter((p) => p.id !== args.pairId));
      if ((await selectedPairItem.getValue()) === args.pairId) await selectedPairItem.setValue(null);
      await deps.data.forget(args.pairId);
      return { ok: true as const };
    },
    async selectPair(args) {
      if (!(await pairById(args.pairId))) throw new UserFacingError('That pair no longer exists.', 'not-found');
      await selectedPairItem.setValue(args.pairId);
      deps.onStatusChanged?.(args.pairId, undefined);
      return { ok: true as const };
    },
    async getFeatures(args, context) {
      const pair = await resolvePair(context, { pairId: args?.pairId });
      if (!pair) return { detected: {}, declared: {} };
      const roles = new Set(((await deps.data.getMapping(pair.id))?.rows ?? []).map((row) => matchRoleLabel(row.label)));
      const detected = {
        inventoryAccrual: roles.has('inventoryAccrual') || roles.has('stockInTransit'),
        giftCards: roles.has('giftCardLiability'),
      };
      return { detected, declared: await deps.data.getFeatures(pair.id) };
    },
    async setFeatures(args, context) {
      const pair = await resolvePair(context, { pairId: args.pairId });
      if (!pair) throw new UserFacingError('No Cin7 Core ↔ Xero pair is set up yet.', 'not-found');
      await deps.data.putFeatures(pair.id, { inventoryAccrual: args.inventoryAccrual, giftCards: args.giftCards });
      const previous = await deps.data.getResult(pair.id);
      await refresher.auditAndStore(pair.id, await deps.data.getSnapshot(pair.id), previous?.lastError);
      deps.onStatusChanged?.(pair.id, undefined);
      return { ok: true as const };
    },
    async getDiagnostics(args, context) {
      const pair = await resolvePair(context, { pairId: args?.pairId });
      if (!pair) return { readers: [], limits: [], errors: [] };
      const [mapping, result] = await Promise.all([deps.data.getMapping(pair.id), deps.data.getResult(pair.id)]);
      const { limits } = refresher.xeroClient(pair.xeroTenantId);
      const known = (value: number | undefined) => (value === undefined ? 'not seen yet' : String(value));
      return {
        readers: mapping
          ? [{ reader: 'Cin7 Account Mapping page', lastRunAt: mapping.readAt, outcome: `${mapping.rows.length} rows read` }]
          : [],
        limits: [
          { api: 'Xero calls left this minute', remaining: known(limits.minuteRemaining) },
          { api: 'Xero calls left today', remaining: known(limits.dayRemaining) },
        ],
        errors: result?.lastError
          ? [{ at: result.auditedAt, message: result.lastError.message, detail: result.lastError.detail }]
          : [],
      };
    },
    async getSettings() {
      return { ...DEFAULT_SETTINGS, ...(await settingsItem.getValue()) };
    },
    async setSettings(args) {
      const settings = { ...DEFAULT_SETTINGS, ...(await settingsItem.getValue()), ...args };
      await settingsItem.setValue(settings);
      deps.onSettingsChanged?.(settings.refreshHours);
      return settings;
    },
  };

  /** The periodic alarm: refresh every pair whose data is older than the setting (incremental). */
  async function refreshDuePairs(): Promise<void> {
    for (const pair of await pairsItem.getValue()) {
      if (await isStale(pair.id)) await startRefresh(pair, false);
    }
  }

  /** Errors of the pair a tab shows (or the selected pair), for the toolbar badge. */
  async function errorCountForTab(tabId: number | undefined): Promise<number | undefined> {
    const pair = await resolvePair({ caller: tabId === undefined ? 'extension' : 'content', tabId });
    if (!pair) return undefined;
    return (await deps.data.getResult(pair.id))?.audit.summary.errors;
  }

  return { handlers, xeroAuth, refresher, data: deps.data, refreshDuePairs, errorCountForTab, resolvePair };
}

export type BackgroundService = ReturnType<typeof createBackgroundService>;
