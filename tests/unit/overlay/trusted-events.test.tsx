import { act } from 'react';
import { createRoot } from 'react-dom/client';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { dropUntrustedEvents } from '../../../utils/overlay/trusted-events';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

// happy-dom marks every dispatched event untrusted, as a page's would be; a user's is marked by hand.
function trusted<E extends Event>(event: E): E {
  Object.defineProperty(event, 'isTrusted', { value: true });
  return event;
}

let cleanup: (() => void) | undefined;
afterEach(() => {
  cleanup?.();
  cleanup = undefined;
});

function mountGuarded(onClick: () => void, onChange: () => void) {
  const host = document.createElement('div');
  document.body.append(host);
  const shadow = host.attachShadow({ mode: 'open' });
  const controller = new AbortController();
  dropUntrustedEvents(shadow, controller.signal);
  const container = document.createElement('div');
  shadow.append(container);
  const root = createRoot(container);
  act(() =>
    root.render(
      <div>
        <button type="button" onClick={onClick}>
          Refresh
        </button>
        <a className="mg-fix" href="https://example.test/fix">
          Fix
        </a>
        <input aria-label="note" onChange={onChange} />
      </div>,
    ),
  );
  cleanup = () => {
    act(() => root.unmount());
    host.remove();
  };
  return { shadow, controller };
}

describe('dropUntrustedEvents', () => {
  it('ignores a synthetic click on a button and acts on a user click', () => {
    const onClick = vi.fn();
    const { shadow } = mountGuarded(onClick, vi.fn());
    const button = shadow.querySelector('button')!;
    act(() => button.click());
    act(() => void button.dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true })));
    expect(onClick).not.toHaveBeenCalled();
    act(() => void button.dispatchEvent(trusted(new MouseEvent('click', { bubbles: true, composed: true }))));
    expect(onClick).toHaveBeenCalledTimes(1);
  });

  it('cancels a synthetic click on a link (no navigation) and leaves a user click alone', () => {
    const { shadow } = mountGuarded(vi.fn(), vi.fn());
    const link = shadow.querySelector('a')!;
    const synthetic = new MouseEvent('click', { bubbles: true, cancelable: true, composed: true });
    link.dispatchEvent(synthetic);
    expect(synthetic.defaultPrevented).toBe(true);
    const user = trusted(new MouseEvent('click', { bubbles: true, cancelable: true, composed: true }));
    // A listener below the guard sees the user's click (the default action is the browser's business).
    const seen = vi.fn((event: Event) => event.preventDefault());
    link.addEventListener('click', seen);
    link.dispatchEvent(user);
    expect(seen).toHaveBeenCalledTimes(1);
  });

  it('ignores synthetic input events, so the page cannot type into the panel', () => {
    const onChange = vi.fn();
    const { shadow } = mountGuarded(vi.fn(), onChange);
    const input = shadow.querySelector('input')!;
    act(() => {
      // The native setter, as a page script would use it (React's own value tracker then sees a change).
      Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')?.set?.call(input, 'typed by the page');
      input.dispatchEvent(new Event('input', { bubbles: true }));
    });
    expect(onChange).not.toHaveBeenCalled();
  });

  it('stops guarding when its signal aborts (the panel is gone)', () => {
    const onClick = vi.fn();
    const { shadow, controller } = mountGuarded(onClick, vi.fn());
    controller.abort();
    act(() => shadow.querySelector('button')!.click());
    expect(onClick).toHaveBeenCalledTimes(1);
  });
});
