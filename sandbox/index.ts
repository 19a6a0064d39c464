// The sandbox's programmatic API (e2e harness, demo, background e2e tests): Cin7 Core and Xero, web apps and
// APIs, on their real hostnames over local HTTPS. Not part of the extension build.
import type { AddressInfo } from 'node:net';
import { SCENARIO_NAMES, isScenarioName, loadScenario, type ScenarioName } from '../utils/scenarios';
import type { Snapshot } from '../utils/schemas/snapshot';
import { Faults, type FaultName, type FaultSettings } from './faults';
import { stableUuid } from './ids';
import type { Cin7Credentials, Runtime } from './runtime';
import { cin7Organisations, secondCin7Organisation } from './cin7-organisations';
import { secondTenant } from './second-tenant';
import { createSandboxServer, SANDBOX_HOSTS } from './server';
import { Stats } from './stats';
import { SandboxStore } from './store';
import type { Connection } from './xero-tokens';

export type { ScenarioName } from '../utils/scenarios';
export type { FaultName, FaultSettings, RepeatingFault } from './faults';
export type { StatsSnapshot } from './stats';
export type { Cin7Collection, JsonRecord } from './store';
export { SANDBOX_HOSTS } from './server';

export interface SandboxOptions {
  scenario?: ScenarioName;
  /** 0 (default) picks a free port. */
  port?: number;
  /** Size of the `large` scenario. */
  scale?: number;
  /** Length of the per-minute rate-limit windows; default 60_000 (tests shrink it). */
  rateLimitWindowMs?: number;
  /** Serve this snapshot instead of a named scenario (unit tests). */
  snapshot?: Snapshot;
  /** Offer only the scenario's organisation on the consent page (default: also "Demo Company (NZ)"). */
  singleTenant?: boolean;
  /** Only the scenario's Cin7 Core organisation on the login (default: also "Harbour Goods Ltd", cin7-organisations.ts). */
  singleCin7Organisation?: boolean;
  /** Clock for token expiry and rate-limit windows (tests); default Date.now. */
  now?: () => number;
}

export interface SandboxFaults {
  set<K extends FaultName>(name: K, value: FaultSettings[K]): void;
  clear(name?: FaultName): void;
  current(): Readonly<FaultSettings>;
}

export interface SandboxTenant {
  tenantId: string;
  name: string;
  shortCode: string;
}

export interface Sandbox {
  port: number;
  hosts: string[];
  /** `--host-resolver-rules=MAP <host> 127.0.0.1:<port>, …` and `--ignore-certificate-errors`. */
  chromiumArgs: string[];
  cin7Credentials: Cin7Credentials;
  /** The login's Cin7 Core organisations (the scenario's first): `/Home/Organisation?ID=<id>` picks one, its keys reach its API data. */
  cin7Organisations: { id: string; company: string; credentials: Cin7Credentials }[];
  /** The Xero client id the sandbox accepts (redirect URIs `https://*.chromiumapp.org/*`, `https://*.extensions.allizom.org/*`). */
  xeroClientId: string;
  scenario: ScenarioName | 'custom';
  tenants: SandboxTenant[];
  faults: SandboxFaults;
  stats: Stats;
  /** The live data: modify records to see ModifiedSince / If-Modified-Since answers follow. */
  store: SandboxStore;
  setMappingRow(label: string, account: string | null): void;
  /** The current data as an audit snapshot (the scenario's Xero organisation). */
  snapshot(): Snapshot;
  /** Tenants connected through the consent page. */
  connections(): Connection[];
  /** Clears the rate-limit windows (between tests). */
  resetRateLimits(): void;
  close(): Promise<void>;
}

export const CIN7_DEMO_CREDENTIALS: Cin7Credentials = {
  accountId: stableUuid('mapping-guard-sandbox:cin7-account'),
  applicationKey: stableUuid('mapping-guard-sandbox:cin7-application-key'),
};

export const XERO_DEMO_CLIENT_ID = stableUuid('mapping-guard-sandbox:xero-client').replace(/-/g, '').toUpperCase();

export function chromiumArgsFor(port: number, hosts: readonly string[] = SANDBOX_HOSTS): string[] {
  return [`--host-resolver-rules=${hosts.map((h) => `MAP ${h} 127.0.0.1:${port}`).join(', ')}`, '--ignore-certificate-errors'];
}

export async function startSandbox(options: SandboxOptions = {}): Promise<Sandbox> {
  const now = options.now ?? Date.now;
  const name = options.scenario ?? 'broken';
  // Callers outside TypeScript (the CLI, the harness) may pass any text: fail with the valid names.
  if (!options.snapshot && !isScenarioName(name)) {
    throw new Error(`sandbox: unknown scenario "${String(name)}" (expected one of ${SCENARIO_NAMES.join(', ')})`);
  }
  const scenario = options.snapshot ? 'custom' : name;
  const snapshot = options.snapshot ?? loadScenario(name, options.scale === undefined ? {} : { scale: options.scale });
  const store = new SandboxStore(snapshot, options.singleTenant ? [] : [secondTenant()], now, options.singleCin7Organisation ? [] : [secondCin7Organisation()]);
  const faults = new Faults(now);
  const stats = new Stats();
  const rt: Runtime = {
    store,
    faults,
    stats,
    now,
    cin7Credentials: CIN7_DEMO_CREDENTIALS,
    xeroClientId: XERO_DEMO_CLIENT_ID,
    rateLimitWindowMs: options.rateLimitWindowMs ?? 60_000,
  };
  const { server, tokens, resetLimits } = createSandboxServer(rt);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;

  return {
    port,
    hosts: [...SANDBOX_HOSTS],
    chromiumArgs: chromiumArgsFor(port),
    cin7Credentials: { ...CIN7_DEMO_CREDENTIALS },
    cin7Organisations: cin7Organisations(rt).map((organisation) => ({ ...organisation, credentials: { ...organisation.credentials } })),
    xeroClientId: XERO_DEMO_CLIENT_ID,
    scenario,
    tenants: store.tenants.map(({ tenantId, name, shortCode }) => ({ tenantId, name, shortCode })),
    faults: {
      set: (name, value) => faults.set(name, value),
      clear: (name) => faults.clear(name),
      current: () => faults.current(),
    },
    stats,
    store,
    setMappingRow: (label, account) => store.setMappingRow(label, account),
    snapshot: () => store.snapshot(),
    connections: () => tokens.connections.map((c) => ({ ...c })),
    resetRateLimits: resetLimits,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
