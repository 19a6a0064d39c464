// The status view of a pair (what the panel, popup and badge show). Building it only reads: stored data, the
// refresher's progress, the connection states. Starting a refresh is the caller's explicit step (refresh-policy.ts).
import { xeroReconnectError } from '../xero/api/errors';
import type { ConnectionState, Pair, Status } from '../protocol/shapes';
import type { BackgroundContext } from './context';
import { withReviewMark } from './finding-key';
import { learnedPagesFor, withLearnedLinks } from './learned-pages';
import { mappingChangeView } from './mapping-change';
import { oldestFetch } from './snapshot';
import { cin7AccountsItem, xeroTenantsItem } from './state';

type StatusSources = Pick<BackgroundContext, 'data' | 'xeroAuth' | 'refresher' | 'cin7Keys'>;

/** Whether the pair's Cin7 Core account (or the only known one) has a key. */
async function hasCin7Key(ctx: Pick<StatusSources, 'cin7Keys'>, pair: Pair | undefined): Promise<boolean> {
  const accounts = pair ? [] : await cin7AccountsItem.getValue();
  const accountId = pair?.cin7AccountId ?? (accounts.length === 1 ? accounts[0]?.accountId : undefined);
  return Boolean(accountId && (await ctx.cin7Keys.get(accountId)));
}

/** Cin7 Core's side: a key, which the last refresh did not refuse. */
function cin7ConnectionState(hasKey: boolean, lastErrorCode: string | undefined): ConnectionState {
  if (!hasKey) return 'not-connected';
  return lastErrorCode === 'cin7-credentials' ? 'reconnect-needed' : 'connected';
}

/**
 * Xero's side for a pair: signed in, and the pair's organisation still among those the sign-in granted (the list
 * `/connections` gave at the last connect or refresh). An organisation the user disconnected from the app in Xero
 * needs a reconnect, with the reason in words.
 */
export async function xeroConnectionState(
  ctx: Pick<StatusSources, 'xeroAuth'>,
  pair: Pair | undefined,
): Promise<{ xero: ConnectionState; xeroReason?: string }> {
  // Both at once: a tab's first message waits for this on every page load.
  const [xero, tenants] = await Promise.all([ctx.xeroAuth.state(), pair ? xeroTenantsItem.getValue() : []]);
  if (xero !== 'connected' || !pair) return { xero };
  if (tenants.some((tenant) => tenant.tenantId === pair.xeroTenantId)) return { xero };
  const name = pair.xeroTenantName ?? 'This pair’s Xero organisation';
  return {
    xero: 'reconnect-needed',
    xeroReason: `${name} is no longer among the organisations Xero lets Mapping Guard read. Connect Xero again and tick it.`,
  };
}

/** The status of a pair (or of the connections alone, without one). Never writes, never starts a refresh. */
export async function readStatus(ctx: StatusSources, pair: Pair | undefined): Promise<Status> {
  if (!pair) {
    const [xero, hasKey] = await Promise.all([ctx.xeroAuth.state(), hasCin7Key(ctx, undefined)]);
    return { connection: { xero, cin7: cin7ConnectionState(hasKey, undefined) }, findings: [], coverage: [] };
  }
  // All at once: a tab's first message waits for this on every page load.
  const [result, mapping, change, reviewed, learned, xeroState, cin7Keyed] = await Promise.all([
    ctx.data.getResult(pair.id),
    ctx.data.getMapping(pair.id),
    ctx.data.getMappingChange(pair.id),
    ctx.data.getReviewed(pair.id),
    learnedPagesFor(pair.cin7AccountId),
    xeroConnectionState(ctx, pair),
    hasCin7Key(ctx, pair),
  ]);
  const { limits } = ctx.refresher.xeroClient(pair.xeroTenantId);
  return {
    connection: { ...xeroState, cin7: cin7ConnectionState(cin7Keyed, result?.lastError?.code) },
    pairId: pair.id,
    pairName: pair.name,
    fetchedAt: oldestFetch(result),
    fetched: result?.fetched,
    documentWindow: result?.documentWindow,
    xeroCountryCode: result?.xeroCountryCode,
    mappingReadAt: mapping?.readAt,
    mappingChange: mappingChangeView(change, mapping),
    summary: result?.audit.summary,
    // Keys come from the engine's findings, before the learned URLs change their links.
    findings: withLearnedLinks(
      (result?.audit.findings ?? []).map((finding, index) => withReviewMark(finding, reviewed, result?.keys[index])),
      learned,
    ),
    cin7LearnedPages: learned,
    coverage: result?.audit.coverage ?? [],
    refreshing: ctx.refresher.progressOf(pair.id),
    lastError: result?.lastError
      ? { message: result.lastError.message, detail: result.lastError.detail }
      : xeroState.xero === 'reconnect-needed' && !xeroState.xeroReason
        ? // Xero refused the sign-in outside a refresh (another call's token renewal): say so in words all the same.
          { message: xeroReconnectError('').message }
        : undefined,
    xeroLimits: { minuteRemaining: limits.minuteRemaining, dayRemaining: limits.dayRemaining },
  };
}

/**
 * Open errors of the pair a tab shows (the selected pair for a tab that is not an identified app tab), for the
 * toolbar badge: the same count as the panel's and popup's "Open: N errors" (reviewed errors are not open).
 */
export async function errorCountForTab(ctx: Pick<BackgroundContext, 'data' | 'findPair'>, tabId: number | undefined): Promise<number | undefined> {
  const { pair } = await ctx.findPair({ caller: tabId === undefined ? 'extension' : 'content', tabId });
  if (!pair) return undefined;
  const [result, reviewed] = await Promise.all([ctx.data.getResult(pair.id), ctx.data.getReviewed(pair.id)]);
  if (!result) return undefined;
  return result.audit.findings.filter((finding, index) => finding.severity === 'error' && !withReviewMark(finding, reviewed, result.keys[index]).reviewed).length;
}
