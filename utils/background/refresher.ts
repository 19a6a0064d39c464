// Refreshes a pair: fetch (incremental unless asked for full), store the API snapshot, audit it with the pair's mapping
// and features (page-inputs.ts), store the findings.
// One refresh per pair at a time; progress (list, page, rate-limit waits) is kept for getStatus and broadcast.
import { audit } from '../audit';
import type { Finding } from '../audit/types';
import type { Progress, UserError } from '../protocol/shapes';
import { Cin7Client } from '../cin7/api/client';
import { XeroClient, type XeroTokenSource } from '../xero/api/client';
import { findingKey } from './finding-key';
import { snapshotToAudit } from './page-inputs';
import type { PairDataStore, StoredResult } from './results';
import { refreshSnapshot, type StoredSnapshot } from './snapshot';
import { describeError, isQuotaError } from '../net/user-error';
import type { Cin7Credentials } from '../cin7/api/client';
import type { Pair } from '../protocol/shapes';

export interface RefresherDeps {
  data: PairDataStore;
  xeroTokens: XeroTokenSource;
  cin7Credentials: (accountId: string) => Promise<Cin7Credentials | undefined>;
  fetch?: typeof fetch;
  /** First backoff after a failed API call (the clients' default when unset). */
  retryBaseMs?: number;
  now: () => number;
  /** Called on progress and when a refresh ends (to broadcast and update the badge). */
  onChange: (pairId: string, progress: Progress | undefined) => void;
  /** The organisation's short code learnt from a refresh (tab → pair detection on Xero pages). */
  onXeroOrganisation?: (pair: Pair, shortCode: string | undefined, name: string | undefined) => void;
}

/** The calendar day in the browser's zone: lock dates are compared as days (the engine never reads the clock). */
export function localDay(ms: number): string {
  const date = new Date(ms);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

export class Refresher {
  private readonly running = new Map<string, Promise<void>>();
  private readonly runningFull = new Set<string>();
  private readonly queuedFull = new Map<string, Promise<void>>();
  private readonly progress = new Map<string, Progress>();
  private readonly xeroClients = new Map<string, XeroClient>();

  constructor(private readonly deps: RefresherDeps) {}

  progressOf(pairId: string): Progress | undefined {
    return this.running.has(pairId) ? (this.progress.get(pairId) ?? { list: '', page: 0, message: 'Starting…' }) : undefined;
  }

  isRunning(pairId: string): boolean {
    return this.running.has(pairId);
  }

  anyRunning(): boolean {
    return this.running.size > 0;
  }

  /** The Xero client of a tenant, kept so its remaining-calls figures survive between refreshes. */
  xeroClient(tenantId: string): XeroClient {
    let client = this.xeroClients.get(tenantId);
    if (!client) {
      client = new XeroClient(tenantId, this.deps.xeroTokens, { fetch: this.deps.fetch, retryBaseMs: this.deps.retryBaseMs });
      this.xeroClients.set(tenantId, client);
    }
    return client;
  }

  async cin7Client(accountId: string, onWait?: (ms: number, reason: string) => void): Promise<Cin7Client | undefined> {
    const credentials = await this.deps.cin7Credentials(accountId);
    return credentials ? new Cin7Client(credentials, { fetch: this.deps.fetch, retryBaseMs: this.deps.retryBaseMs, onWait }) : undefined;
  }

  /**
   * Starts (or joins) the pair's refresh; resolves when it ends. Never rejects: failures land in the result.
   * A full refresh asked for while an incremental one runs follows it (once), rather than being lost in it.
   */
  refresh(pair: Pair, options: { full?: boolean } = {}): Promise<void> {
    const full = options.full ?? false;
    const existing = this.running.get(pair.id);
    if (existing) {
      if (!full || this.runningFull.has(pair.id)) return existing;
      let queued = this.queuedFull.get(pair.id);
      if (!queued) {
        queued = existing.then(() => {
          this.queuedFull.delete(pair.id);
          return this.refresh(pair, { full: true });
        });
        this.queuedFull.set(pair.id, queued);
      }
      return queued;
    }
    if (full) this.runningFull.add(pair.id);
    const run = this.run(pair, full).finally(() => {
      this.running.delete(pair.id);
      this.runningFull.delete(pair.id);
      this.progress.delete(pair.id);
      this.deps.onChange(pair.id, undefined);
    });
    this.running.set(pair.id, run);
    return run;
  }

  private report(pairId: string, progress: Progress) {
    this.progress.set(pairId, progress);
    this.deps.onChange(pairId, progress);
  }

  private async run(pair: Pair, full: boolean): Promise<void> {
    const { data, now } = this.deps;
    this.report(pair.id, { list: '', page: 0, message: 'Starting…' });
    let lastError: (UserError & { code?: string }) | undefined;
    try {
      const onWait = (ms: number, reason: string) => {
        const current = this.progress.get(pair.id) ?? { list: '', page: 0, message: '' };
        this.report(pair.id, { ...current, waitingMs: ms, message: `Waiting ${Math.ceil(ms / 1000)} s for the ${reason}` });
      };
      const cin7 = await this.cin7Client(pair.cin7AccountId, onWait);
      if (!cin7) throw new Error('Cin7 Core credentials are missing for this pair');
      const xero = this.xeroClient(pair.xeroTenantId);
      const previous = await data.getSnapshot(pair.id);
      const outcome = await refreshSnapshot({
        cin7,
        xero,
        previous,
        full: full || !previous,
        now,
        onProgress: (progress) => this.report(pair.id, progress),
      });
      // A full disk must not cost the user this refresh's findings: audit what was fetched even when it cannot be kept.
      const notStored = await data.putSnapshot(pair.id, outcome.stored).then(() => undefined, (error: unknown) => error);
      if (notStored !== undefined && !isQuotaError(notStored)) throw notStored;
      const organisation = outcome.stored.snapshot.xero?.organisation;
      if (organisation) this.deps.onXeroOrganisation?.(pair, organisation.ShortCode ?? undefined, organisation.Name);
      const firstFailure = outcome.failures[0];
      if (notStored !== undefined) lastError = describeError(notStored);
      else if (firstFailure) lastError = describeError(firstFailure.error);
      await this.auditAndStore(pair.id, outcome.stored, lastError);
    } catch (error) {
      lastError = describeError(error);
      const previousResult = await data.getResult(pair.id);
      if (previousResult) {
        await data.putResult(pair.id, { ...previousResult, lastError, attemptedAt: new Date(now()).toISOString() });
      }
      else await this.auditAndStore(pair.id, undefined, lastError);
    }
  }

  /** Runs the engine on the stored snapshot + the pair's mapping and features, and stores the findings with their keys. */
  async auditAndStore(pairId: string, stored: StoredSnapshot | undefined, lastError?: StoredResult['lastError']): Promise<StoredResult> {
    const { data, now } = this.deps;
    const snapshot = await snapshotToAudit(data, pairId, stored);
    const result = audit(snapshot, { today: localDay(now()) });
    const record: StoredResult = {
      audit: result,
      keys: result.findings.map((finding: Finding) => findingKey(finding)),
      auditedAt: new Date(now()).toISOString(),
      attemptedAt: new Date(now()).toISOString(),
      fetched: stored?.fetched,
      lastError,
    };
    await data.putResult(pairId, record);
    return record;
  }
}
