// Account Mapping page: reads the mapping (role label + chosen account per row), hands it to the background with
// `saveMapping`, and puts a status badge on each row (OK, unmapped, wrong type, payments, archived, duplicate,
// system account) with the rule as a tooltip and a Fix jump. Re-reads on (throttled) page changes and selections.
// Runs on any Cin7 Core page that shows the mapping (the page has no published URL; page-spotter.ts).
import { isEveryPage } from '../../../utils/cin7/page/routes';
import { readAccountMapping, type MappingRowRead } from '../../../utils/cin7/page/account-mapping';
import { describePageStructure } from '../../../utils/cin7/page/page-structure';
import { renderBadge } from '../../../utils/overlay/badges';
import { defineFeature } from '../../../utils/overlay/feature-registry';
import { describeError } from '../../../utils/overlay/panel-state';
import type { Cin7FeatureEnv } from '../environment';
import { badgeFor, rowStatus } from '../mapping-status';
import { MappingReadSection, type MappingReadState } from '../sections/MappingReadSection';
import { reportWhileShown } from '../learn-page';
import { spotPage } from '../page-spotter';

/** Ext JS renders the grid after its data arrives: wait this long before calling the page unreadable. */
const UNREADABLE_AFTER_MS = 8000;
/** Selections come in bursts (keyboard through a select): send once they settle. */
const SAVE_DEBOUNCE_MS = 800;
/** renderBadge's default key: the row status badges. */
const BADGE_KEY = 'status';

export default defineFeature<Cin7FeatureEnv>({
  id: 'account-mapping',
  include: [isEveryPage],
  restartOn: 'never',
  init(signal, env) {
    spotPage({
      page: 'accountMapping',
      env,
      featureId: 'account-mapping',
      signal,
      whileShown(shown, shownEnv) {
        readMappingWhileShown(shown, shownEnv);
        reportWhileShown(shownEnv, 'accountMapping');
      },
    });
  },
});

/** Reads, saves and badges the mapping while the page shows it. */
function readMappingWhileShown(signal: AbortSignal, env: Cin7FeatureEnv): void {
  const startedAt = performance.now();
  let lastSent = '';
  let saveTimer: ReturnType<typeof setTimeout> | undefined;
  let rows: MappingRowRead[] = [];
  let readState: MappingReadState = { kind: 'reading' };

  const showSection = () =>
    env.panel.showWhileActive(
      {
        id: 'account-mapping',
        title: 'Account Mapping',
        order: 10,
        content: <MappingReadSection state={readState} copyStructure={() => navigator.clipboard.writeText(describePageStructure(document.body))} />,
      },
      signal,
    );

  const setReadState = (next: MappingReadState) => {
    readState = next;
    showSection();
  };

  const renderBadges = () => {
    const status = env.status.getState().status;
    for (const row of rows) {
      if (!row.row.isConnected) continue;
      const host = row.labelElement.matches('label') && row.labelElement !== row.row ? row.row : row.labelElement;
      renderBadge(host, badgeFor(rowStatus(row.roleId, row.account, status), row.roleId), BADGE_KEY);
    }
  };

  const save = (snapshotRows: { label: string; account: string }[], readAt: string) => {
    const roles = new Set(rows.map((row) => row.roleId).filter(Boolean)).size;
    setReadState({ kind: 'read', rows: snapshotRows.length, roles, saved: 'saving', readAt });
    env.background
      .saveMapping({ rows: snapshotRows, readAt })
      .then(async (result) => {
        if (signal.aborted) return;
        if (!result.saved) throw new Error('The background did not save it (no Cin7 Core ↔ Xero pair selected?)');
        setReadState({ kind: 'read', rows: snapshotRows.length, roles, saved: 'saved', readAt });
        // The background audited this mapping: fetch the new findings now rather than wait for a broadcast.
        await env.status.load();
      })
      .catch((error: unknown) => {
        if (signal.aborted) return;
        setReadState({ kind: 'read', rows: snapshotRows.length, roles, saved: 'failed', error: describeError(error), readAt });
      });
  };

  const update = () => {
    const result = readAccountMapping(document);
    if (!result.ok) {
      rows = [];
      if (performance.now() - startedAt >= UNREADABLE_AFTER_MS && readState.kind !== 'unreadable') {
        setReadState({ kind: 'unreadable', reason: result.reason });
      }
      return;
    }
    rows = result.rows;
    renderBadges();
    const snapshotRows = rows.map((row) => ({ label: row.label, account: row.account }));
    const signature = JSON.stringify(snapshotRows);
    if (signature === lastSent) return;
    lastSent = signature;
    if (saveTimer !== undefined) clearTimeout(saveTimer);
    if (readState.kind !== 'read') setReadState({ kind: 'reading' });
    saveTimer = setTimeout(
      env.guard(() => save(snapshotRows, new Date().toISOString())),
      SAVE_DEBOUNCE_MS,
    );
  };

  setReadState({ kind: 'reading' });
  // Status changes re-read too: the badges show the new findings.
  env.watch(update, { badgeKey: BADGE_KEY });
  // A new choice in a <select> changes no attribute: listen for the change itself.
  document.addEventListener('change', env.guard(update), { signal, capture: true });
  // Say "unreadable" even if the page never changes again.
  const unreadableTimer = setTimeout(env.guard(update), UNREADABLE_AFTER_MS + 50);
  signal.addEventListener(
    'abort',
    () => {
      clearTimeout(unreadableTimer);
      if (saveTimer !== undefined) clearTimeout(saveTimer);
    },
    { once: true },
  );
}
