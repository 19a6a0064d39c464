// The background's side: classifies each message's sender, checks the action's sender rule and argument schema,
// runs its handler and validates the result before it leaves. Handlers are typed against the action table.
import { browser, type Browser } from 'wxt/browser';
import type { z } from 'zod';
import { appOfOrigin, type AppId } from '../apps';
import { actions, type ActionName, type ActionResult, type ActionSpec, type ParsedArgs } from './actions';
import { togglePanelSchema, type StatusChanged } from './events';
import type { UserError } from './shapes';
import { requestSchema, type Reply } from './wire';

export type CallerKind = 'content' | 'extension';

export interface ActionContext {
  caller: CallerKind;
  /** The tab of a content-script caller, to remember which pair that tab shows. */
  tabId?: number;
  /** Which app a content-script caller runs in. */
  app?: AppId;
  /** The URL of a content-script caller's tab, as the browser reports it (never taken from the message). */
  tabUrl?: string;
  /** The frame of a content-script caller (0: the top frame), as the browser reports it. */
  frameId?: number;
}

export type ActionHandlers = {
  [N in ActionName]: (args: ParsedArgs<N>, context: ActionContext) => Promise<ActionResult<N>> | ActionResult<N>;
};

function originOf(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    return new URL(url).origin;
  } catch {
    return undefined;
  }
}

/**
 * Classifies a message's sender: `sender.id` first, then an extension page (its URL under our own origin and no
 * other origin claimed), then a content script in a tab of one of the two apps. Anything else is refused.
 */
export function classifySender(
  sender: Browser.runtime.MessageSender,
): { caller: CallerKind; app?: AppId; tabId?: number; tabUrl?: string; frameId?: number } | null {
  if (!sender.id || sender.id !== browser.runtime.id) return null;
  const extensionOrigin = originOf(browser.runtime.getURL('/'));
  const urlOrigin = originOf(sender.url);
  const claimedOrigin = sender.origin ?? urlOrigin;
  if (urlOrigin && urlOrigin === extensionOrigin && claimedOrigin === extensionOrigin) return { caller: 'extension' };
  if (sender.tab?.id === undefined || !urlOrigin || claimedOrigin !== urlOrigin) return null;
  const app = appOfOrigin(urlOrigin);
  // The tab's URL when the browser gives it; else the top frame's own URL (same origin, checked above).
  const tabUrl = sender.tab.url ?? (sender.frameId === 0 ? sender.url : undefined);
  return app ? { caller: 'content', app, tabId: sender.tab.id, tabUrl, frameId: sender.frameId } : null;
}

/** Converts any thrown value into the user sentence + support detail sent back to the caller. */
export type ErrorDescriber = (error: unknown) => UserError & { code?: string };

const describeUnknown: ErrorDescriber = (error) => ({
  message: 'Something went wrong in Mapping Guard.',
  detail: error instanceof Error ? `${error.name}: ${error.message}` : String(error),
});

async function dispatch(
  handlers: ActionHandlers,
  message: unknown,
  sender: Browser.runtime.MessageSender,
  describe: ErrorDescriber,
): Promise<Reply | undefined> {
  const request = requestSchema.safeParse(message);
  if (!request.success) return undefined; // Not ours (e.g. a broadcast): let other listeners answer.
  const refuse = (message: string, code: string): Reply => ({ ok: false, error: { message, code } });
  const name = request.data.mgAction;
  if (!Object.hasOwn(actions, name)) return refuse('Unknown action.', 'unknown-action');
  const action = name as ActionName;
  const spec: ActionSpec = actions[action];
  const who = classifySender(sender);
  if (!who) return refuse('Message refused: unknown sender.', 'forbidden');
  if (spec.sender === 'extension' && who.caller !== 'extension') {
    return refuse('Message refused: only the extension’s own pages may do this.', 'forbidden');
  }
  if (who.caller === 'content' && spec.apps && !(who.app && spec.apps.includes(who.app))) {
    return refuse('Message refused: this page may not do this.', 'forbidden');
  }
  const args = spec.args.safeParse(request.data.args);
  if (!args.success) return refuse('Message refused: invalid arguments.', 'invalid-args');
  try {
    const handler = handlers[action] as (args: unknown, context: ActionContext) => unknown;
    const result: unknown = await handler(args.data, { caller: who.caller, tabId: who.tabId, app: who.app, tabUrl: who.tabUrl, frameId: who.frameId });
    return { ok: true, result: spec.result.parse(result) };
  } catch (error) {
    const described = describe(error);
    return { ok: false, error: { message: described.message, detail: described.detail, code: described.code } };
  }
}

/**
 * Installs the background's message listener. Returns the function that removes it (tests, hot reload).
 * Uses `sendResponse` + `return true`, which every browser and the fake browser support.
 */
export function registerActionHandlers(
  handlers: ActionHandlers,
  describe: ErrorDescriber = describeUnknown,
  /** `ready`: answers wait for it (start-up work such as a data migration). */
  options: { ready?: Promise<unknown> } = {},
): () => void {
  const ready = options.ready ?? Promise.resolve();
  const listener = (
    message: unknown,
    sender: Browser.runtime.MessageSender,
    sendResponse: (reply: unknown) => void,
  ): true | undefined => {
    if (!requestSchema.safeParse(message).success) return undefined;
    void ready.then(() => dispatch(handlers, message, sender, describe)).then(sendResponse, (error: unknown) =>
      sendResponse({ ok: false, error: describe(error) }),
    );
    return true;
  };
  browser.runtime.onMessage.addListener(listener);
  return () => browser.runtime.onMessage.removeListener(listener);
}

/** Relays the panel shortcut to a tab; a tab without our content script (not Cin7 Core or Xero) just doesn't answer. */
export async function sendTogglePanel(tabId: number): Promise<void> {
  const message: z.infer<typeof togglePanelSchema> = { mgEvent: 'togglePanel' };
  await browser.tabs.sendMessage(tabId, message).catch(() => undefined);
}

/** Tells open extension pages and the given app tabs that a pair's status changed. Never carries data. */
export async function broadcastStatusChanged(event: Omit<StatusChanged, 'mgEvent'>, tabIds: number[] = []): Promise<void> {
  const message: StatusChanged = { mgEvent: 'statusChanged', ...event };
  // No receiver (no page open) is normal: swallow "Receiving end does not exist".
  await browser.runtime.sendMessage(message).catch(() => undefined);
  await Promise.all(tabIds.map((tabId) => browser.tabs.sendMessage(tabId, message).catch(() => undefined)));
}
