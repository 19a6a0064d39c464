// Mounts a React tree in a CLOSED shadow root at the end of <body> (styles isolated both ways; page script gets
// `host.shadowRoot === null`, so it cannot read findings or press our buttons). The host element is marked as ours
// so our mutation observers ignore it, keyboard events stay inside so the host app's shortcuts don't fire while
// the user types in the panel, and events the page synthesises are dropped (trusted-events.ts). The stylesheet comes
// as text from the bundle (`css`), not fetched from the extension: the panel's first frame does not wait for a load.
// React DOM is evaluated only here (react-dom-lazy.cjs), after an optional plain first frame has been painted.
import { useLayoutEffect, type ReactNode } from 'react';
import type { Root } from 'react-dom/client';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { createShadowRootUi } from 'wxt/utils/content-script-ui/shadow-root';
import { markOwnNode } from './observe';
import { loadReactDom } from './react-dom-lazy.cjs';
import { dropUntrustedEvents } from './trusted-events';
import { afterPaint } from './after-paint';

export interface MountedPanel {
  remove(): void;
  shadowHost: HTMLElement;
}

/** Plain DOM shown until the React tree's first commit, which removes it. */
export interface PanelFirstFrame {
  /** When React may take over (React DOM's evaluation then blocks the page for a moment). */
  ready: Promise<void>;
  remove(): void;
}

/** Past this, React takes over even if no frame was painted (a tab in the background paints none). */
const PAINT_WAIT_MS = 200;

export async function mountShadowPanel(
  ctx: ContentScriptContext,
  name: string,
  css: string,
  content: ReactNode,
  firstFrame?: (parent: HTMLElement) => PanelFirstFrame,
): Promise<MountedPanel> {
  const ui = await createShadowRootUi<{ unmount(): void }>(ctx, {
    name,
    css,
    mode: 'closed',
    position: 'inline',
    anchor: 'body',
    append: 'last',
    isolateEvents: ['keydown', 'keyup', 'keypress'],
    onMount(container, shadow, host) {
      markOwnNode(host);
      dropUntrustedEvents(shadow);
      const element = document.createElement('div');
      container.append(element);
      const first = firstFrame?.(container);
      let root: Root | undefined;
      let removed = false;
      const start = () => {
        if (removed) return;
        root = loadReactDom().createRoot(element);
        root.render(first ? <AfterCommit onCommit={first.remove}>{content}</AfterCommit> : content);
      };
      if (first) void first.ready.then(() => afterPaint(PAINT_WAIT_MS)).then(start);
      else start();
      return {
        unmount() {
          removed = true;
          first?.remove();
          root?.unmount();
        },
      };
    },
    onRemove(mounted) {
      mounted?.unmount();
    },
  });
  ui.mount();
  return { remove: () => ui.remove(), shadowHost: ui.shadowHost };
}

/** Runs `onCommit` in the commit that first shows `children` (after their own layout effects, before the paint). */
function AfterCommit({ onCommit, children }: { onCommit(): void; children: ReactNode }) {
  useLayoutEffect(onCommit, [onCommit]);
  return children;
}
