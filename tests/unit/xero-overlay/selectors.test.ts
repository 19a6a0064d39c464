// Each selector with the number of matches expected on each fixture page: the sandbox's pages and a variant
// markup per page (ARIA grid, labels wrapping inputs, header-less tables). A change in a selector that alters what
// it finds on any page shows up here.
import { describe, expect, it } from 'vitest';
import * as selectors from '../../../utils/xero/page/selectors';
import { FIXTURES, loadFixture } from './helpers';

const EXPECTED: Record<string, Record<string, number>> = {
  TABLE: {"chart-of-accounts.html": 1, "chart-of-accounts-grid.html": 1, "account-edit-dialog.html": 1, "financial-settings.html": 0, "financial-settings-variant.html": 0, "products-and-services.html": 1, "products-and-services-variant.html": 1, "tracking.html": 0, "tracking-variant.html": 1, "currencies.html": 1, "currencies-variant.html": 1, "bank-accounts.html": 0, "bank-accounts-variant.html": 1},
  ROW: {"chart-of-accounts.html": 6, "chart-of-accounts-grid.html": 5, "account-edit-dialog.html": 3, "financial-settings.html": 0, "financial-settings-variant.html": 0, "products-and-services.html": 3, "products-and-services-variant.html": 4, "tracking.html": 0, "tracking-variant.html": 5, "currencies.html": 2, "currencies-variant.html": 3, "bank-accounts.html": 0, "bank-accounts-variant.html": 3},
  CELL: {"chart-of-accounts.html": 30, "chart-of-accounts-grid.html": 30, "account-edit-dialog.html": 9, "financial-settings.html": 0, "financial-settings-variant.html": 0, "products-and-services.html": 15, "products-and-services-variant.html": 16, "tracking.html": 0, "tracking-variant.html": 15, "currencies.html": 4, "currencies-variant.html": 9, "bank-accounts.html": 0, "bank-accounts-variant.html": 9},
  HEADER_CELL: {"chart-of-accounts.html": 5, "chart-of-accounts-grid.html": 6, "account-edit-dialog.html": 3, "financial-settings.html": 0, "financial-settings-variant.html": 0, "products-and-services.html": 5, "products-and-services-variant.html": 0, "tracking.html": 0, "tracking-variant.html": 3, "currencies.html": 2, "currencies-variant.html": 3, "bank-accounts.html": 0, "bank-accounts-variant.html": 3},
  DIALOG: {"chart-of-accounts.html": 0, "chart-of-accounts-grid.html": 1, "account-edit-dialog.html": 1, "financial-settings.html": 0, "financial-settings-variant.html": 0, "products-and-services.html": 0, "products-and-services-variant.html": 0, "tracking.html": 0, "tracking-variant.html": 0, "currencies.html": 0, "currencies-variant.html": 0, "bank-accounts.html": 0, "bank-accounts-variant.html": 0},
  HEADING: {"chart-of-accounts.html": 0, "chart-of-accounts-grid.html": 1, "account-edit-dialog.html": 1, "financial-settings.html": 0, "financial-settings-variant.html": 1, "products-and-services.html": 0, "products-and-services-variant.html": 0, "tracking.html": 2, "tracking-variant.html": 0, "currencies.html": 0, "currencies-variant.html": 0, "bank-accounts.html": 1, "bank-accounts-variant.html": 0},
  OPTION_LIST: {"chart-of-accounts.html": 0, "chart-of-accounts-grid.html": 0, "account-edit-dialog.html": 0, "financial-settings.html": 0, "financial-settings-variant.html": 0, "products-and-services.html": 0, "products-and-services-variant.html": 0, "tracking.html": 2, "tracking-variant.html": 0, "currencies.html": 0, "currencies-variant.html": 0, "bank-accounts.html": 0, "bank-accounts-variant.html": 0},
  OPTION_ITEM: {"chart-of-accounts.html": 0, "chart-of-accounts-grid.html": 0, "account-edit-dialog.html": 0, "financial-settings.html": 0, "financial-settings-variant.html": 0, "products-and-services.html": 0, "products-and-services-variant.html": 0, "tracking.html": 1, "tracking-variant.html": 0, "currencies.html": 0, "currencies-variant.html": 0, "bank-accounts.html": 0, "bank-accounts-variant.html": 0},
  ORGANISATION_WITH_SHORT_CODE: {"chart-of-accounts.html": 1, "chart-of-accounts-grid.html": 1, "account-edit-dialog.html": 0, "financial-settings.html": 1, "financial-settings-variant.html": 0, "products-and-services.html": 1, "products-and-services-variant.html": 0, "tracking.html": 1, "tracking-variant.html": 0, "currencies.html": 1, "currencies-variant.html": 0, "bank-accounts.html": 1, "bank-accounts-variant.html": 0},
  FIELD_LABEL: {"chart-of-accounts.html": 0, "chart-of-accounts-grid.html": 0, "account-edit-dialog.html": 3, "financial-settings.html": 4, "financial-settings-variant.html": 2, "products-and-services.html": 0, "products-and-services-variant.html": 0, "tracking.html": 0, "tracking-variant.html": 0, "currencies.html": 0, "currencies-variant.html": 0, "bank-accounts.html": 0, "bank-accounts-variant.html": 0},
  VALUE_CONTROL: {"chart-of-accounts.html": 0, "chart-of-accounts-grid.html": 0, "account-edit-dialog.html": 3, "financial-settings.html": 2, "financial-settings-variant.html": 2, "products-and-services.html": 0, "products-and-services-variant.html": 0, "tracking.html": 0, "tracking-variant.html": 0, "currencies.html": 0, "currencies-variant.html": 0, "bank-accounts.html": 0, "bank-accounts-variant.html": 0},
  SELECTED_ROW_BOX: {"chart-of-accounts.html": 0, "chart-of-accounts-grid.html": 1, "account-edit-dialog.html": 0, "financial-settings.html": 0, "financial-settings-variant.html": 0, "products-and-services.html": 0, "products-and-services-variant.html": 0, "tracking.html": 0, "tracking-variant.html": 0, "currencies.html": 0, "currencies-variant.html": 0, "bank-accounts.html": 0, "bank-accounts-variant.html": 0},
  BUTTON: {"chart-of-accounts.html": 14, "chart-of-accounts-grid.html": 10, "account-edit-dialog.html": 3, "financial-settings.html": 4, "financial-settings-variant.html": 0, "products-and-services.html": 4, "products-and-services-variant.html": 0, "tracking.html": 4, "tracking-variant.html": 0, "currencies.html": 4, "currencies-variant.html": 0, "bank-accounts.html": 4, "bank-accounts-variant.html": 0},
  NOT_CONTENT_TEXT: {"chart-of-accounts.html": 4, "chart-of-accounts-grid.html": 0, "account-edit-dialog.html": 0, "financial-settings.html": 0, "financial-settings-variant.html": 0, "products-and-services.html": 0, "products-and-services-variant.html": 0, "tracking.html": 0, "tracking-variant.html": 0, "currencies.html": 0, "currencies-variant.html": 0, "bank-accounts.html": 0, "bank-accounts-variant.html": 0},
};

describe('Xero selectors against the fixture pages', () => {
  for (const [name, perFixture] of Object.entries(EXPECTED)) {
    it.each(Object.entries(perFixture))(`${name} on %s`, (fixture, count) => {
      loadFixture(fixture);
      const selector = (selectors as Record<string, string>)[name]!;
      expect(document.body.querySelectorAll(selector)).toHaveLength(count);
    });
  }

  it('every exported selector is covered on every fixture, and parses', () => {
    expect(Object.keys(selectors).sort()).toEqual(Object.keys(EXPECTED).sort());
    for (const perFixture of Object.values(EXPECTED)) expect(Object.keys(perFixture).sort()).toEqual([...FIXTURES].sort());
    for (const selector of Object.values(selectors)) expect(() => document.querySelectorAll(selector)).not.toThrow();
  });
});
