import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { csvCell, FORMULA_START, exportFileName, findingsToCsv, reportToCsv } from '../../../components/report/export';
import { findingsToMarkdown, markdownText } from '../../../components/report/export-markdown';
import { buildReportJson } from '../../../utils/audit/report-json';
import { finding } from '../popup/fake-client';

/** A minimal RFC 4180 reader, to check that what we write reads back as the same cells. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  const endCell = () => {
    row.push(cell);
    cell = '';
  };
  for (let i = 0; i < text.length; i++) {
    const char = text[i];
    if (quoted) {
      if (char === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (char === '"') quoted = false;
      else cell += char;
    } else if (char === '"') quoted = true;
    else if (char === ',') endCell();
    else if (char === '\r' && text[i + 1] === '\n') {
      endCell();
      rows.push(row);
      row = [];
      i++;
    } else cell += char;
  }
  return rows;
}

describe('CSV export', () => {
  it('escapes quotes, commas and line breaks', () => {
    expect(csvCell('plain')).toBe('plain');
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('two\nlines')).toBe('"two\nlines"');
    expect(csvCell(' padded')).toBe('" padded"');
  });

  it('defuses cells a spreadsheet would run as formulas', () => {
    expect(csvCell('=HYPERLINK("http://x")')).toBe('"\'=HYPERLINK(""http://x"")"');
    expect(csvCell('+1')).toBe("'+1");
    expect(csvCell('-2')).toBe("'-2");
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
  });

  it('defuses formulas hidden behind leading spaces or line breaks (spreadsheets trim them)', () => {
    expect(csvCell('  =1+1')).toBe("'  =1+1");
    expect(csvCell('\n+SUM(A1)')).toBe('"\'\n+SUM(A1)"');
    expect(csvCell(' \r\n@cmd')).toBe('"\' \r\n@cmd"');
    expect(csvCell('a -b')).toBe('a -b');
  });

  it('round-trips any message through a CSV reader', () => {
    fc.assert(
      fc.property(fc.string(), (message) => {
        const rows = parseCsv(findingsToCsv([finding({ message })]));
        const expected = FORMULA_START.test(message) ? `'${message}` : message;
        expect(rows[1]?.[6]).toBe(expected);
        expect(rows[1]).toHaveLength(14);
      }),
    );
  });

  it('writes a header and one row per finding with area, fix, reviewed, suggestion and source', () => {
    const suggested = finding({
      key: 'k2', reviewed: true, fix: undefined, severity: 'warning',
      suggestions: [{ code: '631', name: 'Inventory Control', reason: 'Inventory type, active' }],
      source: { label: 'Cin7 Core help: Xero integration', url: 'https://help.core.cin7.com/x' },
    });
    const rows = parseCsv(findingsToCsv([finding(), suggested]));
    expect(rows[0]).toEqual(['Area', 'Severity', 'Code', 'Subject kind', 'Subject key', 'Subject', 'Message', 'Fix in', 'Fix', 'Fix URL', 'Reviewed', 'Suggestion', 'Source', 'Source URL']);
    expect(rows[1]).toEqual([
      'Products and services', 'error', 'TRACKED_INVENTORY', 'item', 'WIDGET', 'Widget',
      'Xero item WIDGET is tracked as inventory.', 'Xero', 'Open Products and services',
      'https://go.xero.com/Accounts/Inventory/#mg-target=item:WIDGET', 'no', '', '', '',
    ]);
    expect(rows[2]?.slice(7)).toEqual(['', '', '', 'yes', '631 Inventory Control (Inventory type, active)', 'Cin7 Core help: Xero integration', 'https://help.core.cin7.com/x']);
    expect(rows).toHaveLength(3);
  });

  it('carries the report’s facts after the findings: checks, fetch times, fix plan, checklist, sides and score', () => {
    const report = buildReportJson({
      findings: [finding()],
      coverage: [{ check: 'tracked-inventory', label: 'No Xero item is tracked', ran: true }, { check: 'tax-rule-account', label: 'Tax rules post to liabilities', ran: false, reason: 'Cin7 Core tax rules not fetched' }],
      mappingRead: true,
      organisations: { cin7: 'Acme Cin7', xero: 'Acme Ltd' },
      extension: { fetched: { 'xero.accounts': '2026-11-21T09:00:00.000Z' }, checklist: [{ id: 'sync', title: 'Sync type', status: 'decided', answers: [{ field: 'Sync type', channel: 'Shopify', value: 'Individual' }], note: 'Agreed with Sam' }] },
    });
    const rows = parseCsv(reportToCsv([finding()], { pairName: 'Acme', generatedAt: '2026-11-21T10:00:00.000Z', locale: 'en-NZ', report }));
    expect(rows).toContainEqual(['No Xero item is tracked', 'found problems', '1 finding']);
    expect(rows).toContainEqual(['Tax rules post to liabilities', 'could not run', 'Cin7 Core tax rules not fetched']);
    expect(rows.find((row) => row[0] === 'Xero accounts')?.[1]).toMatch(/21 Nov 2026/);
    expect(rows).toContainEqual(['1', 'Tracked inventory in Xero', 'Xero', 'error', 'TRACKED_INVENTORY', 'Widget']);
    expect(rows).toContainEqual(['Sync type', 'decided', 'Shopify, Sync type: Individual', 'Agreed with Sam']);
    expect(rows).toContainEqual(['Xero', 'Acme Ltd']);
    expect(rows).toContainEqual(['Health score', '85']);
  });
});

describe('Markdown export', () => {
  const report = (findings: ReturnType<typeof finding>[], mappingRead = true) =>
    buildReportJson({ findings, coverage: [], mappingRead, organisations: { cin7: 'Acme Cin7', xero: 'Acme | Xero' } });
  const meta = { pairName: 'Acme | Co', generatedAt: '2026-11-21T10:00:00.000Z', locale: 'en-NZ', report: report([finding()]) };

  it('escapes table-breaking and markup characters', () => {
    expect(markdownText('a | b\nc')).toBe('a \\| b c');
    expect(markdownText('<img src=x onerror=alert(1)>')).toBe('\\<img src=x onerror=alert\\(1\\)\\>');
    expect(markdownText('**bold** [link](x)')).toBe('\\*\\*bold\\*\\* \\[link\\]\\(x\\)');
  });

  it('never turns data into a link: bare URLs, www. addresses and e-mail addresses are broken invisibly', () => {
    const text = markdownText('see https://evil.example/x, WWW.evil.example or pay@evil.example');
    expect(text).not.toMatch(/https:\/\/|www\.|@evil/i);
    expect(text.replace(/\u200b/g, '')).toBe('see https://evil.example/x, WWW.evil.example or pay@evil.example');
  });

  it('has the score, the counts and a table per area with fix links', () => {
    const findings = [finding(), finding({ key: 'k2', code: 'LOCK_DATE_NOT_SET', severity: 'info', subject: { kind: 'organisation', key: 'organisation', label: 'Acme' }, message: 'No lock date.', fix: undefined })];
    const md = findingsToMarkdown(findings, { ...meta, report: report(findings) });
    expect(md).toContain('# Cin7 Core ↔ Xero integration health: Acme \\| Co');
    expect(md).toContain('- Cin7 Core: Acme Cin7');
    expect(md).toContain('- Xero: Acme \\| Xero');
    expect(md).toContain('- Generated 21 Nov 2026');
    expect(md).toContain('## Fix plan');
    expect(md).toContain('In Xero:');
    expect(md).toContain('**Health score: 85/100 (Needs attention)**');
    expect(md).toContain('| 1 | 0 | 1 | 2 |');
    expect(md).toContain('### Products and services');
    expect(md).toContain('### Lock dates');
    expect(md).toContain('| Error | Widget | Xero item WIDGET is tracked as inventory.<br>`TRACKED_INVENTORY` | [Open Products and services](<https://go.xero.com/Accounts/Inventory/#mg-target=item:WIDGET>) |');
    expect(md.indexOf('### Products and services')).toBeLessThan(md.indexOf('### Lock dates'));
  });

  it('hides codes when asked, shows the first suggestion and the source, and does not score an unread mapping', () => {
    const suggested = finding({ suggestions: [{ code: '631', name: 'Inventory Control', reason: 'Inventory type' }], source: { label: 'Xero help' } });
    const md = findingsToMarkdown([suggested], { ...meta, report: report([suggested], false), showCodes: false });
    expect(md).not.toContain('TRACKED_INVENTORY');
    expect(md).toContain('Map to 631 Inventory Control');
    expect(md).toContain('Source: Xero help');
    expect(md).toContain('**Health score: Not scored until the account mapping is read**');
  });

  it('never links to an unsafe fix URL', () => {
    const md = findingsToMarkdown([finding({ fix: { app: 'xero', url: 'javascript:alert(1)', label: 'Evil' } })], meta);
    expect(findingsToMarkdown([finding({ source: { label: 'Evil', url: 'javascript:alert(2)' } })], meta)).not.toContain('javascript:');
    expect(md).not.toContain('javascript:');
    expect(md).toContain('| Evil |');
  });

  it('says so when there is nothing to fix', () => {
    expect(findingsToMarkdown([], { ...meta, report: report([]) })).toContain('No findings: nothing to fix.');
    expect(findingsToMarkdown([], { ...meta, report: report([]) })).toContain('Nothing to fix.');
  });
});

describe('exportFileName', () => {
  it('slugs the pair name and uses the day', () => {
    expect(exportFileName('Acme Cin7 ↔ Acme Xero', '2026-11-21T10:00:00Z', 'csv')).toBe('mapping-guard-acme-cin7-acme-xero-2026-11-21.csv');
    expect(exportFileName('↔', '2026-11-21T10:00:00Z', 'md')).toBe('mapping-guard-pair-2026-11-21.md');
  });
});
