// The one context every handler group shares: what the service is given (deps) plus what it builds from them once
// (Xero sign-in, the refresher, the Cin7 keys, pair resolution). Handler groups take it explicitly; none keeps state.
import type { AppId } from '../apps';
import type { JournalStore } from './refresh-journal';
import type { Progress } from '../protocol/shapes';
import { XeroAuth } from '../xero/api/auth';
import { cin7Keys, type Cin7Keys } from './cin7-keys';
import { findPair, pairById, resolvePair, writablePair } from './pair-resolution';
import type { CheckEntry } from '../practice/changes';
import { recordCheck } from './history';
import { rememberOrganisation } from './pair-store';
import { createOnDemandCin7, type OnDemandCin7 } from './on-demand';
import { Refresher } from './refresher';
import type { PairDataStore } from './results';
import type { ProtectedSecretStore } from './secrets';
import { pairsItem, resolveXeroClientId } from './state';

export interface ServiceDeps {
  secrets: ProtectedSecretStore;
  data: PairDataStore;
  redirectUrl: string;
  launchWebAuthFlow: (url: string) => Promise<string | undefined>;
  fetch?: typeof fetch;
  /** First backoff after a failed API call (doubles per retry); tests against the sandbox's faults shorten it. */
  retryBaseMs?: number;
  now?: () => number;
  /** A pair's status changed (progress, new findings, connection): broadcast + badge. */
  onStatusChanged?: (pairId: string | undefined, progress: Progress | undefined) => void;
  /** Settings changed (the refresh alarm's period). */
  onSettingsChanged?: (refreshHours: number) => void;
  /** Opens the options page (browser.runtime.openOptionsPage). */
  openOptionsPage?: () => Promise<void>;
  /** Opens the guided set-up (welcome page): where a panel's "settings" leads while no pair exists yet. */
  openSetUpPage?: () => Promise<void>;
  /** Injects the overlay's bundle into a tab's frame (browser.scripting.executeScript); the start script asks for it. */
  injectOverlay?: (target: { tabId: number; frameId: number; app: AppId }) => Promise<void>;
  /** A tab said which organisation it shows (its badge may change). */
  onTabIdentified?: (tabId: number) => void;
  /** Refresh progress kept across worker restarts (resume); none in tests that do not need it. */
  journal?: JournalStore;
  /** How long one refresh may run before it is stopped with its error (REFRESH_DEADLINE_MS when unset). */
  refreshDeadlineMs?: number;
  /** Content-script requests that call the Cin7 API, per tab and rolling window (TAB_BUDGET when unset). */
  tabBudget?: { perWindow: number; windowMs: number };
  /** A check of a pair was stored in its history; `scheduled` when the schedule or "refresh all" started it. */
  onChecked?: (pairId: string, entry: CheckEntry, scheduled: boolean) => void;
}

export interface BackgroundContext {
  readonly deps: ServiceDeps;
  /** Per-pair data in IndexedDB: snapshot, result, mapping (its one home), reviewed marks, declared features. */
  readonly data: PairDataStore;
  readonly now: () => number;
  readonly xeroAuth: XeroAuth;
  readonly refresher: Refresher;
  readonly cin7Keys: Cin7Keys;
  /** Read only: which pair an action is about, and a content caller's tab state. */
  readonly findPair: typeof findPair;
  /** The pair a read is about (none for a tab of another or an unknown organisation). */
  readonly resolvePair: typeof resolvePair;
  /** The pair a write goes to; refuses a tab of another or an unknown organisation. */
  readonly writablePair: typeof writablePair;
  readonly pairById: typeof pairById;
  /** Tells pages and the badge that a pair's status changed (every pair's, without an id). */
  readonly statusChanged: (pairId?: string) => void;
  /** What pages ask of the Cin7 API on demand: kept lists and documents, and each tab's budget. */
  readonly onDemand: OnDemandCin7;
}

export function createBackgroundContext(deps: ServiceDeps): BackgroundContext {
  const now = deps.now ?? Date.now;
  const statusChanged = (pairId?: string) => deps.onStatusChanged?.(pairId, undefined);
  const keys = cin7Keys(deps.secrets);
  const xeroAuth = new XeroAuth({
    secrets: deps.secrets,
    clientId: async () => (await resolveXeroClientId()).clientId,
    redirectUrl: deps.redirectUrl,
    launchWebAuthFlow: deps.launchWebAuthFlow,
    fetch: deps.fetch,
    now,
    onStateChange: () => statusChanged(),
  });
  const refresher = new Refresher({
    data: deps.data,
    xeroTokens: xeroAuth,
    cin7Credentials: keys.get,
    fetch: deps.fetch,
    retryBaseMs: deps.retryBaseMs,
    now,
    deadlineMs: deps.refreshDeadlineMs,
    journal: deps.journal,
    onChange: (pairId, progress) => deps.onStatusChanged?.(pairId, progress),
    onXeroOrganisation: (pair, shortCode, name) => void rememberOrganisation(pair, shortCode, name),
    onAudited: async (pairId, previous, record) => {
      // A pair removed while its check ended keeps no history (removePair has forgotten it).
      if (!(await pairsItem.getValue()).some((pair) => pair.id === pairId)) return;
      const entry = await recordCheck(pairId, previous, record);
      if (entry) deps.onChecked?.(pairId, entry, false);
    },
  });
  const onDemand = createOnDemandCin7(now, deps.tabBudget);
  return { deps, data: deps.data, now, xeroAuth, refresher, cin7Keys: keys, findPair, resolvePair, writablePair, pairById, statusChanged, onDemand };
}
