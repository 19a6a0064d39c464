import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { csvCell, FORMULA_START, exportFileName, findingsToCsv, findingsToMarkdown, markdownText } from '../../../components/report/export';
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
        expect(rows[1]).toHaveLength(11);
      }),
    );
  });

  it('writes a header and one row per finding with area, fix and reviewed', () => {
    const rows = parseCsv(findingsToCsv([finding(), finding({ key: 'k2', reviewed: true, fix: undefined, severity: 'warning' })]));
    expect(rows[0]).toEqual(['Area', 'Severity', 'Code', 'Subject kind', 'Subject key', 'Subject', 'Message', 'Fix in', 'Fix', 'Fix URL', 'Reviewed']);
    expect(rows[1]).toEqual([
      'Products and services', 'error', 'TRACKED_INVENTORY', 'item', 'WIDGET', 'Widget',
      'Xero item WIDGET is tracked as inventory.', 'Xero', 'Open Products and services',
      'https://go.xero.com/Accounts/Inventory/#mg-target=item:WIDGET', 'no',
    ]);
    expect(rows[2]?.slice(7)).toEqual(['', '', '', 'yes']);
    expect(rows).toHaveLength(3);
  });
});

describe('Markdown export', () => {
  const meta = { pairName: 'Acme | Co', generatedAt: '2026-11-21T10:00:00.000Z' };

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
    const md = findingsToMarkdown(
      [finding(), finding({ key: 'k2', code: 'LOCK_DATE_NOT_SET', severity: 'info', subject: { kind: 'organisation', key: 'organisation', label: 'Acme' }, message: 'No lock date.', fix: undefined })],
      meta,
    );
    expect(md).toContain('# Cin7 Core ↔ Xero integration health: Acme \\| Co');
    expect(md).toContain('**Health score: 85/100 (Needs attention)**');
    expect(md).toContain('| 1 | 0 | 1 | 2 |');
    expect(md).toContain('## Products and services');
    expect(md).toContain('## Lock dates');
    expect(md).toContain('| Error | Widget | Xero item WIDGET is tracked as inventory. | [Open Products and services](<https://go.xero.com/Accounts/Inventory/#mg-target=item:WIDGET>) |');
    expect(md.indexOf('## Products and services')).toBeLessThan(md.indexOf('## Lock dates'));
  });

  it('never links to an unsafe fix URL', () => {
    const md = findingsToMarkdown([finding({ fix: { app: 'xero', url: 'javascript:alert(1)', label: 'Evil' } })], meta);
    expect(md).not.toContain('javascript:');
    expect(md).toContain('| Evil |');
  });

  it('says so when there is nothing to fix', () => {
    expect(findingsToMarkdown([], meta)).toContain('No findings: nothing to fix.');
  });
});

describe('exportFileName', () => {
  it('slugs the pair name and uses the day', () => {
    expect(exportFileName('Acme Cin7 ↔ Acme Xero', '2026-11-21T10:00:00Z', 'csv')).toBe('mapping-guard-acme-cin7-acme-xero-2026-11-21.csv');
    expect(exportFileName('↔', '2026-11-21T10:00:00Z', 'md')).toBe('mapping-guard-pair-2026-11-21.md');
  });
});
