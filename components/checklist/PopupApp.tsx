import { useCallback, useEffect, useMemo, useState } from 'react';
import { useStore } from 'zustand';
import { applyLearnedPages, cin7AccountMappingLink } from '../../utils/audit/links';
import { buildChecklist, checklistProgress } from '../../utils/checklist/build';
import type { StatusFinding } from '../../utils/protocol/shapes';
import { DEFAULT_CHANNELS } from '../../utils/store/checklist-schema';
import { selectPairChecklist, UNASSIGNED_PAIR, type ChecklistStore } from '../../utils/store/checklist';
import { AuditOverview } from '../ui/AuditOverview';
import { Button } from '../ui/Button';
import { FixLink } from '../ui/FixLink';
import { SiteAccessNotice } from '../ui/SiteAccessNotice';
import type { SiteAccess } from '../../utils/net/site-access';
import { NEXT_STEP_WORDS } from '../ui/next-step';
import { errorText, type MappingGuardClient, type PairList } from '../ui/client';
import { useFlushOnLeave } from '../ui/use-flush-on-leave';
import { useStatus } from '../ui/use-status';
import type { ItemActions } from './ChecklistItemRow';
import { ChecklistView } from './ChecklistView';
import { ConnectionStatus } from './ConnectionStatus';
import { FixPlan } from './FixPlan';
import { PairSwitcher } from './PairSwitcher';
import { PopupConnectStep, PopupSetUp, connectionStep } from './PopupNextStep';
import { PopupSyncErrors } from './PopupSyncErrors';
import { ProgressSummary } from './ProgressSummary';
import { RefreshControl } from './RefreshControl';

export interface PopupAppProps {
  client: MappingGuardClient;
  checklist: ChecklistStore;
  /** Which app the active tab shows, so its pair is the one shown first. */
  activeHost?: 'cin7' | 'xero';
  /** The active tab, when it shows Cin7 Core or Xero: the pair it is bound to is the one shown first. */
  activeTabId?: number;
  openOptions(): void;
  /** Opens the guided set-up (the welcome page): the way in while there is no pair. */
  openWelcome?(): void;
  /** The report page's URL for a pair. */
  reportUrl(pairId: string): string;
  /** The pair to show first (popup.html?pair=…, the practice page's checklist link). */
  initialPairId?: string;
  /** The browser's site access (the entry passes the real one): a withheld site is named, with a button to ask. */
  siteAccess?: SiteAccess;
}

function useHydrated(checklist: ChecklistStore): boolean {
  const [hydrated, setHydrated] = useState(false);
  useEffect(() => {
    let current = true;
    void checklist.hydrated.then(() => current && setHydrated(true));
    return () => {
      current = false;
    };
  }, [checklist]);
  return hydrated;
}

