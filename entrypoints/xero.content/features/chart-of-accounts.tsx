// Chart of accounts: a badge beside each account that carries a Cin7 Core role ("Cin7 Core: COGS") with its problems
// (on the Archive tab: "Archived — Cin7 Core maps it to …"), and a warning inside the account's Edit popup, or in
// the confirmation popup of a bulk Archive / Delete of ticked accounts (an Ext JS window on Xero's classic chart),
// before the user confirms, that says what breaks in Cin7 Core and why. Reads on (throttled) page changes; never
// blocks the host's own actions.
import { accountKey } from '../../../utils/audit/account-text';
import { readTarget, withTarget } from '../../../utils/audit/links';
import type { RoleId } from '../../../utils/audit/roles';
import { removeBadges, renderBadge, type BadgeSpec } from '../../../utils/overlay/badges';
import { defineFeature } from '../../../utils/overlay/feature-registry';
import { sharedDialogTracker } from '../../../utils/overlay/dialog-tracker';
import type { StatusFinding } from '../../../utils/protocol/shapes';
import { bulkActionAt, readAccountDialogs } from '../../../utils/xero/page/account-dialog';
import { ANY_POPUP } from '../../../utils/xero/page/selectors';
import { chartTables, collectChartChanges, findChartRow, readChart, readChartRows, selectedAccounts, type ChartAccountRow, type ChartChanges } from '../../../utils/xero/page/chart';
import { onlyOwnNodesChanged } from '../../../utils/overlay/observe';
import { ARCHIVE_TAB_URL, archivedAccountsListed, isChartOfAccounts } from '../../../utils/xero/page/routes';
import { accountFindings, dialogWarning, roleName, rolesByAccount, shortRoleName } from '../account-roles';
import { withCpuBudget } from '../../../utils/overlay/cpu-budget';
import type { XeroFeatureEnv } from '../environment';
import { removeInlineWarnings, renderInlineWarning } from '../../../utils/overlay/inline-warning';
import { ChartSection, type MappedAccountView } from '../sections/ChartSection';

const BADGE_KEY = 'cin7-role';
const DIALOG_WARNING = 'account-dialog';
/** How long the panel keeps the bulk Archive / Delete warning once no confirmation is open. */
const BULK_WARNING_MS = 5000;
/** When to look for the confirmation after a bulk click: Ext JS may show a kept window by a style change alone. */
const POPUP_CHECKS_MS = [0, 100, 400, 1200];

export function roleBadge(roles: readonly RoleId[], findings: readonly StatusFinding[], country?: string | null): BadgeSpec {
  const worst = findings[0];
  const names = roles.map((role) => roleName(role, country)).join(', ');
  const tooltip = [
    `Cin7 Core posts ${names} to this account. Archiving or deleting it, or changing its code or type, breaks the sync.`,
    ...findings.map((finding) => finding.message),
  ].join(' ');
  return {
    tone: worst ? worst.severity : 'info',
    text: `Cin7 Core: ${roles.map((role) => shortRoleName(role, country)).join(', ')}${findings.length > 0 ? ` · ${findings.length} problem${findings.length === 1 ? '' : 's'}` : ''}`,
    tooltip,
    ...(worst?.fix ? { fix: { url: worst.fix.url, label: worst.fix.label, newTab: worst.fix.app !== 'xero' } } : {}),
  };
}

/** An archived account (the Archive tab) that Cin7 Core still maps: its postings fail until one side changes. */
export function archivedBadge(code: string, roles: readonly RoleId[], findings: readonly StatusFinding[], country?: string | null): BadgeSpec {
  const fix = findings.find((finding) => finding.fix)?.fix;
  return {
    tone: 'error',
    text: `Archived — Cin7 Core maps it to ${roles.map((role) => shortRoleName(role, country)).join(', ')}`,
    tooltip: `Cin7 Core’s Account Mapping still posts ${roles.map((role) => roleName(role, country)).join(', ')} to this archived account, so those postings fail to sync (Xero: “Account code '${code}' has been archived, or has been deleted”). Restore the account here, or map another account in Cin7 Core.`,
    ...(fix ? { fix: { url: fix.url, label: fix.label, newTab: fix.app !== 'xero' } } : {}),
  };
}

