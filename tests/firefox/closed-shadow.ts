// Reading our panel inside its CLOSED shadow root in Firefox. Page script gets `host.shadowRoot === null`; WebDriver
// BiDi does not: serialising the host with `includeShadowTree: 'all'` hands back a reference to its closed root (as
// DevTools' `pierce` does in Chromium, tests/e2e/closed-shadow.ts), and a function called with that root as `this`
// reads it. BiDi's locateNodes cannot do this here: Firefox 140 has no innerText locator and its accessibility
// locator does not enter shadow roots. Nothing here changes the page or the extension.
import type { Page } from 'puppeteer-core';
import { z } from 'zod';
import { contextIdOf, type FirefoxSession } from './firefox-session.ts';

const sharedIdSchema = z.object({ sharedId: z.string() });
const evaluateSchema = z.object({
  type: z.literal('success'),
  result: z.union([
    z.object({ type: z.literal('null') }),
    z.object({ type: z.literal('node'), value: z.object({ shadowRoot: sharedIdSchema.nullish() }) }),
  ]),
});
const textSchema = z.object({
  type: z.literal('success'),
  result: z.union([z.object({ type: z.literal('null') }), z.object({ type: z.literal('string'), value: z.string() })]),
});

/** Whether the first `hostSelector` element on `page` has a closed shadow root, and the text of `inner` inside it. */
export async function closedShadowText(
  session: FirefoxSession,
  page: Page,
  hostSelector: string,
  inner: string,
): Promise<{ host: boolean; closedRoot: boolean; text: string | null }> {
  const context = contextIdOf(page);
  const host = evaluateSchema.parse(
    await session.bidi('script.evaluate', {
      expression: `document.querySelector(${JSON.stringify(hostSelector)})`,
      target: { context },
      awaitPromise: false,
      serializationOptions: { includeShadowTree: 'all', maxDomDepth: 0 },
    }),
  ).result;
  if (host.type === 'null') return { host: false, closedRoot: false, text: null };
  const root = host.value.shadowRoot;
  if (!root) return { host: true, closedRoot: false, text: null };
  const closedRoot = (await page.evaluate((selector) => document.querySelector(selector)?.shadowRoot === null, hostSelector)) === true;
  const read = textSchema.parse(
    await session.bidi('script.callFunction', {
      functionDeclaration: 'function (selector) { const el = this.querySelector(selector); return el ? el.textContent : null; }',
      this: { sharedId: root.sharedId },
      arguments: [{ type: 'string', value: inner }],
      target: { context },
      awaitPromise: false,
    }),
  ).result;
  return { host: true, closedRoot, text: read.type === 'string' ? read.value : null };
}
