// Every CSS selector the Cin7 Core overlay uses to read pages, in one place (tested against the fixture pages in
// tests/fixtures/cin7 by tests/unit/cin7/selectors.test.ts). Structure and accessibility only — ARIA roles, table
// elements, form controls, labels — never Ext JS's generated class names or ids, which change between releases.

/** A row of a grid, tree grid or table (Ext JS renders `tr[role=row]` inside one table per row). */
export const ROW = '[role="row"], tr';

/** The cells of a row (use with `:scope >` children or `closest(ROW)` filtering). */
export const CELL = '[role="gridcell"], [role="cell"], [role="rowheader"], td, th';

/** Column headers, from a `<thead>` or an ARIA grid header container. */
export const COLUMN_HEADER = '[role="columnheader"], thead th';

/** The container whose rows belong together: an ARIA grid or a real table. */
export const ROW_CONTAINER = '[role="grid"], [role="treegrid"], [role="table"], table:not([role="presentation"])';

/** Elements that hold a chosen value. */
export const VALUE_CONTROL =
  'select, [role="combobox"], [role="listbox"], input:not([type="hidden"]):not([type="checkbox"]):not([type="radio"]):not([type="button"]):not([type="submit"]), textarea';

/** Text inside these is a value or chrome, not a label: skipped when reading a label. */
export const NOT_LABEL_TEXT = 'select, option, input, textarea, button, script, style, template, [aria-hidden="true"], [data-mg-own]';

/** Explicit labels of form layouts: `<label>`, `<legend>` of a fieldset, and ARIA labels. */
export const FORM_LABEL = 'label, fieldset > legend';
export const ARIA_LABELLED_CONTROL = 'select[aria-label], [role="combobox"][aria-label], input[aria-label], select[aria-labelledby], [role="combobox"][aria-labelledby], input[aria-labelledby]';

/** Where the page's own content lives (the panel and badges never go into the app's header or menus). */
export const MAIN_CONTENT = 'main, [role="main"]';

/** Form fields on record pages, found by their label text (SKU, Name). */
export const FIELD_LABEL = 'label, [role="rowheader"], th, dt, fieldset > legend';

// ---- Sale and purchase lines grids (utils/cin7/page/line-grids.ts) ----------------------------------------
// A lines grid is any ROW_CONTAINER whose column headers name a product (or, for additional charges, a
// description and an account). Columns are found by their header text, rows by order; never by class names.

/** What names a lines grid ("Invoice INV-0012 (2025-01-31)"): a table's caption or the legend of its fieldset. */
export const LINE_GRID_CAPTION = 'caption, legend';

/** Headings before a grid that may name it, when it has no caption, ARIA label or fieldset legend. */
export const LINE_GRID_HEADING = 'h1, h2, h3, h4, h5, h6, [role="heading"]';

/** Header texts of a lines grid's columns, matched against a header's whole visible text. */
export const LINE_COLUMN_TEXT = {
  /** The product column: shows the SKU, "SKU - Name" or the product's name. */
  product: /^(?:product|item|product\s*\/\s*sku)$/i,
  /** A separate SKU column, when the grid has one. */
  sku: /^(?:sku|product\s*(?:code|sku)|item\s*code|code)$/i,
  /** The line's own text (product name, or the description of an additional charge). */
  name: /^(?:name|product\s*name|item\s*name|description|comment)$/i,
  /** The line's own account override. */
  account: /^(?:account|account\s*code|gl\s*account|revenue\s*account|expense\s*account)$/i,
} as const;

// ---- Which organisation a page shows (utils/cin7/page/organisation.ts) ---------------------------------------
// The real header's markup is unknown (research/fidelity.md): the company name is found by content, as a short
// text of the app's top bar that equals a connected account's company. These are the places a top bar usually is:
// landmarks, and (a guess by common naming, not by any Cin7 id) elements named header / top bar / nav bar.

/** Regions that may hold the app's header or banner. */
export const HEADER_REGION =
  'header, [role="banner"], nav, [role="navigation"], [class*="header" i], [id*="header" i], [class*="topbar" i], [class*="top-bar" i], [class*="navbar" i]';

/** Never a header text: hidden or inert content (a closed organisation switcher lists every organisation; a select shows only its chosen option, read as its value). */
export const HIDDEN_CONTENT =
  '[hidden], [aria-hidden="true"], template, script, style, noscript, option, optgroup, datalist, [data-mg-own]';

// ---- Pages without a published URL, recognised by what they show (utils/cin7/page/recognise.ts) ----------------

/** Sourced visible texts, lower case, that a page must show before it is read in full (fidelity.md). */
export const PAGE_SIGN_TEXT = {
  /** The page's name as every menu path words it (help.core.cin7.com 9034460268815, 9034464234639). */
  chartOfAccounts: ['chart of accounts'],
  /** The lock-date field's label (help.core.cin7.com 11073339810575, "Financial settings"). */
  generalSettings: ['period lock date'],
} as const;

/**
 * Chart of Accounts columns. A GUESS: Cin7 Core publishes no markup of this page (fidelity.md); its help shows
 * accounts with a code and a name, grouped by class, so a grid whose headers name a code and a name is taken as it.
 */
export const CHART_COLUMN_TEXT = {
  code: /^(?:code|account\s*code)$/i,
  name: /^(?:name|account\s*name|account)$/i,
} as const;

/** The General Settings lock-date label, matched against a label's whole text (help article 11073339810575). */
export const LOCK_DATE_LABEL = /^period\s+lock\s+date\s*:?$/i;

// ---- Sync-error texts, found by their words on any page (entrypoints/cin7.content/features/sync-errors.tsx) -------

/**
 * Fixed phrases of the known sync-error texts (utils/explain/causes.ts, each sourced in fidelity.md "Sync-error
 * texts"), lower case. Matched with all spacing removed, so line breaks and lost spaces do not hide them; chosen to
 * avoid the wording that varies (cannot / can't, organisation / organization, quotes around codes).
 */
export const SYNC_ERROR_SIGN_TEXT = [
  'has been archived',
  'has been deleted',
  'is not a valid code for',
  'document date can',
  'not subscribed to',
  'be used with account code',
  'paid in xero',
  'incorrect symbol',
  'amount outstanding',
  'allocated to it',
  'valid status for modification',
  'inventory account type',
] as const;

/** Never where an error message is shown: code, inert content, what the user types, and our own notes. */
export const NOT_MESSAGE_TEXT = 'script, style, template, noscript, textarea, input, select, option, [contenteditable="true"], [data-mg-own]';
