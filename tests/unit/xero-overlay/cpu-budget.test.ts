// The CPU budget: a run that cost c ms delays the next by c / share; calls in between coalesce into one run.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { withCpuBudget } from '../../../utils/overlay/cpu-budget';

afterEach(() => vi.useRealTimers());

describe('withCpuBudget', () => {
  it('runs at once, then waits cost/share, coalescing the calls in between', () => {
    vi.useFakeTimers();
    let clock = 0;
    const runs: number[] = [];
    const controller = new AbortController();
    const schedule = withCpuBudget(
      () => {
        runs.push(clock);
        clock += 10; // each run costs 10 ms
      },
      { signal: controller.signal, share: 0.05, now: () => clock },
    );
    schedule();
    expect(runs).toEqual([0]);
    // Next allowed at 0 + 10 / 0.05 = 200.
    clock = 50;
    schedule();
    schedule();
    schedule();
    expect(runs).toEqual([0]);
    clock = 200;
    vi.advanceTimersByTime(150);
    expect(runs).toEqual([0, 200]);
    // Aborting drops a pending run.
    clock = 260;
    schedule();
    controller.abort();
    vi.advanceTimersByTime(1000);
    expect(runs).toEqual([0, 200]);
  });

  it('a cheap task is not held back', () => {
    let clock = 0;
    const runs: number[] = [];
    const schedule = withCpuBudget(() => runs.push(clock), { signal: new AbortController().signal, now: () => clock });
    schedule();
    clock = 1;
    schedule();
    expect(runs).toEqual([0, 1]);
  });
});
