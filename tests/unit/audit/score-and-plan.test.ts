import { describe, expect, it } from 'vitest';
import { causeOf, healthLabel, healthScore } from '../../../utils/audit/score';
import { FIX_STAGES, fixPlan, stageOf, type PlannedFinding } from '../../../utils/audit/fix-plan';
import { FINDING_CODES, type FindingCode, type Severity } from '../../../utils/audit/types';

const finding = (code: FindingCode, severity: Severity, key: string, extra: Partial<PlannedFinding> = {}): PlannedFinding => ({
  code,
  severity,
  subject: { kind: 'role', key, label: key },
  message: `${code} ${key}`,
  ...extra,
});

describe('healthScore', () => {
  it('gives no score until the mapping has been read', () => {
    expect(healthScore([], { mappingRead: false })).toBeNull();
    expect(healthLabel(null)).toMatch(/mapping/);
    expect(healthScore([], { mappingRead: true })).toBe(100);
  });

  it('counts one cause once, however many findings describe it', () => {
    const twoRoles = [
      finding('ACCOUNT_ARCHIVED', 'error', 'cogs', { cause: 'account:820' }),
      finding('ACCOUNT_ARCHIVED', 'error', 'inventoryControl', { cause: 'account:820' }),
    ];
    const oneRole = [finding('ACCOUNT_ARCHIVED', 'error', 'cogs', { cause: 'account:820' })];
    expect(healthScore(twoRoles, { mappingRead: true })).toBe(healthScore(oneRole, { mappingRead: true }));
    expect(healthScore(oneRole, { mappingRead: true })).toBe(85);
  });

  it('takes the worst severity of a cause and ignores reviewed findings and notes', () => {
    const mixed = [
      finding('ACCOUNT_TYPE_MISMATCH', 'warning', 'cogs', { cause: 'account:500' }),
      finding('ACCOUNT_ARCHIVED', 'error', 'cogs', { cause: 'account:500' }),
    ];
    expect(healthScore(mixed, { mappingRead: true })).toBe(85);
    const reviewed = [finding('ACCOUNT_ARCHIVED', 'error', 'cogs', { reviewed: true }), finding('LOCK_DATE_NOT_SET', 'info', 'org')];
    expect(healthScore(reviewed, { mappingRead: true })).toBe(100);
  });

  it('moves with each fix: removing a cause raises the score', () => {
    const all = [finding('MAPPING_MISSING', 'error', 'cogs'), finding('MAPPING_MISSING', 'error', 'sales'), finding('PAYMENTS_ENABLED', 'warning', 'x')];
    const before = healthScore(all, { mappingRead: true }) ?? 0;
    const after = healthScore(all.slice(1), { mappingRead: true }) ?? 0;
    expect(after).toBeGreaterThan(before);
  });

  it('defaults a cause to the finding itself', () => {
    expect(causeOf(finding('MAPPING_MISSING', 'error', 'cogs'))).not.toBe(causeOf(finding('MAPPING_MISSING', 'error', 'sales')));
  });
});

describe('fixPlan', () => {
  it('puts every code in a stage', () => {
    for (const code of FINDING_CODES) expect(FIX_STAGES).toContain(stageOf(code));
  });

  it('orders base currency, then untracking, then mappings, then documents', () => {
    const plan = fixPlan([
      finding('DOCUMENT_IN_LOCKED_PERIOD', 'error', 'SO-1'),
      finding('MAPPING_MISSING', 'error', 'cogs'),
      finding('TRACKED_INVENTORY', 'error', 'item-1'),
      finding('BASE_CURRENCY_MISMATCH', 'error', 'org'),
    ]);
    expect(plan.map((step) => step.stage)).toEqual(['currency', 'inventory', 'mapping', 'documents']);
  });

  it('groups a stage by the app where the fix is made, Xero first, errors before warnings', () => {
    const plan = fixPlan([
      finding('ACCOUNT_TYPE_MISMATCH', 'warning', 'sales', { fix: { app: 'cin7', url: 'https://x/', label: 'Open' } }),
      finding('PAYMENTS_NOT_ENABLED', 'warning', 'bank'),
      finding('MAPPING_MISSING', 'error', 'cogs'),
    ]);
    expect(plan).toHaveLength(1);
    const groups = plan[0]?.groups ?? [];
    expect(groups.map((group) => group.app)).toEqual(['xero', 'cin7']);
    expect(groups[1]?.fixes.map((fix) => fix.lead.code)).toEqual(['MAPPING_MISSING', 'ACCOUNT_TYPE_MISMATCH']);
  });

  it('lists a cause once and leaves reviewed findings out', () => {
    const plan = fixPlan([
      finding('ACCOUNT_ARCHIVED', 'error', 'cogs', { cause: 'account:820' }),
      finding('ACCOUNT_ARCHIVED', 'error', 'inventoryControl', { cause: 'account:820' }),
      finding('MAPPING_MISSING', 'error', 'sales', { reviewed: true }),
    ]);
    const fixes = plan.flatMap((step) => step.groups.flatMap((group) => group.fixes));
    expect(fixes).toHaveLength(1);
    expect(fixes[0]?.findings).toHaveLength(2);
  });
});
