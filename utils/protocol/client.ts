// The caller's side (content scripts, popup, options, report): ONE typed client derived from the action table, so
// every action is called the same way, `background.getStatus(args)`, and a new action needs no wrapper.
import { browser, type Browser } from 'wxt/browser';
import type { z } from 'zod';
import { actions, type ActionArgs, type ActionName, type ActionResult } from './actions';
import { statusChangedSchema, togglePanelSchema, type StatusChanged } from './events';
import { ActionError, replySchema } from './wire';

type ArgsOf<N extends ActionName> = undefined extends ActionArgs<N> ? [args?: ActionArgs<N>] : [args: ActionArgs<N>];

/** Sends a named action to the background and returns its validated result, or throws an `ActionError`. */
export async function sendAction<N extends ActionName>(name: N, ...[args]: ArgsOf<N>): Promise<ActionResult<N>> {
  return readReply(name, await browser.runtime.sendMessage({ mgAction: name, args }));
}

/** Checks the background's raw answer to action `name` (the envelope, then the action's result); throws an `ActionError`. */
export function readReply<N extends ActionName>(name: N, raw: unknown): ActionResult<N> {
  const reply = replySchema.safeParse(raw);
  if (!reply.success) throw new ActionError('Mapping Guard’s background did not answer.', JSON.stringify(raw)?.slice(0, 500));
  if (!reply.data.ok) throw new ActionError(reply.data.error.message, reply.data.error.detail, reply.data.error.code);
  return actions[name].result.parse(reply.data.result) as ActionResult<N>;
}

/** Every action as a method: `background.refresh({ pairId })`. */
export type BackgroundClient = { [N in ActionName]: (...args: ArgsOf<N>) => Promise<ActionResult<N>> };

/** A client for some of the actions: what a view or feature may call (tests pass a fake of the same shape). */
export type ClientOf<N extends ActionName> = Pick<BackgroundClient, N>;

export const background: BackgroundClient = Object.fromEntries(
  (Object.keys(actions) as ActionName[]).map((name) => [name, (args?: unknown) => sendAction(name, args as never)]),
) as BackgroundClient;

/** Calls `listener` with each message from this extension that `schema` accepts; returns the unsubscribe function. */
function onBackgroundEvent<T>(schema: z.ZodType<T>, listener: (event: T) => void): () => void {
  const handler = (message: unknown, sender: Browser.runtime.MessageSender) => {
    if (sender.id !== browser.runtime.id) return;
    const event = schema.safeParse(message);
    if (event.success) listener(event.data);
  };
  browser.runtime.onMessage.addListener(handler);
  return () => browser.runtime.onMessage.removeListener(handler);
}

/** Calls `listener` on each `statusChanged` broadcast from the background; returns the unsubscribe function. */
export function onStatusChanged(listener: (event: StatusChanged) => void): () => void {
  return onBackgroundEvent(statusChangedSchema, listener);
}

/** Calls `listener` when the background relays the panel shortcut to this tab; returns the unsubscribe function. */
export function onTogglePanel(listener: () => void): () => void {
  return onBackgroundEvent(togglePanelSchema, () => listener());
}
