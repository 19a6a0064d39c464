// The envelope every action travels in, both ways, and the error a client throws when the background refuses.
import { z } from 'zod';
import { userErrorSchema } from './shapes';

export const requestSchema = z.object({ mgAction: z.string().max(100), args: z.unknown().optional() });

export const replySchema = z.union([
  z.object({ ok: z.literal(true), result: z.unknown() }),
  z.object({ ok: z.literal(false), error: userErrorSchema.extend({ code: z.string().optional() }) }),
]);
export type Reply = z.infer<typeof replySchema>;

/** The background's answer was an error; `message` is for the user, `detail` for support. */
export class ActionError extends Error {
  constructor(
    message: string,
    readonly detail?: string,
    readonly code?: string,
  ) {
    super(message);
    this.name = 'ActionError';
  }
}
