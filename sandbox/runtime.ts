// What every host handler shares: the data, the fault switches, the counters, the clock and the credentials.
import type { Faults } from './faults';
import type { Stats } from './stats';
import type { SandboxStore } from './store';

export interface Cin7Credentials {
  accountId: string;
  applicationKey: string;
}

export interface Runtime {
  store: SandboxStore;
  faults: Faults;
  stats: Stats;
  now: () => number;
  cin7Credentials: Cin7Credentials;
  xeroClientId: string;
  /** Length of the per-minute rate-limit windows (tests shrink it). */
  rateLimitWindowMs: number;
}

/** Cuts a JSON body short so clients meet a parse error, as a dropped connection or a proxy page would cause. */
export function malform(body: string): string {
  return body.slice(0, Math.max(1, Math.floor(body.length / 2)));
}
