// Scenario organisations: the single source of data for tests, the audit CLI, the benchmark and the sandbox.
import { parseSnapshot, type Snapshot } from '../schemas';
import { buildBroken } from './broken';
import { buildHealthy } from './healthy';
import { generateLarge } from './large';

export { SCENARIO_TODAY } from './dates';
export { generateLarge, largeCounts, LARGE_BASE, type GenerateOptions, type LargeCounts } from './large';

export const SCENARIO_NAMES = ['healthy', 'broken', 'large'] as const;
export type ScenarioName = (typeof SCENARIO_NAMES)[number];

/** `loadScenario('large')` stays light for the sandbox and the demo; the benchmark asks for bigger scales. */
export const DEFAULT_LARGE_SCALE = 0.1;
export const DEFAULT_LARGE_SEED = 1;

export function isScenarioName(value: string): value is ScenarioName {
  return (SCENARIO_NAMES as readonly string[]).includes(value);
}

export interface LoadScenarioOptions {
  /** Only for 'large'. */
  scale?: number;
  /** Only for 'large'. */
  seed?: number;
}

/** A fresh, validated snapshot each call (callers may mutate it). */
export function loadScenario(name: ScenarioName, options: LoadScenarioOptions = {}): Snapshot {
  switch (name) {
    case 'healthy':
      return parseSnapshot(buildHealthy());
    case 'broken':
      return parseSnapshot(buildBroken());
    case 'large':
      return parseSnapshot(
        generateLarge({ scale: options.scale ?? DEFAULT_LARGE_SCALE, seed: options.seed ?? DEFAULT_LARGE_SEED }),
      );
  }
}
