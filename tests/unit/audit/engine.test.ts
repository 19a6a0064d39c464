// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { audit, compareFindings } from '../../../utils/audit';
import { RULES } from '../../../utils/audit/rules';
import type { Snapshot } from '../../../utils/schemas';
import { runAudit, snapshotWith, TODAY } from './fixtures';
import { brokenEverything } from './kitchen-sink';

/** Deterministic shuffle (mulberry32) so a failure can be replayed. */
function shuffled<T>(items: readonly T[], seed: number): T[] {
  let state = seed;
  const random = () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [copy[i], copy[j]] = [copy[j] as T, copy[i] as T];
  }
  return copy;
}

function shuffleSnapshot(snapshot: Snapshot, seed: number): Snapshot {
  const copy = structuredClone(snapshot);
  const cin7 = copy.cin7!;
  const xero = copy.xero!;
  cin7.products = shuffled(cin7.products ?? [], seed);
  cin7.customers = shuffled(cin7.customers ?? [], seed + 1);
  cin7.suppliers = shuffled(cin7.suppliers ?? [], seed + 2);
  cin7.taxRules = shuffled(cin7.taxRules ?? [], seed + 3);
  cin7.sales = shuffled(cin7.sales ?? [], seed + 4);
  if (cin7.mapping) cin7.mapping.rows = shuffled(cin7.mapping.rows, seed + 5);
  xero.accounts = shuffled(xero.accounts ?? [], seed + 6);
  xero.items = shuffled(xero.items ?? [], seed + 7);
  xero.currencies = shuffled(xero.currencies ?? [], seed + 8);
  return copy;
}

describe('audit()', () => {
  it('gives the same result for shuffled input', () => {
    const snapshot = brokenEverything();
    const expected = runAudit(snapshot);
    expect(expected.findings.length).toBeGreaterThan(20);
    for (let seed = 1; seed <= 10; seed++) expect(runAudit(shuffleSnapshot(snapshot, seed))).toEqual(expected);
  });

  it('sorts by severity, then code, subject kind and key', () => {
    const { findings } = runAudit(brokenEverything());
    const rank = { error: 0, warning: 1, info: 2 };
    for (let i = 1; i < findings.length; i++) {
      const [a, b] = [findings[i - 1]!, findings[i]!];
      expect(compareFindings(a, b)).toBeLessThanOrEqual(0);
      expect(rank[a.severity]).toBeLessThanOrEqual(rank[b.severity]);
      if (a.severity === b.severity) expect(a.code <= b.code).toBe(true);
    }
  });

  it('counts the summary from the findings', () => {
    const { findings, summary } = runAudit(brokenEverything());
    expect(summary).toEqual({
      errors: findings.filter((f) => f.severity === 'error').length,
      warnings: findings.filter((f) => f.severity === 'warning').length,
      infos: findings.filter((f) => f.severity === 'info').length,
      total: findings.length,
    });
    expect(summary.errors).toBeGreaterThan(0);
    expect(summary.warnings).toBeGreaterThan(0);
    expect(summary.infos).toBeGreaterThan(0);
  });

  it('lists every check in the coverage, with the reason when it could not run', () => {
    const empty = audit({}, { today: TODAY });
    expect(empty.coverage.map((entry) => entry.check)).toEqual(RULES.map((rule) => rule.id));
    expect(empty.findings.map((f) => f.code)).toEqual(['MAPPING_UNKNOWN']);
    for (const entry of empty.coverage) {
      if (entry.check === 'mapping-unknown') expect(entry.ran).toBe(true);
      else expect(entry).toMatchObject({ ran: false, reason: expect.stringMatching(/not (available|read yet)/) });
    }
    expect(empty.coverage.find((entry) => entry.check === 'tracked-inventory')?.reason).toBe('Xero products and services not available');
    expect(empty.coverage.find((entry) => entry.check === 'base-currency')?.reason).toBe('Cin7 Core company settings not available; Xero organisation settings not available');
  });

  it('gives every finding a sentence and, where one exists, a fix link to an allowed host', () => {
    for (const finding of runAudit(brokenEverything()).findings) {
      expect(finding.message).toMatch(/^[A-Z0-9"].+\.$/);
      expect(finding.subject.key.length).toBeGreaterThan(0);
      expect(finding.subject.label.length).toBeGreaterThan(0);
      if (finding.fix) expect(finding.fix.url).toMatch(/^https:\/\/(inventory\.dearsystems\.com|go\.xero\.com)\//);
    }
  });

  it('does not modify the snapshot', () => {
    const snapshot = snapshotWith();
    const before = structuredClone(snapshot);
    runAudit(snapshot);
    expect(snapshot).toEqual(before);
  });
});
