// Groups findings by where a person fixes them, so reports read area by area rather than code by code.
import type { Finding, Severity, SubjectKind } from '../../utils/audit/types';

export const AREAS = [
  'Account mapping',
  'Xero chart of accounts',
  'Xero products and services',
  'Organisation settings',
  'Tax rules',
  'Products and contacts',
  'Sales and purchases',
] as const;
export type Area = (typeof AREAS)[number];

const AREA_OF_KIND: Record<SubjectKind, Area> = {
  role: 'Account mapping',
  account: 'Xero chart of accounts',
  item: 'Xero products and services',
  organisation: 'Organisation settings',
  currency: 'Organisation settings',
  taxRule: 'Tax rules',
  product: 'Products and contacts',
  customer: 'Products and contacts',
  supplier: 'Products and contacts',
  sale: 'Sales and purchases',
  purchase: 'Sales and purchases',
};

export const SEVERITY_ORDER: readonly Severity[] = ['error', 'warning', 'info'];

export function areaOf(finding: Finding): Area {
  // A shared account (MAPPING_NOT_UNIQUE) is fixed on the mapping page even though its subject is the account.
  if (finding.code.startsWith('MAPPING_')) return 'Account mapping';
  return AREA_OF_KIND[finding.subject.kind] ?? 'Organisation settings';
}

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
  return AREAS.map((area) => ({
    area,
    findings: findings
      .map((finding, index) => ({ finding, index }))
      .filter(({ finding }) => areaOf(finding) === area)
      .sort((a, b) => rank(a.finding) - rank(b.finding) || a.index - b.index)
      .map(({ finding }) => finding),
  })).filter((group) => group.findings.length > 0);
}

export function plural(count: number, one: string, many = `${one}s`): string {
  return `${count} ${count === 1 ? one : many}`;
}
