// The practice view's actions (issue #18): every pair at once, "refresh all", the history, the practice file.
// Extension pages only; part of the one action table (actions.ts).
import { z } from 'zod';
import { historySchema } from '../practice/changes';
import { MAX_PRACTICE_FILE_CHARS } from '../practice/file';
import { practiceRunSchema } from '../practice/run';
import { pairSchema, statusSchema } from './shapes';

const empty = z.strictObject({}).optional();

export const practiceActions = {
  getPractice: {
    sender: 'extension',
    args: empty,
    result: z.object({
      rows: z.array(z.object({ pair: pairSchema, status: statusSchema, history: historySchema })),
      run: practiceRunSchema.optional(),
      /** Xero organisations the sign-in has granted (the app's tenant connections in use). */
      xeroConnections: z.number().int().nonnegative(),
    }),
  },
  refreshAll: {
    sender: 'extension',
    args: z.strictObject({ full: z.boolean().optional(), pairIds: z.array(z.string().max(200)).max(1000).optional() }).optional(),
    result: z.object({ run: practiceRunSchema }),
  },
  /** A pair's history of checks (the report's trend). */
  getHistory: { sender: 'extension', args: z.strictObject({ pairId: z.string().max(200) }), result: z.object({ history: historySchema }) },
  exportPractice: { sender: 'extension', args: empty, result: z.object({ json: z.string() }) },
  /**
   * The file's text as read by the page; validated strictly in the background (utils/practice/file.ts). The cap is
   * just above the file's own limit, so a text over it gets the file's words, not a refused message.
   */
  importPractice: {
    sender: 'extension',
    args: z.strictObject({ json: z.string().max(MAX_PRACTICE_FILE_CHARS + 1) }),
    result: z.object({ changes: z.array(z.string()) }),
  },
} as const;
