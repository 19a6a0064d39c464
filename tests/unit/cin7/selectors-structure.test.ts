import { describe, expect, it } from 'vitest';
import * as selectors from '../../../utils/cin7/page/selectors';
import { describePageStructure } from '../../../utils/cin7/page/page-structure';
import { findTargetElement } from '../../../utils/cin7/page/targets';
import { loadFixture } from './load-fixture';

// Each selector with the number of matches expected on each fixture page (refined-github's selectors.test idea).
const EXPECTED: Record<string, Record<string, number>> = {
  ROW: { 'account-mapping-extjs-grid.html': 7, 'account-mapping-plain-table.html': 10, 'account-mapping-label-form.html': 0 },
  COLUMN_HEADER: { 'account-mapping-extjs-grid.html': 3, 'account-mapping-plain-table.html': 5, 'account-mapping-label-form.html': 0 },
  ROW_CONTAINER: { 'account-mapping-extjs-grid.html': 1, 'account-mapping-plain-table.html': 2, 'account-mapping-label-form.html': 0 },
  VALUE_CONTROL: { 'account-mapping-extjs-grid.html': 0, 'account-mapping-plain-table.html': 7, 'account-mapping-label-form.html': 8 },
  FORM_LABEL: { 'account-mapping-extjs-grid.html': 0, 'account-mapping-plain-table.html': 0, 'account-mapping-label-form.html': 8 },
  ARIA_LABELLED_CONTROL: { 'account-mapping-extjs-grid.html': 0, 'account-mapping-plain-table.html': 0, 'account-mapping-label-form.html': 2 },
  MAIN_CONTENT: { 'account-mapping-extjs-grid.html': 0, 'account-mapping-plain-table.html': 1, 'account-mapping-label-form.html': 0 },
};

describe('Cin7 selectors against the fixture pages', () => {
  for (const [name, perFixture] of Object.entries(EXPECTED)) {
    it.each(Object.entries(perFixture))(`${name} on %s`, (fixture, count) => {
      loadFixture(fixture);
      const selector = (selectors as unknown as Record<string, string>)[name]!;
      expect(document.querySelectorAll(selector)).toHaveLength(count);
    });
  }

  it('every exported selector is covered here and parses', () => {
    expect(Object.keys(selectors).sort()).toEqual(
      // The lines-grid selectors are tested in document-lines-reader.test.ts.
      // The organisation reader's selectors are tested in organisation-reader.test.ts, the page-recognition texts in
      // recognise.test.ts.
      [...Object.keys(EXPECTED), 'CELL', 'NOT_LABEL_TEXT', 'FIELD_LABEL', 'LINE_GRID_CAPTION', 'LINE_GRID_HEADING', 'LINE_COLUMN_TEXT',
        'HEADER_REGION', 'HIDDEN_CONTENT', 'PAGE_SIGN_TEXT', 'CHART_COLUMN_TEXT', 'LOCK_DATE_LABEL',
        // The sync-error phrases and skipped text are tested in sync-errors-feature.test.tsx.
        'SYNC_ERROR_SIGN_TEXT', 'NOT_MESSAGE_TEXT'].sort(),
    );
    for (const selector of Object.values(selectors).filter((value) => typeof value === 'string')) expect(() => document.querySelectorAll(selector)).not.toThrow();
  });
});

describe('describePageStructure', () => {
  it('keeps tags, roles and labels, and drops values', () => {
    const body = loadFixture('unreadable-page.html');
    const text = describePageStructure(body);
    expect(text).toContain('table');
    expect(text).toContain('label="Search"');
    expect(text).toContain('label="Name"');
    expect(text).not.toContain('Customer secret name');
    expect(text).not.toContain('42.00');
    expect(text).not.toContain('private search text');
  });

  it('summarises long repeated rows', () => {
    const body = loadFixture('account-mapping-extjs-grid.html');
    const text = describePageStructure(body, { maxRepeats: 2 });
    expect(text).toMatch(/… 4 more <table>/);
    expect(text).toContain('role=columnheader label="Xero account"');
    expect(text).not.toContain('610: Accounts Receivable');
  });
});

describe('findTargetElement', () => {
  it('finds a mapping row by role, on every markup', () => {
    for (const fixture of ['account-mapping-extjs-grid.html', 'account-mapping-plain-table.html', 'account-mapping-label-form.html']) {
      loadFixture(fixture);
      const row = findTargetElement({ kind: 'role', key: 'inventoryControl' });
      expect(row?.textContent, fixture).toContain('Inventory Control');
    }
  });

  it('finds an account row by code in any of the page’s forms', () => {
    loadFixture('account-mapping-extjs-grid.html');
    expect(findTargetElement({ kind: 'account', key: '630' })?.textContent).toContain('Inventory Control');
    expect(findTargetElement({ kind: 'account', key: '9999' })).toBeNull();
  });
});
