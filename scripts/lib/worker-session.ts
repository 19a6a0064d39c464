// The extension's service worker as a CDP session (attached non-flat, through a page's session): the scale bench's
// heap samples and the profiling scripts.
import type { CDPSession } from 'playwright-core';

/** A CDP session on the worker: send, and listen to events. */
export async function workerSession(cdp: CDPSession, extensionId: string) {
  const { targetInfos } = (await cdp.send('Target.getTargets')) as { targetInfos: { targetId: string; type: string; url: string }[] };
  const target = targetInfos.find((t) => t.type === 'service_worker' && t.url.startsWith(`chrome-extension://${extensionId}/`));
  if (!target) throw new Error('no service worker target');
  const { sessionId } = (await cdp.send('Target.attachToTarget', { targetId: target.targetId, flatten: false })) as { sessionId: string };
  let next = 0;
  const pending = new Map<number, (result: unknown) => void>();
  const listeners: ((method: string, params: unknown) => void)[] = [];
  cdp.on('Target.receivedMessageFromTarget', (event: { sessionId: string; message: string }) => {
    if (event.sessionId !== sessionId) return;
    const message = JSON.parse(event.message) as { id?: number; result?: unknown; method?: string; params?: unknown };
    if (message.id !== undefined) pending.get(message.id)?.(message.result);
    else if (message.method) for (const listener of listeners) listener(message.method, message.params);
  });
  return {
    send: <T>(method: string, params: object = {}) =>
      new Promise<T>((resolve) => {
        const id = ++next;
        pending.set(id, (result) => resolve(result as T));
        void cdp.send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id, method, params }) });
      }),
    on: (listener: (method: string, params: unknown) => void) => listeners.push(listener),
  };
}
