// Refreshes a pair: fetch (incremental unless asked for full), store the API snapshot, audit it with the pair's mapping
// and features (page-inputs.ts), store the findings.
// One refresh per pair at a time; progress (list, page, rate-limit waits) and since when it runs are kept for
// getStatus and broadcast. A refresh that cannot finish by its deadline ends with its error recorded in words.
import { audit } from '../audit';
import { AUDIT_READ } from './snapshot-store';
import type { Finding } from '../audit/types';
import type { Pair, Progress } from '../protocol/shapes';
import { Cin7Client, type Cin7Credentials } from '../cin7/api/client';
import { XeroClient, type XeroTokenSource } from '../xero/api/client';
import { documentWindowView, refreshCoverage } from './coverage';
import { findingKey } from './finding-key';
import { snapshotToAudit } from './page-inputs';
import type { PairDataStore, StoredResult } from './results';
import { refreshSnapshot, STREAMED_LISTS, type StoredSnapshot } from './snapshot';
import { QUEUE_PRIORITY } from '../net/limits';
import type { JournalStore } from './refresh-journal';
import { describeError, isQuotaError } from '../net/user-error';
import { deadlineError, localDay, REFRESH_DEADLINE_MS, RefreshCancelled } from './refresh-stops';
export { localDay, REFRESH_DEADLINE_MS };

export interface RefresherDeps {
  data: PairDataStore;
  xeroTokens: XeroTokenSource;
  cin7Credentials: (accountId: string) => Promise<Cin7Credentials | undefined>;
  fetch?: typeof fetch;
  /** First backoff after a failed API call (the clients' default when unset). */
  retryBaseMs?: number;
  now: () => number;
  /** How long one refresh may run before it is stopped with an error (REFRESH_DEADLINE_MS when unset). */
  deadlineMs?: number;
  /** Called on progress and when a refresh ends (to broadcast and update the badge). */
  onChange: (pairId: string, progress: Progress | undefined) => void;
  /** Where refreshes persist their progress so a stopped worker's refresh resumes (none: nothing resumes). */
  journal?: JournalStore;
  /** The organisation's short code learnt from a refresh (tab → pair detection on Xero pages). */
  onXeroOrganisation?: (pair: Pair, shortCode: string | undefined, name: string | undefined) => void;
  /** A refresh's audit was stored (after the one before it, if any): the pair's history and notifications. */
  onAudited?: (pairId: string, previous: StoredResult | undefined, record: StoredResult) => Promise<void> | void;
}

/** What a refresh request did: started one, joined the one running, or queued a full one to follow it. */
export interface RefreshStart {
  outcome: 'started' | 'joined' | 'queued';
  /** When the running (or just started) refresh began (ISO). */
  since: string;
  done: Promise<void>;
}

export class Refresher {
  private readonly running = new Map<string, Promise<void>>();
  private readonly startedAt = new Map<string, number>();
  private readonly runningFull = new Set<string>();
  private readonly queuedFull = new Map<string, Promise<void>>();
  private readonly progress = new Map<string, Progress>();
  private readonly xeroClients = new Map<string, XeroClient>();
  /** Each running refresh's stop (its deadline, or a disconnect). */
  private readonly stops = new Map<string, AbortController>();

  constructor(private readonly deps: RefresherDeps) {}

  /**
   * A connection ended (Disconnect): running refreshes stop and write nothing more, not even an error, and full
   * refreshes queued behind them are dropped. What they fetched belongs to a connection that is gone.
   */
  cancelAll(): void {
    for (const pairId of [...this.stops.keys(), ...this.queuedFull.keys()]) this.cancel(pairId);
  }

  /** The same for one pair (it is being removed): its refresh stops and writes nothing more. */
  cancel(pairId: string): void {
    this.queuedFull.delete(pairId);
    this.stops.get(pairId)?.abort(new RefreshCancelled());
  }

  progressOf(pairId: string): Progress | undefined {
    if (!this.running.has(pairId)) return undefined;
    return { ...(this.progress.get(pairId) ?? { list: '', page: 0, message: 'Starting…' }), startedAt: this.sinceOf(pairId) };
  }

