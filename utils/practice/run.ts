// A "refresh all" or scheduled run across pairs, as stored (utils/background/practice-queue.ts) and as the practice
// page shows its progress.
import { z } from 'zod';

export const practiceRunSchema = z.object({
  /** Pairs still to refresh (a running one stays here until it ends, so it is run again after a restart). */
  pending: z.array(z.string().max(200)).max(1000),
  done: z.array(z.string().max(200)).max(1000),
  /** Pairs left out: a side not connected. */
  skipped: z.array(z.string().max(200)).max(1000),
  /** Why each skipped pair was left out, in words (a run stored by an earlier release has none). */
  skipReasons: z.record(z.string().max(200), z.string().max(500)).optional(),
  startedAt: z.string().max(40),
  finishedAt: z.string().max(40).optional(),
  full: z.boolean(),
  /** Started by the schedule (the alarm), not by a person: its checks may notify. */
  scheduled: z.boolean(),
});
export type PracticeRun = z.infer<typeof practiceRunSchema>;