export function PopupApp({ client, checklist, activeHost, activeTabId, openOptions, openWelcome, reportUrl, initialPairId, siteAccess }: PopupAppProps) {
  const [chosenPairId, setChosenPairId] = useState<string | undefined>(initialPairId);
  const [pairList, setPairList] = useState<PairList>({ pairs: [] });
  const [starting, setStarting] = useState(false);
  const [actionError, setActionError] = useState<string>();
  const { status, error, loading, reload } = useStatus(client, {
    pairId: chosenPairId,
    host: chosenPairId ? undefined : activeHost,
    tabId: chosenPairId ? undefined : activeTabId,
  });
  const hydrated = useHydrated(checklist);
  const pairKey = status?.pairId ?? UNASSIGNED_PAIR;
  const pair = useStore(checklist.store, (state) => selectPairChecklist(state, pairKey));
  const hasUnassigned = useStore(checklist.store, (state) => state.unassigned !== undefined);
  const flush = useCallback(() => checklist.flush(), [checklist]);
  useFlushOnLeave(flush);

  useEffect(() => {
    client.listPairs().then(setPairList, () => setPairList({ pairs: [] }));
  }, [client, status?.pairId]);

  useEffect(() => {
    if (hydrated && hasUnassigned && pairKey !== UNASSIGNED_PAIR) checklist.store.getState().adoptUnassigned(pairKey);
  }, [checklist, hydrated, hasUnassigned, pairKey]);

  const channels = pair?.channels ?? DEFAULT_CHANNELS;
  const rows = useMemo(
    () =>
      buildChecklist<StatusFinding>({
        findings: status?.findings ?? [],
        coverage: status?.coverage ?? [],
        audited: status?.summary !== undefined,
        decisions: pair?.decisions ?? {},
        channels,
      }),
    [status, pair, channels],
  );
  const progress = checklistProgress(rows);

  const actions: ItemActions = useMemo(() => {
    const store = checklist.store.getState();
    return {
      setChoice: (itemId, fieldId, value, channelId) => store.setChoice(pairKey, itemId, fieldId, value, channelId),
      setNote: (itemId, note) => store.setNote(pairKey, itemId, note),
      addChannel: (name) => store.addChannel(pairKey, name),
      renameChannel: (channelId, name) => store.renameChannel(pairKey, channelId, name),
      removeChannel: (channelId) => store.removeChannel(pairKey, channelId),
      flush: () => void checklist.flush(),
      markReviewed: (finding, reviewed) => {
        client
          .markReviewed({ findingKey: finding.key, reviewed, pairId: status?.pairId })
          .then(reload, (failure: unknown) => setActionError(errorText(failure)));
      },
    };
  }, [checklist, client, pairKey, reload, status?.pairId]);

  const refresh = () => {
    setStarting(true);
    setActionError(undefined);
    client
      .refresh({ pairId: status?.pairId })
      .then(reload, (failure: unknown) => setActionError(errorText(failure)))
      .finally(() => setStarting(false));
  };

  const selectPair = (pairId: string) => {
    setChosenPairId(pairId);
    client.selectPair({ pairId }).catch((failure: unknown) => setActionError(errorText(failure)));
  };

  const connected = status?.connection.cin7 === 'connected' && status.connection.xero === 'connected';
  const step = status && connectionStep(status);
  if (step?.kind === 'set-up') {
    return (
      <main className="mg-popup">
        <header className="mg-popup-header">
          <h1>Mapping Guard</h1>
          <p className="mg-muted">No Cin7 Core ↔ Xero pair yet</p>
        </header>
        <SiteAccessNotice access={siteAccess} />
        <PopupSetUp step={step} onSetUp={openWelcome} onSettings={openOptions} />
        <footer className="mg-popup-footer">
          <Button onClick={openOptions}>Settings</Button>
        </footer>
      </main>
    );
  }
  return (
    <main className="mg-popup">
      <header className="mg-popup-header">
        <h1>Mapping Guard</h1>
        <p className="mg-muted">{status?.pairName ?? (loading ? 'Loading…' : 'No Cin7 Core ↔ Xero pair yet')}</p>
        <PairSwitcher pairs={pairList.pairs} selectedPairId={status?.pairId} onSelect={selectPair} />
        {status && <ConnectionStatus connection={status.connection} />}
        {step?.kind === 'connect' && <PopupConnectStep step={step} onSettings={openOptions} />}
      </header>
      <SiteAccessNotice access={siteAccess} />
      {error && <p role="alert" className="mg-error-text">{error}</p>}
      {actionError && <p role="alert" className="mg-error-text">{actionError}</p>}
      {status?.lastError && (
        <p className="mg-error-text" data-testid="popup-refresh-failed">
          {NEXT_STEP_WORDS.refreshFailed} {status.lastError.message} {NEXT_STEP_WORDS.refreshAgain}
        </p>
      )}
      {status && connected && (
        <section className="mg-popup-audit" aria-labelledby="mg-audit-title">
          <h2 id="mg-audit-title" className="mg-phase-title">
            Audit
          </h2>
          <AuditOverview
            status={status}
            variant="full"
            now={new Date()}
            mappingLink={<FixLink fix={applyLearnedPages(cin7AccountMappingLink(), status.cin7LearnedPages ?? {})} />}
          />
          {status.summary && <FixPlan findings={status.findings} />}
        </section>
      )}
      <PopupSyncErrors client={client} status={status ?? null} />
      <RefreshControl refreshing={status?.refreshing} starting={starting} disabled={!connected} onRefresh={refresh} />
      <ProgressSummary progress={progress} />
      {hydrated ? (
        <ChecklistView rows={rows} channels={channels} actions={actions} />
      ) : (
        <p className="mg-muted">Loading your checklist…</p>
      )}
      <footer className="mg-popup-footer">
        {status?.pairId && (
          <a href={reportUrl(status.pairId)} target="_blank" rel="noopener noreferrer">
            Full report<span className="mg-visually-hidden"> (opens in a new tab)</span>
          </a>
        )}
        <a href="/practice.html" target="_blank" rel="noopener noreferrer">
          All clients<span className="mg-visually-hidden"> (opens in a new tab)</span>
        </a>
        <Button onClick={openOptions}>Settings</Button>
      </footer>
    </main>
  );
}
