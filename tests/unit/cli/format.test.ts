// @vitest-environment node
import { describe, expect, it } from 'vitest';
import type { AuditResult, Finding } from '../../../utils/audit/types';
import { areaOf, groupByArea } from '../../../scripts/lib/areas';
import { formatJson } from '../../../scripts/lib/format-json';
import { audit, compareFindings } from '../../../utils/audit';
import { parseReportJson } from '../../../utils/audit/report-json';
import { loadScenario, SCENARIO_TODAY } from '../../../utils/scenarios';
import { escapeCell, formatMarkdown } from '../../../scripts/lib/format-markdown';
import { formatTable, shouldColor, wrap } from '../../../scripts/lib/format-table';

/** The escape character that starts every ANSI colour code. */
const ESC = '\u001b[';

const finding = (overrides: Partial<Finding> & Pick<Finding, 'code' | 'severity'>): Finding => ({
  subject: { kind: 'role', key: 'cogs', label: 'Cost of Goods Sold' },
  message: 'A message.',
  ...overrides,
});

const result: AuditResult = {
  findings: [
    finding({ code: 'MAPPING_UNKNOWN', severity: 'info', subject: { kind: 'role', key: 'workInProgress', label: 'Work in Progress' } }),
    finding({ code: 'TRACKED_INVENTORY', severity: 'error', subject: { kind: 'item', key: 'TNT-1', label: 'Tent | 2P' }, message: 'Tracked | in Xero.' }),
    finding({ code: 'PAYMENTS_ENABLED', severity: 'warning', fix: { app: 'xero', url: 'https://go.xero.com/GeneralLedger/ChartOfAccounts.aspx#mg-target=account:310', label: 'Open the chart' } }),
    finding({ code: 'MAPPING_MISSING', severity: 'error', subject: { kind: 'role', key: 'inTransit', label: 'In Transit' } }),
    finding({ code: 'MAPPING_NOT_UNIQUE', severity: 'error', subject: { kind: 'account', key: '820', label: '820 GST' } }),
  ],
  summary: { errors: 3, warnings: 1, infos: 1, total: 5 },
  coverage: [
    { check: 'tracked-inventory', label: 'No Xero item is tracked', ran: true },
    { check: 'tax-rule-account', label: 'Tax rules post to liabilities', ran: false, reason: 'Cin7 Core tax rules not available' },
  ],
};

describe('groupByArea', () => {
  it('orders areas by where they are fixed and findings by severity, keeping engine order within a severity', () => {
    const groups = groupByArea(result.findings);
    expect(groups.map((group) => group.area)).toEqual(['Account mapping', 'Mapped accounts', 'Products and services']);
    expect(groups[0]?.findings.map((f) => f.code)).toEqual(['MAPPING_MISSING', 'MAPPING_NOT_UNIQUE', 'MAPPING_UNKNOWN']);
    expect(groups[1]?.findings.map((f) => f.code)).toEqual(['PAYMENTS_ENABLED']);
  });

  it('uses the same areas as the report page (one list in utils/audit)', () => {
    expect(areaOf(finding({ code: 'MAPPING_NOT_UNIQUE', severity: 'error', subject: { kind: 'account', key: '820', label: '' } }))).toBe('Account mapping');
    expect(areaOf(finding({ code: 'ACCOUNT_WITHOUT_CODE', severity: 'warning', subject: { kind: 'account', key: 'id', label: '' } }))).toBe('Chart of accounts');
    expect(areaOf(finding({ code: 'ACCOUNT_ARCHIVED', severity: 'error', subject: { kind: 'product', key: 'p1', label: '' } }))).toBe('Tax rules and overrides');
    expect(areaOf(finding({ code: 'DOCUMENT_IN_LOCKED_PERIOD', severity: 'error', subject: { kind: 'sale', key: 's1', label: '' } }))).toBe('Lock dates');
  });
});

describe('formatJson', () => {
  it('prints the one report shape: findings and summary as before, then coverage, score, fix plan and organisations', () => {
    const parsed = parseReportJson(formatJson(result));
    expect(Object.keys(parsed)).toEqual(['findings', 'summary', 'coverage', 'score', 'fixPlan', 'organisations']);
    expect(parsed.summary).toEqual(result.summary);
    expect(parsed.findings).toEqual([...result.findings].sort(compareFindings));
    expect(parsed.coverage).toEqual(result.coverage);
    // No snapshot, no mapping: not scored, rather than a flattering number.
    expect(parsed.score).toBeNull();
    expect(parsed.fixPlan.map((step) => step.stage)).toEqual(['inventory', 'mapping']);
    expect(parsed.organisations).toEqual({ cin7: null, xero: null });
  });

  it('scores once the snapshot holds the mapping, and names both organisations', () => {
    const snapshot = loadScenario('broken');
    const parsed = parseReportJson(formatJson(audit(snapshot, { today: SCENARIO_TODAY }), snapshot));
    expect(parsed.score).toEqual(expect.any(Number));
    expect(parsed.organisations.xero).toBe(snapshot.xero?.organisation?.Name);
    expect(parsed.organisations.cin7).toBe(snapshot.cin7?.me?.Company);
  });
});

