// Where a person fixes each finding: one list of areas for every surface that groups findings (the report page,
// the CLI's table and Markdown). Keyed by finding code, so a new code does not compile until it has an area.
import type { FindingCode } from './types';

/** What grouping needs of a finding (engine findings and the status's findings both fit). */
export interface AreaInput {
  code: FindingCode;
  subject: { kind: string };
}

export const AREAS = [
  'Account mapping',
  'Mapped accounts',
  'Chart of accounts',
  'Products and services',
  'Tax rules and overrides',
  'Currencies',
  'Lock dates',
] as const;
export type Area = (typeof AREAS)[number];

const AREA_OF_CODE: Record<FindingCode, Area> = {
  MAPPING_UNKNOWN: 'Account mapping',
  MAPPING_MISSING: 'Account mapping',
  MAPPING_NOT_UNIQUE: 'Account mapping',
  ACCOUNT_NOT_FOUND: 'Mapped accounts',
  ACCOUNT_ARCHIVED: 'Mapped accounts',
  ACCOUNT_TYPE_MISMATCH: 'Mapped accounts',
  PAYMENTS_NOT_ENABLED: 'Mapped accounts',
  PAYMENTS_ENABLED: 'Mapped accounts',
  SYSTEM_ACCOUNT_MAPPED: 'Mapped accounts',
  ACCOUNT_WITHOUT_CODE: 'Chart of accounts',
  BANK_ACCOUNT_WITHOUT_CODE: 'Chart of accounts',
  TRACKED_INVENTORY: 'Products and services',
  SERVICE_PRODUCT_NO_EXPENSE_ACCOUNT: 'Products and services',
  TAX_RULE_ACCOUNT_INVALID: 'Tax rules and overrides',
  OVERRIDE_ACCOUNT_INVALID: 'Tax rules and overrides',
  OVERRIDE_ACCOUNT_TYPE: 'Tax rules and overrides',
  RECORD_TAX_RULE_INVALID: 'Tax rules and overrides',
  TAX_RULE_NOT_IN_XERO: 'Tax rules and overrides',
  TAX_RATE_NOT_APPLICABLE: 'Tax rules and overrides',
  BASE_CURRENCY_MISMATCH: 'Currencies',
  CURRENCY_NOT_ENABLED: 'Currencies',
  LOCK_DATE_NOT_SET: 'Lock dates',
  LOCK_DATE_MISALIGNED: 'Lock dates',
  DOCUMENT_IN_LOCKED_PERIOD: 'Lock dates',
};

/** The area a finding belongs to. An account problem of a tax rule or override reads better under that area. */
export function areaOf(finding: AreaInput): Area {
  const area = AREA_OF_CODE[finding.code];
  if (area === 'Mapped accounts' && finding.subject.kind !== 'role' && finding.subject.kind !== 'account') {
    return 'Tax rules and overrides';
  }
  return area;
}

/** Findings grouped by area, in AREAS order, their order kept inside each area; empty areas left out. */
export function groupByArea<F extends AreaInput>(findings: readonly F[]): { area: Area; findings: F[] }[] {
  return AREAS.map((area) => ({ area, findings: findings.filter((finding) => areaOf(finding) === area) })).filter(
    (group) => group.findings.length > 0,
  );
}
