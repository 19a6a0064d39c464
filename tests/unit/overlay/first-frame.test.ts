// The panel's plain first frame (drawn before React DOM is evaluated): the collapsed tab with the same words and
// colour as the React panel, hidden until the status (or a failure) is known, then handed over.
import { describe, expect, it, vi } from 'vitest';
import { countsText, panelTone } from '../../../components/panel/counts';
import { renderFirstFrame } from '../../../components/panel/first-frame';
import { createStatusStore } from '../../../utils/overlay/status-store';
import { fakeStatusClient } from './overlay-env-fixtures';
import { finding, status } from './status-fixtures';

describe('panel first frame', () => {
  it('stays hidden with "…" until the status comes, then shows the counts and colour the React panel shows', async () => {
    const shown = status({ findings: [finding({ severity: 'error' })] });
    const store = createStatusStore(fakeStatusClient(shown), { signal: new AbortController().signal });
    const parent = document.createElement('div');
    const frame = renderFirstFrame(parent, store);
    const section = parent.querySelector('section')!;
    expect(section.style.visibility).toBe('hidden');
    expect(parent.querySelector('.mg-counts')?.textContent).toBe('…');
    expect(parent.querySelector<HTMLButtonElement>('.mg-toggle')?.disabled).toBe(true);

    await store.load();
    await frame.ready;
    expect(parent.querySelector('.mg-counts')?.textContent).toBe(countsText(shown));
    expect(countsText(shown)).toMatch(/1 error/);
    expect(section.className).toBe(`mg-panel mg-collapsed mg-tone-${panelTone(shown)}`);
    expect(panelTone(shown)).toBe('error');
    expect(section.style.visibility).toBe('');

    frame.remove();
    expect(parent.children).toHaveLength(0);
  });

  it('a failed status request also hands over (the React panel then explains), and so does waiting too long', async () => {
    const client = fakeStatusClient(status());
    vi.mocked(client.getStatus).mockRejectedValueOnce(new Error('no answer'));
    const store = createStatusStore(client, { signal: new AbortController().signal });
    const failed = renderFirstFrame(document.createElement('div'), store);
    await store.load();
    await expect(failed.ready).resolves.toBeUndefined();
    failed.remove();

    vi.useFakeTimers();
    try {
      const idle = createStatusStore(fakeStatusClient(status()), { signal: new AbortController().signal });
      const waiting = renderFirstFrame(document.createElement('div'), idle);
      let handedOver = false;
      void waiting.ready.then(() => (handedOver = true));
      await vi.advanceTimersByTimeAsync(999);
      expect(handedOver).toBe(false);
      await vi.advanceTimersByTimeAsync(1);
      expect(handedOver).toBe(true);
      waiting.remove();
    } finally {
      vi.useRealTimers();
    }
  });
});