  private sinceOf(pairId: string): string {
    return new Date(this.startedAt.get(pairId) ?? this.deps.now()).toISOString();
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

  /** A Cin7 client for the account; a page's requests (the default) queue behind a refresh's. */
  async cin7Client(
    accountId: string,
    options: { onWait?: (ms: number, reason: string) => void; priority?: number } = {},
  ): Promise<Cin7Client | undefined> {
    const credentials = await this.deps.cin7Credentials(accountId);
    const { fetch, retryBaseMs } = this.deps;
    return credentials ? new Cin7Client(credentials, { fetch, retryBaseMs, priority: QUEUE_PRIORITY.onDemand, ...options }) : undefined;
  }

  /**
   * Starts (or joins) the pair's refresh; resolves when it ends. Never rejects: failures land in the result.
   * A full refresh asked for while an incremental one runs follows it (once), rather than being lost in it.
   */
  refresh(pair: Pair, options: { full?: boolean } = {}): Promise<void> {
    return this.begin(pair, options).done;
  }

  /** Like `refresh`, and says whether it started one, joined the running one or queued a full one, and since when. */
  begin(pair: Pair, options: { full?: boolean } = {}): RefreshStart {
    const full = options.full ?? false;
    const existing = this.running.get(pair.id);
    if (existing) {
      const since = this.sinceOf(pair.id);
      if (!full || this.runningFull.has(pair.id)) return { outcome: 'joined', since, done: existing };
      let queued = this.queuedFull.get(pair.id);
      if (!queued) {
        queued = existing.then(() => {
          if (this.queuedFull.get(pair.id) !== queued) return; // dropped by cancel
          this.queuedFull.delete(pair.id);
          return this.refresh(pair, { full: true });
        });
        this.queuedFull.set(pair.id, queued);
      }
      return { outcome: 'queued', since, done: queued };
    }
    if (full) this.runningFull.add(pair.id);
    this.startedAt.set(pair.id, this.deps.now());
    const run = this.run(pair, full).finally(() => {
      this.running.delete(pair.id);
      this.runningFull.delete(pair.id);
      this.progress.delete(pair.id);
      this.startedAt.delete(pair.id);
      this.deps.onChange(pair.id, undefined);
    });
    this.running.set(pair.id, run);
    return { outcome: 'started', since: this.sinceOf(pair.id), done: run };
  }

  private report(pairId: string, progress: Progress) {
    this.progress.set(pairId, progress);
    this.deps.onChange(pairId, { ...progress, startedAt: this.sinceOf(pairId) });
  }

  private async run(pair: Pair, full: boolean): Promise<void> {
    const deadlineMs = this.deps.deadlineMs ?? REFRESH_DEADLINE_MS;
    const stop = new AbortController();
    this.stops.set(pair.id, stop);
    const timer = setTimeout(() => stop.abort(deadlineError(deadlineMs)), deadlineMs);
    const endsAt = this.deps.now() + deadlineMs;
    const stopped = new Promise<never>((_resolve, reject) => {
      stop.signal.addEventListener('abort', () => reject(stop.signal.reason as Error), { once: true });
    });
    const { journal } = this.deps;
    try {
      await Promise.race([this.fetchAuditStore(pair, full, stop.signal, () => endsAt - this.deps.now()), stopped]);
      await journal?.clear(pair.id);
    } catch (error) {
      if (error instanceof RefreshCancelled) await journal?.clear(pair.id).catch(() => undefined);
      else {
        // Kept, with why it stopped: the next refresh continues from it, but no worker start retries it on its own.
        await journal?.fail(pair.id, describeError(error).message).catch(() => undefined);
        await this.recordFailure(pair.id, error);
      }
    } finally {
      clearTimeout(timer);
      this.stops.delete(pair.id);
    }
  }

  /**
   * The refresh's work. Once stopped (deadline), it throws at its next page or rate-limit wait and writes nothing,
   * so a late answer never overwrites what the stop recorded. The documents phase ends before the deadline (timeLeft),
   * so the lists fetched are stored even when there are more documents than time.
   */
  private async fetchAuditStore(pair: Pair, full: boolean, signal: AbortSignal, timeLeft: () => number): Promise<void> {
    const { unstored, lastError } = await this.fetchAndStore(pair, full, signal, timeLeft);
    signal.throwIfAborted(); // past the deadline while storing: the deadline's error stands, nothing more is written
    // Read back as a re-audit reads it, once nothing of the refresh is held any more (issue #17: the worker's heap
    // grows with what was live at its last collection, and the refresh held every list with all its fields).
    const audited = unstored ?? (await this.deps.data.getSnapshot(pair.id, AUDIT_READ));
    await this.auditAndStore(pair.id, audited, lastError, { check: true, signal });
  }

  /** Fetches and stores the snapshot; `unstored`: what to audit when it could not be stored (a full disk). */
  private async fetchAndStore(pair: Pair, full: boolean, signal: AbortSignal, timeLeft: () => number): Promise<{ unstored?: StoredSnapshot; lastError: StoredResult['lastError'] }> {
    const { data, now } = this.deps;
    // The big lists are read, merged and written page by page (never the whole previous snapshot and the new one); a
    // full refresh replaces Xero's items whole, so it does not hold the old ones beside them (a failure keeps their pages).
    const writer = await data.snapshotWriter?.(pair.id);
    const previous = await data.getSnapshot(pair.id, writer ? { omit: full ? [...STREAMED_LISTS, 'xero.items'] : STREAMED_LISTS } : undefined);
    const opened = await this.deps.journal?.open(pair.id, full || !previous, now()), resumed = opened?.resumed === true;
    const report = (progress: Progress) => {
      signal.throwIfAborted();
      this.report(pair.id, resumed ? { ...progress, resumed, message: `Resumed: ${progress.message}` } : progress);
    };
    report({ list: '', page: 0, message: 'Starting…' });
    const onWait = (ms: number, reason: string) => {
      const current = this.progress.get(pair.id) ?? { list: '', page: 0, message: '' };
      report({ ...current, waitingMs: ms, message: `Waiting ${Math.ceil(ms / 1000)} s for the ${reason}` });
    };
    const cin7 = await this.cin7Client(pair.cin7AccountId, { onWait, priority: QUEUE_PRIORITY.refresh });
    if (!cin7) throw new Error('Cin7 Core credentials are missing for this pair');
    const xero = this.xeroClient(pair.xeroTenantId);
    const journal = opened?.journal;
    const fullRead = journal?.state.full ?? (full || !previous);
    const outcome = await refreshSnapshot({ cin7, xero, previous, full: fullRead, now, today: localDay(now()), timeLeft, onProgress: report, journal, writer });
    signal.throwIfAborted();
    // A full disk must not cost the user this refresh's findings: audit what was fetched even when it cannot be kept.
    const notStored = await data.putSnapshot(pair.id, outcome.stored).then(() => undefined, (error: unknown) => error);
    if (notStored !== undefined && !isQuotaError(notStored)) throw notStored;
    const organisation = outcome.stored.snapshot.xero?.organisation;
    if (organisation) this.deps.onXeroOrganisation?.(pair, organisation.ShortCode ?? undefined, organisation.Name);
    const lastError = notStored !== undefined || outcome.failures[0] ? describeError(notStored ?? outcome.failures[0]?.error) : undefined;
    if (notStored === undefined) return { lastError };
    // Its pages are read back as a re-audit reads them (they are there even when the snapshot could not be put).
    return { unstored: writer ? await writer.read(outcome.stored, AUDIT_READ) : outcome.stored, lastError };
  }

  /**
   * At a worker start: the refreshes a stopped worker left unfinished continue where they stopped (their pairs are
   * looked up by the caller: a pair removed since is skipped and its journal dropped).
   */
  async resumeUnfinished(pairs: readonly Pair[]): Promise<string[]> {
    const { journal } = this.deps;
    if (!journal) return [];
    const resumed: string[] = [];
    for (const pairId of await journal.unfinished(this.deps.now())) {
      const pair = pairs.find((candidate) => candidate.id === pairId);
      if (!pair) await journal.clear(pairId);
      else if (!this.running.has(pairId)) {
        this.begin(pair, { full: (await journal.get(pairId))?.full });
        resumed.push(pairId);
      }
    }
    return resumed;
  }

  /** A refresh that failed as a whole: the previous findings stay, with the error and the attempt's time. */
  private async recordFailure(pairId: string, error: unknown): Promise<void> {
    const { data, now } = this.deps;
    const lastError = describeError(error);
    const previousResult = await data.getResult(pairId);
    if (previousResult) await data.putResult(pairId, { ...previousResult, lastError, attemptedAt: new Date(now()).toISOString() });
    else await this.auditAndStore(pairId, undefined, lastError, { check: true });
  }

  /** The stored snapshot audited again, read with only the fields rules read (same findings, far less memory). */
  async reaudit(pairId: string, lastError?: StoredResult['lastError'], options: { ifStored?: boolean } = {}): Promise<StoredResult | undefined> {
    const stored = await this.deps.data.getSnapshot(pairId, AUDIT_READ);
    if (!stored && options.ifStored) return undefined;
    return this.auditAndStore(pairId, stored, lastError);
  }

  /**
   * Runs the engine on the stored snapshot + the pair's mapping and features, and stores the findings with their keys.
   * Only a refresh's audit (`check`) is a check of the set-up for the history and notifications; a re-audit (a mapping
   * read, features declared, an update) is not. A stopped refresh (`signal`: removed pair, disconnect) writes nothing.
   */
  async auditAndStore(
    pairId: string,
    stored: StoredSnapshot | undefined,
    lastError?: StoredResult['lastError'],
    options: { check?: boolean; signal?: AbortSignal } = {},
  ): Promise<StoredResult> {
    const { data, now } = this.deps;
    const snapshot = await snapshotToAudit(data, pairId, stored);
    const engine = audit(snapshot, { today: localDay(now()) });
    // The engine says which rules ran on what; the refresh adds what it could not fetch or left outside the window.
    const result = { ...engine, coverage: [...engine.coverage, ...refreshCoverage(stored)] };
    const record: StoredResult = {
      audit: result,
      keys: result.findings.map((finding: Finding) => findingKey(finding)),
      auditedAt: new Date(now()).toISOString(),
      attemptedAt: new Date(now()).toISOString(),
      fetched: stored?.fetched,
      documentWindow: documentWindowView(stored),
      xeroCountryCode: snapshot.xero?.organisation?.CountryCode?.slice(0, 3) ?? undefined,
      lastError,
    };
    const previous = await data.getResult(pairId);
    options.signal?.throwIfAborted();
    await data.putResult(pairId, record);
    if (options.check && !options.signal?.aborted) await Promise.resolve(this.deps.onAudited?.(pairId, previous, record)).catch(() => undefined);
    return record;
  }
}
