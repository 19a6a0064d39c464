// The spotter: the full read runs only after the cheap text check; a hub tab that renders the mapping in place
// (no navigation) starts the reader, and switching away stops it.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { spotPage } from '../../../entrypoints/cin7.content/page-spotter';
import { status } from '../overlay/status-fixtures';
import { featureEnv } from './feature-env';
import { fixtureHtml, loadFixture } from './load-fixture';

let stop: AbortController | undefined;
afterEach(() => stop?.abort());

/** The fixture's body children, parsed (never innerHTML), to add to the live page as a tab would. */
function fixtureNodes(name: string): Node[] {
  const parsed = new DOMParser().parseFromString(fixtureHtml(name), 'text/html');
  return [...parsed.body.childNodes].map((node) => document.importNode(node, true));
}

describe('spotPage', () => {
  it('never runs the full read on an unrelated page, even as it changes', async () => {
    loadFixture('sale-lines-extjs-grid.html');
    const { env, controller } = featureEnv('https://inventory.dearsystems.com/Sale#x', status());
    stop = controller;
    const read = vi.fn(() => true);
    const whileShown = vi.fn();
    spotPage({ page: 'accountMapping', env, featureId: 't', signal: controller.signal, read, whileShown, waitMs: 10 });
    const note = document.createElement('p');
    note.textContent = 'Shipped: 3 boxes';
    document.body.append(note);
    await new Promise((resolve) => setTimeout(resolve, 60));
    expect(read).not.toHaveBeenCalled();
    expect(whileShown).not.toHaveBeenCalled();
  });

  it('starts when a hub tab renders the mapping in place, and stops when another tab replaces it', async () => {
    loadFixture('general-settings-form.html');
    const { env, controller } = featureEnv('https://inventory.dearsystems.com/Settings', status());
    stop = controller;
    let shownSignal: AbortSignal | undefined;
    spotPage({ page: 'accountMapping', env, featureId: 't', signal: controller.signal, waitMs: 10, whileShown: (signal) => (shownSignal = signal) });
    expect(shownSignal).toBeUndefined();

    const panel = document.querySelector('[role="tabpanel"]')!;
    panel.replaceChildren(...fixtureNodes('account-mapping-aria-grid-selects.html'));
    await vi.waitFor(() => expect(shownSignal).toBeDefined());
    expect(shownSignal!.aborted).toBe(false);

    panel.replaceChildren(...fixtureNodes('general-settings-form.html'));
    await vi.waitFor(() => expect(shownSignal!.aborted).toBe(true));
  });

  it('a page already showing it starts at once; stopping the feature stops it', () => {
    loadFixture('account-mapping-extjs-combos.html');
    const { env, controller } = featureEnv('https://inventory.dearsystems.com/Settings#x', status());
    const whileShown = vi.fn();
    spotPage({ page: 'accountMapping', env, featureId: 't', signal: controller.signal, whileShown });
    expect(whileShown).toHaveBeenCalledTimes(1);
    const signal = whileShown.mock.calls[0]![0] as AbortSignal;
    controller.abort();
    expect(signal.aborted).toBe(true);
  });
});
