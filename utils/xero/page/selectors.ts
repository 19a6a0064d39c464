// Every CSS selector the Xero overlay uses to read pages, in one place (tested against the fixture pages in
// tests/fixtures/xero by tests/unit/xero-overlay/selectors.test.ts). Structure, text and accessibility only —
// tables and their header cells, ARIA roles, headings, labels, form controls — never Xero's generated class names.

/** A data table: a real table or an ARIA table/grid. */
export const TABLE = 'table:not([role="presentation"]), [role="table"], [role="grid"], [role="treegrid"]';

/** A row of a table or ARIA grid. */
export const ROW = 'tr, [role="row"]';

/** The cells of a row. */
export const CELL = 'td, th, [role="gridcell"], [role="cell"], [role="rowheader"], [role="columnheader"]';

/** Header cells: from a `<thead>` or ARIA column headers. */
export const HEADER_CELL = 'thead th, [role="columnheader"]';

/** An open dialog: Xero's modals carry role=dialog (alertdialog for confirmations); a native <dialog open> too. */
export const DIALOG = '[role="dialog"], [role="alertdialog"], dialog[open]';

/**
 * Xero's classic confirmations are Ext JS popups, not necessarily ARIA dialogs: `.x-window`, its title in
 * `span.x-window-header-text` ("Delete Accounts"), its content in `.x-window-body`, OK `#popupOK` (Selenium page
 * objects, fidelity.md ids 22225310558, 3183226342). Ext JS's own framework classes, stable across its apps.
 */
export const POPUP_WINDOW = '.x-window';
export const POPUP_TITLE = '.x-window-header-text';
export const POPUP_BODY = '.x-window-body';

/** Any popup the chart of accounts opens: an ARIA dialog or an Ext JS window. */
export const ANY_POPUP = `${DIALOG}, ${POPUP_WINDOW}`;

/** Section headings (category names, bank account names). */
export const HEADING = 'h2, h3, h4, [role="heading"]';

/** The element that names the organisation and may carry its short code (the header's organisation menu). */
export const ORGANISATION_WITH_SHORT_CODE = '[data-shortcode]';

/** Labels of form fields (lock dates, dialog fields). */
export const FIELD_LABEL = 'label';

/** Controls that hold a value. */
export const VALUE_CONTROL = 'input:not([type="hidden"]):not([type="checkbox"]):not([type="radio"]), select, textarea, [role="combobox"]';

/** A row-selection box, ticked or not (locked accounts show a padlock instead: no box). */
export const ROW_BOX = 'input[type="checkbox"], [role="checkbox"]';

/** Tabs: navigation, never an action (the chart's "Archive" tab beside its "Archive" button). */
export const TAB = '[role="tab"], [role="tablist"] a';

/** Buttons (and links acting as buttons) whose text says what they do. */
export const BUTTON = 'button, [role="button"], input[type="button"], input[type="submit"], a';

/** Text inside these is chrome or ours, not content. */
export const NOT_CONTENT_TEXT = 'script, style, template, [aria-hidden="true"], [data-mg-own]';

/** Links with a target (a bank account's name links to its transactions, `…?accountID=<AccountID>`: goXero capture). */
export const LINK = 'a[href]';

/** Bank account names on the classic bank accounts page (`div.bank a.bank-name`, id 22225310558), beside headings. */
export const BANK_NAME = 'a.bank-name';

/** A tracking category's option list under its heading (classic page), and one option in it. */
export const OPTION_LIST = 'ul, ol, [role="list"]';
export const OPTION_ITEM = 'li, [role="listitem"]';
