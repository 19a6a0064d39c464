import { cleanup, render } from '@testing-library/react';
import { useRef } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { useTopLayer } from '../../../components/panel/useTopLayer';

afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
  // The test DOM has no Popover API: the tests below add it per case.
  delete (HTMLElement.prototype as Partial<PopoverApi>).showPopover;
  delete (HTMLElement.prototype as Partial<PopoverApi>).hidePopover;
});

interface PopoverApi {
  showPopover(): void;
  hidePopover(): void;
}

function Floating() {
  const ref = useRef<HTMLElement>(null);
  useTopLayer(ref);
  return <section ref={ref} data-testid="floating" />;
}

function installPopoverApi(show: () => void = () => undefined) {
  const api = { showPopover: vi.fn(show), hidePopover: vi.fn() };
  Object.assign(HTMLElement.prototype, api);
  return api;
}

describe('useTopLayer', () => {
  it('shows the element as a manual popover (no light dismiss) once mounted, and hides it on unmount', () => {
    const api = installPopoverApi();
    const { getByTestId, unmount } = render(<Floating />);
    const element = getByTestId('floating');
    expect(element.getAttribute('popover')).toBe('manual');
    expect(api.showPopover).toHaveBeenCalledTimes(1);
    expect(api.showPopover.mock.contexts[0]).toBe(element);
    unmount();
    expect(api.hidePopover).toHaveBeenCalledTimes(1);
    expect(element.hasAttribute('popover')).toBe(false);
  });

  it('leaves a plain element where the browser has no Popover API', () => {
    const { getByTestId } = render(<Floating />);
    expect(getByTestId('floating').hasAttribute('popover')).toBe(false);
  });

  it('falls back to a plain element when the browser refuses to show it, without throwing', () => {
    installPopoverApi(() => {
      throw new DOMException('Invalid on disconnected popover elements.', 'InvalidStateError');
    });
    const { getByTestId } = render(<Floating />);
    // A leftover popover attribute would hide the element (UA style for a closed popover): it must be gone.
    expect(getByTestId('floating').hasAttribute('popover')).toBe(false);
  });
});
