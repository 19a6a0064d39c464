import { describe, expect, it } from 'vitest';
import { audit } from '../../../utils/audit';
import { buildReportJson, formatReportJson, parseReportJson } from '../../../utils/audit/report-json';
import { describeFindingsDiff, diffReportFindings } from '../../../utils/audit/report-json-diff';
import type { Finding } from '../../../utils/audit/types';
import { loadScenario, SCENARIO_TODAY } from '../../../utils/scenarios';

const result = audit(loadScenario('broken'), { today: SCENARIO_TODAY });
const organisations = { cin7: 'Kauri Cin7', xero: 'Kauri Xero' };

describe('report JSON', () => {
  it('prints the same findings bytes from engine findings and from the status’s findings (key and reviewed stripped, engine order)', () => {
    const cli = buildReportJson({ findings: result.findings, coverage: result.coverage, mappingRead: true, organisations });
    // The status's findings carry a key and a reviewed mark, and may come in another order.
    const status = [...result.findings].reverse().map((finding, index) => ({ ...finding, key: `k${index}`, reviewed: false }));
    const page = buildReportJson({ findings: status, coverage: result.coverage, mappingRead: true, organisations, extension: { generatedAt: '2026-11-21T10:00:00.000Z' } });
    expect(JSON.stringify(page.findings)).toBe(JSON.stringify(cli.findings));
    expect(page.findings[0]).not.toHaveProperty('key');
    expect(page.findings[0]).not.toHaveProperty('reviewed');
    expect(parseReportJson(formatReportJson(page))).toEqual(page);
    expect(page.reviewed).toEqual([]);
  });

  it('does not count reviewed findings in the score or the fix plan, and lists their keys', () => {
    const first = result.findings[0] as Finding;
    const reviewed = result.findings.map((finding, index) => ({ ...finding, key: `k${index}`, reviewed: index === 0 }));
    const open = buildReportJson({ findings: result.findings, coverage: [], mappingRead: true, organisations });
    const marked = buildReportJson({ findings: reviewed, coverage: [], mappingRead: true, organisations, extension: {} });
    expect(marked.reviewed).toEqual(['k0']);
    expect(marked.score).toBeGreaterThanOrEqual(open.score as number);
    const subjects = (report: typeof open) => report.fixPlan.flatMap((step) => step.groups.flatMap((group) => group.fixes.flatMap((fix) => fix.subjects.map((subject) => subject.key))));
    expect(subjects(open)).toContain(first.subject.key);
    expect(marked.findings).toHaveLength(open.findings.length);
  });

  it('has no score until the mapping is read', () => {
    expect(buildReportJson({ findings: [], coverage: [], mappingRead: false, organisations }).score).toBeNull();
    expect(buildReportJson({ findings: [], coverage: [], mappingRead: true, organisations }).score).toBe(100);
  });

  it('refuses a file of another shape', () => {
    expect(() => parseReportJson(JSON.stringify({ findings: [], summary: { errors: 0, warnings: 0, infos: 0, total: 0 } }))).toThrow();
    const good = formatReportJson(buildReportJson({ findings: result.findings, coverage: result.coverage, mappingRead: true, organisations }));
    expect(() => parseReportJson(good.replace('"findings"', '"findings2": [], "findings"'))).toThrow();
  });
});

describe('findings diff', () => {
  const [a, b, c] = result.findings as [Finding, Finding, Finding];

  it('agrees on equal lists', () => {
    expect(diffReportFindings([a, b], [a, b]).differences).toEqual([]);
    expect(describeFindingsDiff(diffReportFindings([a, b], [a, b]), { a: 2, b: 2 })[0]).toMatch(/agree/);
  });

  it('names what only one side has, fields that differ, and the order', () => {
    const diff = diffReportFindings([a, b], [a, c]);
    expect(diff.differences).toEqual([expect.stringMatching(/^only in the extension’s export: .*/), expect.stringMatching(/^only in the CLI: .*/)]);
    expect(diffReportFindings([a], [{ ...a, severity: 'info' }]).differences.join()).toMatch(/^(only in|fields differ)/);
    expect(diffReportFindings([a], [{ ...a, source: { label: 'Cin7 help' } }]).differences[0]).toMatch(/^fields differ/);
    expect(diffReportFindings([b, a], [a, b]).differences).toEqual(['same findings, different order from position 1']);
    expect(describeFindingsDiff(diff, { a: 2, b: 2 })[0]).toMatch(/DIFFER/);
  });

  it('treats a learned Cin7 Core page URL as a note, not a difference', () => {
    const linked: Finding = { ...a, fix: { app: 'cin7', url: 'https://inventory.dearsystems.com/Settings', label: 'Open Account Mapping', page: 'accountMapping' } };
    const learned: Finding = { ...linked, fix: { ...linked.fix!, url: 'https://inventory.dearsystems.com/Settings#learned', label: 'Open Account Mapping in Cin7 Core' } };
    const diff = diffReportFindings([learned], [linked]);
    expect(diff.differences).toEqual([]);
    expect(diff.notes).toHaveLength(1);
    // A learned link on a non-page fix is a real difference.
    expect(diffReportFindings([{ ...learned, fix: { ...learned.fix!, page: undefined } }], [{ ...linked, fix: { ...linked.fix!, page: undefined } }]).differences).toHaveLength(1);
  });

  it('treats the time a page was read as a note, and matches the findings by the rest of the message', () => {
    const read = (at: string): Finding => ({ ...a, message: `No row was found on the page (read ${at}).` });
    const diff = diffReportFindings([read('2026-12-05T15:57:17.123Z')], [read('2026-11-20T21:42:07.000Z')]);
    expect(diff).toEqual({ differences: [], notes: [expect.stringContaining('a page read at another time')] });
    expect(diffReportFindings([read('2026-12-05T15:57:17.123Z')], [{ ...read('2026-11-20T21:42:07.000Z'), severity: 'error', message: 'Other.' }]).differences).toHaveLength(2);
  });
});
