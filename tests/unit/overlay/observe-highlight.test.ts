import { afterEach, beforeEach, describe, expect, it, onTestFinished, vi } from 'vitest';
import { markOwnNode, observeChanges, waitForElement } from '../../../utils/overlay/observe';
import { HIGHLIGHT_ATTRIBUTE, highlightElement, highlightWhenPresent } from '../../../utils/overlay/highlight';

const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

/** A signal aborted when the test ends, so no mark's observer or timer outlives the file's DOM. */
function testSignal(): AbortSignal {
  const controller = new AbortController();
  onTestFinished(() => controller.abort());
  return controller.signal;
}

describe('observeChanges', () => {
  beforeEach(() => document.body.replaceChildren());

  it('coalesces a burst of mutations into one callback', async () => {
    const callback = vi.fn();
    const controller = new AbortController();
    observeChanges(document.body, callback, { signal: controller.signal, waitMs: 20 });
    for (let index = 0; index < 50; index++) document.body.append(document.createElement('div'));
    await vi.waitFor(() => expect(callback).toHaveBeenCalledTimes(1));
    await new Promise((resolve) => setTimeout(resolve, 60));
    expect(callback).toHaveBeenCalledTimes(1);
    controller.abort();
  });

  it('ignores mutations of our own nodes, and stops on abort', async () => {
    const callback = vi.fn();
    const controller = new AbortController();
    const own = markOwnNode(document.createElement('span'));
    document.body.append(own);
    await flush();
    observeChanges(document.body, callback, { signal: controller.signal, waitMs: 0 });
    own.textContent = 'badge text';
    own.append(document.createElement('b'));
    document.body.append(markOwnNode(document.createElement('span')));
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(callback).not.toHaveBeenCalled();
    controller.abort();
    document.body.append(document.createElement('div'));
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(callback).not.toHaveBeenCalled();
  });

  it('waitForElement resolves when the element appears, null when aborted', async () => {
    const controller = new AbortController();
    const waiting = waitForElement(() => document.querySelector('#late'), { signal: controller.signal, waitMs: 0 });
    const late = document.createElement('p');
    late.id = 'late';
    document.body.append(late);
    await expect(waiting).resolves.toBe(late);
    const never = waitForElement(() => document.querySelector('#never'), { signal: controller.signal });
    controller.abort();
    await expect(never).resolves.toBeNull();
  });
});

describe('highlight', () => {
  afterEach(() => vi.useRealTimers());

  it('marks the element and restores its own styles afterwards', () => {
    vi.useFakeTimers();
    const row = document.createElement('tr');
    row.style.setProperty('outline', '1px dotted red');
    const ownOutline = row.style.getPropertyValue('outline');
    document.body.append(row);
    highlightElement(row, { signal: testSignal(), durationMs: 1000 });
    expect(row.hasAttribute(HIGHLIGHT_ATTRIBUTE)).toBe(true);
    expect(row.style.getPropertyValue('outline')).toContain('solid');
    vi.advanceTimersByTime(1001);
    expect(row.hasAttribute(HIGHLIGHT_ATTRIBUTE)).toBe(false);
    expect(row.style.getPropertyValue('outline')).toBe(ownOutline);
    expect(ownOutline).toContain('dotted');
    expect(row.style.getPropertyValue('background-color')).toBe('');
  });

  it('waits for a row rendered later', async () => {
    const found = highlightWhenPresent(() => document.querySelector<HTMLElement>('[data-row="cogs"]'), {
      signal: testSignal(),
      timeoutMs: 2000,
    });
    const row = document.createElement('div');
    row.dataset.row = 'cogs';
    setTimeout(() => document.body.append(row), 10);
    await expect(found).resolves.toBe(true);
    expect(row.hasAttribute(HIGHLIGHT_ATTRIBUTE)).toBe(true);
  });

  it('marks the new row when the host redraws the marked one while the mark lasts', async () => {
    const first = document.createElement('div');
    first.dataset.row = 'tax';
    document.body.append(first);
    const controller = new AbortController();
    await expect(
      highlightWhenPresent(() => document.querySelector<HTMLElement>('[data-row="tax"]'), { signal: controller.signal, durationMs: 2000 }),
    ).resolves.toBe(true);
    expect(first.hasAttribute(HIGHLIGHT_ATTRIBUTE)).toBe(true);
    const redrawn = document.createElement('div');
    redrawn.dataset.row = 'tax';
    first.replaceWith(redrawn);
    await vi.waitFor(() => expect(redrawn.hasAttribute(HIGHLIGHT_ATTRIBUTE)).toBe(true), { timeout: 1000 });
    controller.abort();
    expect(redrawn.hasAttribute(HIGHLIGHT_ATTRIBUTE)).toBe(false);
  });

  it('gives up after its timeout', async () => {
    await expect(
      highlightWhenPresent(() => null, { signal: testSignal(), timeoutMs: 30 }),
    ).resolves.toBe(false);
  });
});
