// "Refresh all" and the schedule across every pair (issue #18): a queue of pair ids kept in storage.local, so a
// browser closed half-way resumes where it stopped (startBackground and the alarm call `resume`). Which pairs run
// together is utils/practice/schedule.ts (one per Cin7 key and per Xero organisation); each refresh paces itself
// within its key's and organisation's limits through the clients' shared queues (utils/net/limits.ts).
import { storage } from 'wxt/utils/storage';
import { practiceRunSchema, type PracticeRun } from '../practice/run';
import { pairsToStart } from '../practice/schedule';
import type { Pair } from '../protocol/shapes';
import type { BackgroundContext } from './context';
import { recheckXeroTenants } from './handlers/connections';
import { isRefreshDue } from './refresh-policy';
import { pairsItem } from './state';
import { xeroConnectionState } from './status';

const runItem = storage.defineItem<unknown>('local:practiceRun', { fallback: null });

export async function readRun(): Promise<PracticeRun | undefined> {
  return practiceRunSchema.safeParse(await runItem.getValue()).data;
}

type QueueSources = Pick<BackgroundContext, 'refresher' | 'xeroAuth' | 'cin7Keys' | 'data' | 'now' | 'deps' | 'statusChanged'>;

/** Why a pair cannot refresh now (a side not connected, or its organisation no longer granted); undefined when it can. */
async function notRunnable(ctx: QueueSources, pair: Pair): Promise<string | undefined> {
  const xero = await xeroConnectionState(ctx, pair);
  if (xero.xero !== 'connected') return xero.xeroReason ?? `${pair.name}: Xero is not connected.`;
  if (!(await ctx.cin7Keys.get(pair.cin7AccountId))) return `${pair.name}: Cin7 Core is not connected.`;
  return undefined;
}

export function createPracticeQueue(ctx: QueueSources) {
  /** One pump at a time: starting pairs reads and writes the stored run. */
  let chain: Promise<unknown> = Promise.resolve();
  /** Pairs whose refresh this queue waits for (started here, or a person's joined). */
  const watched = new Set<string>();
  const watch = (pair: Pair, full: boolean) => {
    if (watched.has(pair.id)) return;
    watched.add(pair.id);
    // A refresh already running for this pair (the popup's) is joined: it counts as this pair's refresh. One that
    // rejects all the same ends the pair's turn, or the run would wait for it for ever.
    void ctx.refresher
      .begin(pair, { full })
      .done.finally(() => {
        watched.delete(pair.id);
        return finish(pair.id);
      })
      .catch(() => undefined);
  };
  const serial = <T>(work: () => Promise<T>): Promise<T> => {
    const next = chain.then(work, work);
    chain = next.catch(() => undefined);
    return next;
  };

  const update = (change: (run: PracticeRun) => PracticeRun) =>
    serial(async () => {
      const run = await readRun();
      if (run) await runItem.setValue(change(run));
    });

  const finish = (pairId: string) =>
    update((run) => {
      const pending = run.pending.filter((id) => id !== pairId);
      const done = run.done.includes(pairId) ? run.done : [...run.done, pairId];
      return { ...run, pending, done, ...(pending.length ? {} : { finishedAt: new Date(ctx.now()).toISOString() }) };
    }).then(pump);

  function pump(): Promise<void> {
    return serial(async () => {
      const run = await readRun();
      if (!run || run.finishedAt) return;
      const pairs = await pairsItem.getValue();
      const known = new Set(pairs.map((pair) => pair.id));
      const pending = run.pending.filter((id) => known.has(id)); // a pair removed meanwhile is dropped
      const running = new Set(pairs.filter((pair) => ctx.refresher.isRunning(pair.id)).map((pair) => pair.id));
      const skipped = [...run.skipped];
      const skipReasons = { ...run.skipReasons };
      // Rounds until no pair can start: pairs skipped in a round free their place, or the rest would wait for ever.
      for (let round = pairsToStart(pending, pairs, running); round.length; round = pairsToStart(pending, pairs, running)) {
        for (const pair of round) {
          const reason = await notRunnable(ctx, pair);
          if (reason) {
            pending.splice(pending.indexOf(pair.id), 1);
            skipped.push(pair.id);
            skipReasons[pair.id] = reason.slice(0, 500);
            continue;
          }
          watch(pair, run.full);
          running.add(pair.id);
        }
      }
      for (const pair of pairs) if (running.has(pair.id) && pending.includes(pair.id)) watch(pair, false);
      const finished = pending.length === 0; // a pair still running stays pending until it ends
      await runItem.setValue({ ...run, pending, skipped, skipReasons, ...(finished ? { finishedAt: new Date(ctx.now()).toISOString() } : {}) });
    });
  }

  return {
    /**
     * Queues pairs (every pair when none given); a run in progress is extended, not restarted. As a refresh the user
     * asks for does, it first reads the Xero grants again (once, when anything is queued): a pair whose organisation
     * is no longer granted is skipped with the reason, and its status asks for a reconnect.
     */
    async enqueue(pairIds: string[] | undefined, options: { full?: boolean; scheduled?: boolean } = {}): Promise<PracticeRun> {
      const ids = pairIds ?? (await pairsItem.getValue()).map((pair) => pair.id);
      if (ids.length) await recheckXeroTenants(ctx).catch(() => undefined);
      await serial(async () => {
        const current = await readRun();
        const active = current && !current.finishedAt ? current : undefined;
        const pending = [...new Set([...(active?.pending ?? []), ...ids])];
        await runItem.setValue({
          pending,
          done: active?.done.filter((id) => !ids.includes(id)) ?? [],
          skipped: active?.skipped.filter((id) => !ids.includes(id)) ?? [],
          skipReasons: Object.fromEntries(Object.entries(active?.skipReasons ?? {}).filter(([id]) => !ids.includes(id))),
          startedAt: active?.startedAt ?? new Date(ctx.now()).toISOString(),
          full: (active?.full ?? false) || (options.full ?? false),
          scheduled: active ? active.scheduled && (options.scheduled ?? false) : (options.scheduled ?? false),
        });
      });
      await pump();
      return (await readRun())!;
    },
    /** The schedule: every pair whose data is due joins the queue (nothing when none is due). */
    async enqueueDue(): Promise<void> {
      const due: string[] = [];
      for (const pair of await pairsItem.getValue()) if (!ctx.refresher.isRunning(pair.id) && (await isRefreshDue(ctx, pair.id))) due.push(pair.id);
      if (due.length) await this.enqueue(due, { scheduled: true });
      else await pump();
    },
    /** After a restart: pairs still pending start again. */
    resume: pump,
    /** Whether the pair's current check was started by the schedule (its change may notify). */
    async isScheduled(pairId: string): Promise<boolean> {
      const run = await readRun();
      return Boolean(run?.scheduled && run.pending.includes(pairId));
    },
  };
}

export type PracticeQueue = ReturnType<typeof createPracticeQueue>;
