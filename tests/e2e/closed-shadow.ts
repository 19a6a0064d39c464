// Test-only access to our panel inside its CLOSED shadow root. Page script (and Playwright's CSS engine) get
// `host.shadowRoot === null`; DevTools does not: every so often this reads the DOM through CDP with `pierce`,
// resolves each closed root of a `mapping-guard-*` host, and files it in a main-world list that the `mg-panel`
// selector engine queries. Nothing here changes the extension; a page the test tracks can reach that list, so the
// hostile-page e2e proves what a page can do on its own before it calls panelLocator.
import { selectors, type CDPSession, type Locator, type Page } from 'playwright-core';

/** Selector engine: `mg-panel=<css>` matches inside our closed roots (chain `.locator()` from there as usual). */
export const PANEL_ENGINE = 'mg-panel';
const POLL_MS = 150;
let engine: Promise<void> | undefined;
const tracked = new WeakSet<Page>();

/**
 * The engine's source, as text: Playwright serialises a function engine with `toString()`, and a runner that keeps
 * function names (tsx, used by `npm run demo`) inserts `__name(…)` helpers the page does not have.
 */
const ENGINE_SOURCE = `(function () {
  function queryAll(scope, selector) {
    return (globalThis[Symbol.for('mg-e2e-closed-roots')] || [])
      .filter(function (root) { return root.host.isConnected && (scope === root.host.ownerDocument || scope.contains(root.host)); })
      .flatMap(function (root) { return Array.from(root.querySelectorAll(selector)); });
  }
  return { queryAll: queryAll, query: function (scope, selector) { return queryAll(scope, selector)[0] || null; } };
})()`;

/** Registers the engine once per test process (the harness does it at launch). */
export function registerPanelEngine(): Promise<void> {
  engine ??= selectors.register(PANEL_ENGINE, { content: ENGINE_SOURCE });
  return engine;
}

interface DomNode {
  backendNodeId: number;
  localName?: string;
  children?: DomNode[];
  shadowRoots?: (DomNode & { shadowRootType?: string })[];
}

function closedRootsOf(node: DomNode, found: number[] = []): number[] {
  if (node.localName?.startsWith('mapping-guard')) {
    for (const root of node.shadowRoots ?? []) if (root.shadowRootType === 'closed') found.push(root.backendNodeId);
  }
  for (const child of node.children ?? []) closedRootsOf(child, found);
  return found;
}

const FILE_ROOT = `function () {
  const key = Symbol.for('mg-e2e-closed-roots');
  const list = (globalThis[key] ??= []);
  if (!list.includes(this)) list.push(this);
}`;

async function fileClosedRoots(cdp: CDPSession): Promise<void> {
  // Our hosts are appended to <body>: document › html › body › host › its shadow root.
  const { root } = (await cdp.send('DOM.getDocument', { depth: 4, pierce: true })) as { root: DomNode };
  for (const backendNodeId of closedRootsOf(root)) {
    const { object } = await cdp.send('DOM.resolveNode', { backendNodeId });
    if (!object.objectId) continue;
    await cdp.send('Runtime.callFunctionOn', { objectId: object.objectId, functionDeclaration: FILE_ROOT });
    await cdp.send('Runtime.releaseObject', { objectId: object.objectId });
  }
}

/**
 * Starts filing `page`'s closed panel roots until it closes (idempotent). `pollMs` below the default makes the
 * filing prompt enough to time the panel (the bench's time to panel), at the cost of more CDP round trips.
 */
export function trackClosedPanels(page: Page, options: { pollMs?: number } = {}): void {
  if (tracked.has(page)) return;
  tracked.add(page);
  void (async () => {
    const cdp = await page.context().newCDPSession(page);
    while (!page.isClosed()) {
      // Navigations and closing tabs make single calls fail; the next round starts over.
      await fileClosedRoots(cdp).catch(() => undefined);
      await new Promise((resolve) => setTimeout(resolve, options.pollMs ?? POLL_MS));
    }
    await cdp.detach().catch(() => undefined);
  })().catch(() => undefined);
}

/** The panel (`.mg-panel`) on `page`, found inside its closed shadow root. */
export function panelLocator(page: Page): Locator {
  trackClosedPanels(page);
  return page.locator(`${PANEL_ENGINE}=.mg-panel`);
}