describe('formatTable', () => {
  const options = { source: 'snap.json', today: '2026-11-21', width: 80 };

  it('has no escape codes without colour and some with it', () => {
    expect(formatTable(result, { ...options, color: false })).not.toContain(ESC);
    expect(formatTable(result, { ...options, color: true })).toContain(`${ESC}31mERROR`);
  });

  it('lists each area with its count, the fix links, what was not checked, and the summary', () => {
    const text = formatTable(result, { ...options, color: false });
    expect(text).toContain('Account mapping (3)');
    expect(text).toContain('Mapped accounts (1)');
    expect(text).toContain('Products and services (1)');
    // Severity first inside an area, areas in the shared order.
    expect(text.indexOf('MAPPING_MISSING')).toBeLessThan(text.indexOf('MAPPING_UNKNOWN'));
    expect(text.indexOf('MAPPING_UNKNOWN')).toBeLessThan(text.indexOf('PAYMENTS_ENABLED'));
    expect(text.indexOf('PAYMENTS_ENABLED')).toBeLessThan(text.indexOf('TRACKED_INVENTORY'));
    expect(text).toContain('→ Open the chart: https://go.xero.com/GeneralLedger/ChartOfAccounts.aspx#mg-target=account:310');
    expect(text).toContain('Tax rules post to liabilities: Cin7 Core tax rules not available');
    expect(text.trimEnd().split('\n').at(-1)).toBe('3 errors, 1 warning, 1 info (5 findings)');
  });

  it('prints the first suggestion, the source, the fix plan in order, how many checks ran and the score', () => {
    const answered: AuditResult = {
      ...result,
      findings: result.findings.map((entry) =>
        entry.code === 'MAPPING_MISSING'
          ? { ...entry, suggestions: [{ code: '631', name: 'Goods in Transit', reason: 'Current Asset, active' }], source: { label: 'Cin7 Core help: Account Mapping', url: 'https://help.core.cin7.com/x' } }
          : entry,
      ),
    };
    const text = formatTable(answered, { ...options, color: false, score: 72 });
    expect(text).toContain('Suggested: map to 631 Goods in Transit (Current Asset, active)');
    expect(text).toContain('Source: Cin7 Core help: Account Mapping https://help.core.cin7.com/x');
    const plan = text.slice(text.indexOf('Fix plan'));
    // Untracking the item (step 2) comes before the mappings (step 4), whatever the findings' order.
    expect(plan.indexOf('TRACKED_INVENTORY')).toBeGreaterThan(0);
    expect(plan.indexOf('TRACKED_INVENTORY')).toBeLessThan(plan.indexOf('MAPPING_MISSING'));
    expect(text).toMatch(/Checks: \d+ of \d+ ran\./);
    expect(text.trimEnd().split('\n').at(-1)).toBe('Health score: 72 (Needs attention)');
    expect(formatTable(answered, { ...options, color: false, score: null })).toContain('Health score: Not scored until the account mapping is read');
    const markdown = formatMarkdown(answered, { title: 'T', today: '2026-11-21', score: 72 });
    expect(markdown).toContain('Health score: **72** (Needs attention).');
    expect(markdown).toContain('## Fix plan');
    expect(markdown).toContain('[Cin7 Core help: Account Mapping](<https://help.core.cin7.com/x>)');
    expect(markdown).toContain('Suggested: map to 631 Goods in Transit.');
  });

  it('says so when there is nothing to report', () => {
    const empty: AuditResult = { findings: [], summary: { errors: 0, warnings: 0, infos: 0, total: 0 }, coverage: [] };
    expect(formatTable(empty, { ...options, color: false })).toContain('No findings');
  });

  it('wraps long messages at the width', () => {
    const lines = wrap('one two three four five six seven', 10);
    expect(lines).toEqual(['one two', 'three four', 'five six', 'seven']);
    expect(wrap('averyveryverylongword x', 5)).toEqual(['averyveryverylongword', 'x']);
  });
});

describe('shouldColor', () => {
  it.each([
    [true, {}, true],
    [true, { NO_COLOR: '1' }, false],
    [true, { NO_COLOR: '' }, true],
    [false, {}, false],
    [undefined, {}, false],
  ] as const)('tty %s env %j → %s', (isTTY, env, expected) => {
    expect(shouldColor(isTTY, env)).toBe(expected);
  });
});

describe('formatMarkdown', () => {
  const text = formatMarkdown(result, { title: 'Kauri Coast Outdoor Ltd', today: '2026-11-21' });

  it('starts with a title, the date and a summary table', () => {
    expect(text.split('\n')[0]).toBe('# Cin7 Core ↔ Xero set-up check: Kauri Coast Outdoor Ltd');
    expect(text).toContain('Checked on 2026-11-21');
    expect(text).toContain('| 3 | 1 | 1 | 5 |');
  });

  it('keeps every finding row a valid table row (pipes escaped) with its fix as a link', () => {
    const row = text.split('\n').find((line) => line.includes('TRACKED_INVENTORY'));
    expect(row).toBe('| Error | `TRACKED_INVENTORY` | Tent \\| 2P | Tracked \\| in Xero. |  |  |');
    expect(text).toContain('[Open the chart](<https://go.xero.com/GeneralLedger/ChartOfAccounts.aspx#mg-target=account:310>)');
    expect(text).toContain('## Not checked');
  });

  it('escapes Markdown and HTML in cells', () => {
    expect(escapeCell('a|b\nc <b>*x*</b> [l](u)')).toBe('a\\|b c \\<b\\>\\*x\\*\\</b\\> \\[l\\](u)');
  });
});
