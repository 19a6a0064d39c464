// Keeps a feature's share of the main thread small on long pages: after a run that took `cost` ms, the next run waits
// until `cost / share` ms have passed since it started (5% → a 40 ms read of a 5,000-row chart runs at most every
// 800 ms). Calls in between are coalesced into one run at the allowed time; nothing is dropped.

export function withCpuBudget(task: () => void, options: { signal: AbortSignal; share?: number; now?: () => number }): () => void {
  const share = options.share ?? 0.05;
  const now = options.now ?? (() => performance.now());
  let allowedAt = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const run = () => {
    timer = undefined;
    if (options.signal.aborted) return;
    const start = now();
    try {
      task();
    } finally {
      const cost = now() - start;
      allowedAt = start + cost / share;
    }
  };
  options.signal.addEventListener('abort', () => timer !== undefined && clearTimeout(timer), { once: true });
  return () => {
    if (options.signal.aborted || timer !== undefined) return;
    const wait = allowedAt - now();
    if (wait <= 0) run();
    else timer = setTimeout(run, wait);
  };
}
