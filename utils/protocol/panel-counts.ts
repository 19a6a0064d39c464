// What the panel's collapsed tab reads from a status (components/panel/counts.ts), checked on its own: the start
// script (utils/overlay/start-script.ts) draws the counts from the tab's first reply before the overlay's bundle is
// loaded, and the overlay checks the whole reply with the action's zod schema (`statusSchema`) before anything of its
// own reads it. Checked by hand, not with zod: even zod's small build cost the page about 25 ms of CPU on every load
// in the start script (its schema machinery compiled and set up cold on each page), which is what this script is for.
// Only the fields read here are checked; extra ones are ignored. Anything else is no status (undefined).
import { SEVERITIES } from '../schemas/severities';
import type { Severity } from '../schemas/severities';
import { CONNECTION_STATES, TAB_BINDINGS, type ConnectionStateName } from './states';

/** More findings than any account produces: a reply beyond it is not a status. */
const MAX_FINDINGS = 100_000;

export interface PanelCounts {
  connection: { xero: ConnectionStateName; cin7: ConnectionStateName };
  summary?: { errors: number };
  findings: readonly { severity: Severity; reviewed: boolean }[];
  mappingChange?: { count: number };
  tab?: { state: (typeof TAB_BINDINGS)[number]; shown?: string };
}

type Fields = Record<string, unknown>;
const isObject = (value: unknown): value is Fields => typeof value === 'object' && value !== null && !Array.isArray(value);
const isOneOf = <T extends string>(list: readonly T[], value: unknown): value is T => list.includes(value as T);

function readTab(value: unknown): PanelCounts['tab'] | null {
  if (value === undefined) return undefined;
  if (!isObject(value) || !isOneOf(TAB_BINDINGS, value.state)) return null;
  if (value.shown === undefined) return { state: value.state };
  return typeof value.shown === 'string' && value.shown.length <= 300 ? { state: value.state, shown: value.shown } : null;
}

function readFindings(value: unknown): PanelCounts['findings'] | null {
  if (!Array.isArray(value) || value.length > MAX_FINDINGS) return null;
  const findings: { severity: Severity; reviewed: boolean }[] = [];
  for (const finding of value) {
    if (!isObject(finding) || !isOneOf(SEVERITIES, finding.severity) || typeof finding.reviewed !== 'boolean') return null;
    findings.push({ severity: finding.severity, reviewed: finding.reviewed });
  }
  return findings;
}

/** The counts of a status; undefined when it is not one. */
export function readPanelCountsOf(status: unknown): PanelCounts | undefined {
  if (!isObject(status) || !isObject(status.connection)) return undefined;
  const { xero, cin7 } = status.connection;
  if (!isOneOf(CONNECTION_STATES, xero) || !isOneOf(CONNECTION_STATES, cin7)) return undefined;
  const findings = readFindings(status.findings);
  const tab = readTab(status.tab);
  if (findings === null || tab === null) return undefined;
  const { summary, mappingChange } = status;
  if (summary !== undefined && !(isObject(summary) && typeof summary.errors === 'number')) return undefined;
  if (mappingChange !== undefined && !(isObject(mappingChange) && typeof mappingChange.count === 'number')) return undefined;
  return {
    connection: { xero, cin7 },
    findings,
    ...(summary ? { summary: { errors: summary.errors as number } } : {}),
    ...(mappingChange ? { mappingChange: { count: mappingChange.count as number } } : {}),
    ...(tab ? { tab } : {}),
  };
}

/** The counts of a raw `identifyTabWithStatus` reply; undefined for a refusal or anything that is not a status. */
export function readPanelCounts(raw: unknown): PanelCounts | undefined {
  return isObject(raw) && raw.ok === true ? readPanelCountsOf(raw.result) : undefined;
}
