// Mounts a React tree in a CLOSED shadow root at the end of <body> (styles isolated both ways; page script gets
// `host.shadowRoot === null`, so it cannot read findings or press our buttons). The host element is marked as ours
// so our mutation observers ignore it, keyboard events stay inside so the host app's shortcuts don't fire while
// the user types in the panel, and events the page synthesises are dropped (trusted-events.ts). The stylesheet comes
// as text from the bundle (`css`), not fetched from the extension: the panel's first frame does not wait for a load.
import type { ReactNode } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { createShadowRootUi } from 'wxt/utils/content-script-ui/shadow-root';
import { markOwnNode } from './observe';
import { dropUntrustedEvents } from './trusted-events';

export interface MountedPanel {
  remove(): void;
  shadowHost: HTMLElement;
}

export async function mountShadowPanel(ctx: ContentScriptContext, name: string, css: string, content: ReactNode): Promise<MountedPanel> {
  const ui = await createShadowRootUi<Root>(ctx, {
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
      const root = createRoot(element);
      root.render(content);
      return root;
    },
    onRemove(root) {
      root?.unmount();
    },
  });
  ui.mount();
  return { remove: () => ui.remove(), shadowHost: ui.shadowHost };
}
