// One feature per file, each declaring the routes it runs on and an `init(signal, env)` that cleans up when the
// signal aborts (refined-github's shape). The runner starts and stops features as the SPA's URL changes and makes
// sure no feature's exception reaches the host page: failures are reported, never rethrown.

export type RouteTest = (url: URL) => boolean;

export interface FeatureDefinition<Env> {
  /** Stable id, shown in the panel when the feature fails. */
  id: string;
  /** The feature runs when any of these match the current URL. */
  include: readonly RouteTest[];
  exclude?: readonly RouteTest[];
  /**
   * When a running feature is restarted: 'url' on any URL change (record pages keep the record id in the hash),
   * 'path' when the path changes, 'never' while its routes keep matching (the health panel).
   */
  restartOn?: 'url' | 'path' | 'never';
  init(signal: AbortSignal, env: Env): void | Promise<void>;
}

/** Checks a definition once, at registration: an empty `include` would mean "run nowhere". */
export function defineFeature<Env>(definition: FeatureDefinition<Env>): FeatureDefinition<Env> {
  if (!definition.id.trim()) throw new Error('A feature needs an id');
  if (definition.include.length === 0) throw new Error(`Feature ${definition.id}: include is empty, it would never run`);
  return definition;
}

export function featureMatches(feature: FeatureDefinition<unknown>, url: URL): boolean {
  return feature.include.some((test) => test(url)) && !(feature.exclude ?? []).some((test) => test(url));
}

export interface FeatureRunnerOptions<Env> {
  /** Builds the environment handed to one feature run (the URL it starts on, helpers bound to its `signal`). */
  environment(url: URL, featureId: string, signal: AbortSignal): Env;
  onError(featureId: string, error: unknown): void;
  /** Stops every feature when the content script is invalidated. */
  signal?: AbortSignal;
}

interface RunningFeature {
  controller: AbortController;
  startedAt: URL;
}

export class FeatureRunner<Env> {
  private readonly running = new Map<string, RunningFeature>();

  constructor(
    private readonly features: readonly FeatureDefinition<Env>[],
    private readonly options: FeatureRunnerOptions<Env>,
  ) {
    const ids = new Set<string>();
    for (const feature of features) {
      if (ids.has(feature.id)) throw new Error(`Feature id registered twice: ${feature.id}`);
      ids.add(feature.id);
    }
    options.signal?.addEventListener('abort', () => this.stopAll(), { once: true });
  }

  /** Ids of the features running now. */
  get activeIds(): string[] {
    return [...this.running.keys()];
  }

  /** Brings the set of running features in line with `url`. Safe to call on every location change. */
  update(url: URL): void {
    if (this.options.signal?.aborted) return;
    for (const feature of this.features) {
      const current = this.running.get(feature.id);
      const matches = this.safeMatches(feature, url);
      if (current && (!matches || needsRestart(feature, current.startedAt, url))) this.stop(feature.id);
      if (matches && !this.running.has(feature.id)) this.start(feature, url);
    }
  }

  stopAll(): void {
    for (const id of [...this.running.keys()]) this.stop(id);
  }

  private start(feature: FeatureDefinition<Env>, url: URL): void {
    const controller = new AbortController();
    this.running.set(feature.id, { controller, startedAt: url });
    const report = (error: unknown) => {
      if (!controller.signal.aborted) this.options.onError(feature.id, error);
    };
    try {
      const result = feature.init(controller.signal, this.options.environment(url, feature.id, controller.signal));
      if (result && typeof result.then === 'function') result.then(undefined, report);
    } catch (error) {
      report(error);
    }
  }

  private stop(id: string): void {
    const current = this.running.get(id);
    this.running.delete(id);
    current?.controller.abort();
  }

  private safeMatches(feature: FeatureDefinition<Env>, url: URL): boolean {
    try {
      return featureMatches(feature as FeatureDefinition<unknown>, url);
    } catch (error) {
      this.options.onError(feature.id, error);
      return false;
    }
  }
}

function needsRestart(feature: FeatureDefinition<unknown>, startedAt: URL, now: URL): boolean {
  switch (feature.restartOn ?? 'url') {
    case 'never':
      return false;
    case 'path':
      return startedAt.origin + startedAt.pathname !== now.origin + now.pathname;
    case 'url':
      return startedAt.href !== now.href;
  }
}