export default defineFeature<XeroFeatureEnv>({
  id: 'chart-of-accounts',
  include: [isChartOfAccounts],
  restartOn: 'path',
  init(signal, env) {
    /** The code each open edit dialog showed when it opened (the user may be typing a new one). */
    const dialogCodes = new WeakMap<HTMLElement, string>();
    /** The mapped accounts ticked when the user last clicked Archive or Delete. */
    let bulk: { action: 'archive' | 'delete'; accounts: ChartAccountRow[]; at: number } | null = null;
    let lastMapped: MappedAccountView[] = [];
    // A fix link to an account of the main list that is not there: archived accounts show only under the Archive tab.
    const target = readTarget(env.url.href);
    let missingTarget: { code: string; url: string } | null = null;
    let targetChecked = target?.kind !== 'account' || archivedAccountsListed(env.url);

    const roleMap = () => rolesByAccount(env.facts.getState().facts);
    const findings = () => env.status.getState().status?.findings ?? [];
    const country = () => env.status.getState().status?.xeroCountryCode;

    const renderSection = () =>
      env.panel.showWhileActive(
        {
          id: 'chart-of-accounts',
          title: 'Accounts Cin7 Core depends on',
          order: 20,
          content: <ChartSection country={country()} accounts={lastMapped} factsLoaded={env.facts.getState().facts !== null} missingTarget={missingTarget} bulk={bulk && { action: bulk.action, accounts: bulk.accounts.map((account) => ({ code: account.code, name: account.name, roles: roleMap().get(accountKey(account.code)) ?? [] })) }} />,
        },
        signal,
      );

    /** The mapped accounts by row, in document order as the last full read found them. */
    let mappedRows = new Map<Element, MappedAccountView>();
    // Rows the page changed since the last read, or `all` (rows or tables came or went): see collectChartChanges.
    const changes: ChartChanges = { all: true, rows: new Set(), tables: [] };
    const rowWatch = new MutationObserver((records) => collectChartChanges(records, changes, onlyOwnNodesChanged));
    rowWatch.observe(document.body, { childList: true, subtree: true, characterData: true });
    signal.addEventListener('abort', () => rowWatch.disconnect(), { once: true });

    /** Badges the account's row; returns what the section lists, or null when Cin7 Core does not map its code. */
    const badge = (account: ChartAccountRow, roles: ReturnType<typeof roleMap>): MappedAccountView | null => {
      const accountRoles = roles.get(accountKey(account.code));
      if (!accountRoles) return null;
      const problems = accountFindings(account.code, accountRoles, findings());
      const archived = account.archived;
      renderBadge(account.badgeHost, archived ? archivedBadge(account.code, accountRoles, problems, country()) : roleBadge(accountRoles, problems, country()), BADGE_KEY);
      return { code: account.code, name: account.name, roles: accountRoles, problems, archived };
    };
    const publish = () => {
      const mapped = [...mappedRows.values()];
      const signature = (list: MappedAccountView[]) => JSON.stringify(list.map(({ code, roles: r, problems, archived }) => [code, r, archived, problems.map((p) => p.key)]));
      if (signature(mapped) !== signature(lastMapped)) {
        lastMapped = mapped;
        renderSection();
      }
    };
    // The classic tabs are links: a new tab is a new page, and a new run of this feature with its URL.
    const archivedList = archivedAccountsListed(env.url);

    /** Badges on the rows: a scan of every row's code, kept within a small share of the main thread on long charts. */
    const updateRows = () => {
      changes.all = false;
      changes.rows.clear();
      changes.tables = chartTables(document);
      const roles = roleMap();
      const next = new Map<Element, MappedAccountView>();
      for (const account of readChart(document, (code) => roles.has(accountKey(code)), { archivedList })) {
        const view = badge(account, roles);
        if (view) next.set(account.row, view);
      }
      mappedRows = next;
      if (!targetChecked && target && readChart(document).length > 0) {
        targetChecked = true;
        if (!findChartRow(target.key, document)) missingTarget = { code: target.key, url: withTarget(ARCHIVE_TAB_URL, target) };
        renderSection();
      }
      publish();
    };

    /** Only the rows the page changed (a few re-rendered names), at once: no scan of the whole chart. */
    const updateChangedRows = () => {
      const rows = [...changes.rows];
      changes.rows.clear();
      const roles = roleMap();
      let moved = false;
      for (const row of rows) moved = mappedRows.delete(row) || moved;
      const connected = rows.filter((row) => row.isConnected);
      for (const account of readChartRows(connected, (code) => roles.has(accountKey(code)), { archivedList })) {
        const view = badge(account, roles);
        if (view) mappedRows.set(account.row, view);
        moved = true;
      }
      if (!moved) return;
      // A row that became mapped joins at the end of the map: put the list back in the page's order.
      mappedRows = new Map([...mappedRows].sort(([a], [b]) => (a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1)));
      publish();
    };

    /** Warnings in open dialogs: cheap (tracked dialogs only, no query of the long chart), so they follow every change at once. */
    // The page's popups (dialogs and Ext JS windows) from the tracker placement shares (readAccountDialogs keeps the
    // account dialogs among them).
    const openPopups = sharedDialogTracker(document, signal, ANY_POPUP);
    const updateDialogs = () => {
      const roles = roleMap();
      const dialogs = readAccountDialogs(document, openPopups());
      // The confirmation was answered (or never came): the bulk warning has done its job.
      if (bulk && performance.now() - bulk.at > BULK_WARNING_MS && !dialogs.some((dialog) => dialog.kind !== 'edit')) {
        bulk = null;
        renderSection();
      }
      for (const dialog of dialogs) {
        if (dialog.kind === 'edit') {
          const code = dialogCodes.get(dialog.dialog) ?? dialog.code ?? '';
          if (code) dialogCodes.set(dialog.dialog, code);
          const accountRoles = code ? roles.get(accountKey(code)) : undefined;
          renderInlineWarning(dialog.warningHost, DIALOG_WARNING, accountRoles ? dialogWarning(code, accountRoles, 'edit', dialog.typeCode, country()) : []);
        } else {
          const chosen = bulk?.accounts.length ? bulk.accounts : selectedAccounts(readChart(document));
          const lines = chosen.flatMap((account) => {
            const accountRoles = roles.get(accountKey(account.code));
            return accountRoles ? dialogWarning(account.code, accountRoles, dialog.kind as 'archive' | 'delete', null, country()) : [];
          });
          renderInlineWarning(dialog.warningHost, DIALOG_WARNING, lines, 'Mapping Guard: Cin7 Core depends on the selected accounts');
        }
      }
    };

    const safeRows = env.guard(updateRows);
    const safeDialogs = env.guard(updateDialogs);
    // 1 %: a scan of a 5,000-row chart (≈40 ms) at most every 4 s (a 300-row chart: every 0.3 s), so the whole
    // overlay stays within its 5 % of the host. At 2 % the lockstep bench measured the overlay at 1.09 × the host.
    const scheduleRows = withCpuBudget(safeRows, { signal, share: 0.01 });
    /** New findings or a new mapping: badges, dialogs and the section again, at once. */
    const redrawAll = () => {
      lastMapped = [];
      safeRows();
      safeDialogs();
      renderSection();
    };

    // A bulk Archive / Delete acts on the ticked rows: remember which mapped ones, before the confirmation opens,
    // then look for the confirmation a few times (the page may show it without a change our observer sees).
    const rememberBulk = (event: Event) => {
      const action = bulkActionAt(event.target);
      if (!action) return;
      const roles = roleMap();
      const chosen = selectedAccounts(readChart(document)).filter((account) => roles.has(accountKey(account.code)));
      bulk = chosen.length > 0 ? { action, accounts: chosen, at: performance.now() } : null;
      renderSection();
      if (!bulk) return;
      for (const ms of POPUP_CHECKS_MS) {
        const timer = setTimeout(safeDialogs, ms);
        signal.addEventListener('abort', () => clearTimeout(timer), { once: true });
      }
    };
    document.addEventListener('click', env.guard(rememberBulk), { signal, capture: true });
    // A new type chosen in the dialog changes no attribute: listen for the change itself.
    document.addEventListener('change', safeDialogs, { signal, capture: true });

    renderSection();
    const safeChangedRows = env.guard(updateChangedRows);
    env.watch(
      () => {
        safeDialogs();
        // Rows or tables came or went: a full read (within its budget); else only the changed rows.
        if (changes.all) scheduleRows();
        else if (changes.rows.size > 0) safeChangedRows();
      },
      { badgeKey: BADGE_KEY, followStatus: false },
    );
    env.listen(env.status.subscribe, (state, previous) => {
      if (state.status !== previous.status) redrawAll();
    });
    env.listen(env.facts.subscribe, () => {
      removeBadges(document, BADGE_KEY);
      redrawAll();
    });
    signal.addEventListener('abort', () => removeInlineWarnings(document, DIALOG_WARNING), { once: true });
  },
});
