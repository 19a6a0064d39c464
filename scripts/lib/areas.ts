// Groups findings by where a person fixes them (the areas every surface shares, utils/audit/areas.ts), so the CLI's
// reports read area by area rather than code by code.
import { AREAS, areaOf, groupByArea as groupByAreaInOrder, type Area } from '../../utils/audit/areas';
import type { Finding, Severity } from '../../utils/audit/types';

export { AREAS, areaOf, type Area };

export const SEVERITY_ORDER: readonly Severity[] = ['error', 'warning', 'info'];

export interface AreaGroup {
  area: Area;
  findings: Finding[];
}

/**
 * Findings grouped by area (in AREAS order), most severe first inside each area. The engine's own order is kept
 * between findings of equal severity (it is already deterministic).
 */
export function groupByArea(findings: readonly Finding[]): AreaGroup[] {
  const rank = (finding: Finding) => SEVERITY_ORDER.indexOf(finding.severity);
  // Array sort is stable: equal severities keep the engine's order.
  return groupByAreaInOrder([...findings].sort((a, b) => rank(a) - rank(b)));
}

export function plural(count: number, one: string, many = `${one}s`): string {
  return `${count} ${count === 1 ? one : many}`;
}
