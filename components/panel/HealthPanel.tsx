// The health panel both overlays show: at home in the bottom-left corner, collapsible to a small tab, and moved
// (or shortened, or shown as the tab) wherever it would cover the app's own controls (usePanelPlacement).
// Keyboard: the toggle is a real button with aria-expanded; Esc inside the panel collapses it and returns focus to
// the toggle.
import { useEffect, useId, useRef, type KeyboardEvent } from 'react';
import { ExplainBox } from '../ui/ExplainBox';
import type { FeatureProblem, PanelSection } from '../../utils/overlay/panel-state';
import type { Progress, Status } from '../../utils/protocol/shapes';
import { FindingList, topFindings } from './FindingList';
import { MappingChangeNotice } from './MappingChangeNotice';
import { isUnbound } from './counts';
import { OrganisationMismatch } from './OrganisationMismatch';
import { RefreshButton } from './RefreshButton';
import { useTopLayer } from './useTopLayer';
import { AuditOverview } from '../ui/AuditOverview';
import { countsText, panelTone } from './counts';
import { connectionStep, NEXT_STEP_WORDS } from '../ui/next-step';
import { formatAge } from '../ui/time';
import { usePanelPlacement } from './usePanelPlacement';

export interface HealthPanelProps {
  currentApp: 'cin7' | 'xero';
  status: Status | null;
  loading: boolean;
  /** The last failure talking to the background. */
  error: string | null;
  refreshing: Progress | null;
  refreshRequested: boolean;
  collapsed: boolean;
  onToggle(collapsed: boolean): void;
  onRefresh(): void;
  onOpenOptions(): void;
  /** Where the mapping is read (Cin7's Account Mapping page). */
  mappingPageUrl: string;
  /** The link's words (default "Open Account Mapping"): the menu path until the page's URL is learned. */
  mappingPageLabel?: string;
  sections?: readonly PanelSection[];
  problems?: readonly FeatureProblem[];
  now?: () => Date;
  maxFindings?: number;
  /** Set when Open options could not reach the background: tells the user the manual way. */
  optionsHint?: string | null;
  /** Move off the host page's controls (on in the overlays; off where there is no host page). */
  avoidHostControls?: boolean;
  /** Each change moves focus to the panel's toggle (the keyboard shortcut). */
  focusRequest?: number;
}

export function HealthPanel(props: HealthPanelProps) {
  const { status, onToggle } = props;
  const panelRef = useRef<HTMLElement>(null);
  const toggleRef = useRef<HTMLButtonElement>(null);
  const bodyRef = useRef<HTMLDivElement>(null);
  const bodyId = useId();
  // Before placement: its layout effects measure the panel where it is finally shown.
  useTopLayer(panelRef);
  const placement = usePanelPlacement({
    enabled: props.avoidHostControls ?? false,
    collapsed: props.collapsed,
    panelRef,
    headerRef: toggleRef,
    bodyRef,
  });
  // Shown as the tab while there is no room for the open panel; the user's choice is kept for when there is.
  const collapsed = props.collapsed || placement.yielded;

  useEffect(() => {
    if (props.focusRequest) toggleRef.current?.focus();
  }, [props.focusRequest]);
  const tone = panelTone(status);

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Escape' && !collapsed) {
      event.stopPropagation();
      onToggle(true);
      toggleRef.current?.focus();
    }
  };

  return (
    <section
      ref={panelRef}
      className={`mg-panel mg-tone-${tone}${collapsed ? ' mg-collapsed' : ''}`}
      style={{ ...placement.style, ...(placement.hidden ? { visibility: 'hidden' } : {}) }}
      aria-label="Mapping Guard"
      data-placement={placement.hidden ? 'hidden' : placement.yielded ? 'yielded' : 'placed'}
      onKeyDown={onKeyDown}
    >
      <button
        ref={toggleRef}
        type="button"
        className="mg-toggle"
        aria-expanded={!collapsed}
        aria-controls={bodyId}
        title={placement.yielded ? 'Mapping Guard: no room to open without covering this page; it opens when there is.' : undefined}
        onClick={() => onToggle(!collapsed)}
      >
        <span className="mg-dot" aria-hidden="true" />
        <span className="mg-title">Mapping Guard</span>
        <span className="mg-counts">{countsText(status)}</span>
        {placement.yielded ? <span className="mg-muted mg-no-room">(no room to open here)</span> : null}
      </button>
      {collapsed ? null : (
        <div className="mg-body" id={bodyId} ref={bodyRef} style={placement.bodyMaxHeight !== undefined ? { maxHeight: placement.bodyMaxHeight } : undefined}>
          <PanelBody {...props} />
          {(props.sections ?? []).map((section) => (
            <div key={section.id} className="mg-section" data-section={section.id}>
              <h3 className="mg-section-title">{section.title}</h3>
              {section.content}
            </div>
          ))}
          <div className="mg-section" data-section="explain-error">
            <h3 className="mg-section-title">Explain a sync error</h3>
            <ExplainBox findings={status && !isUnbound(status.tab) ? status.findings : []} currentApp={props.currentApp} />
          </div>
          {(props.problems ?? []).length > 0 ? (
            <div className="mg-problems" role="alert">
              {(props.problems ?? []).map((problem) => (
                <p key={problem.featureId}>
                  Mapping Guard could not show “{problem.featureId}” on this page: {problem.message}
                </p>
              ))}
            </div>
          ) : null}
          <p className="mg-footer">
            <button type="button" className="mg-link-button" onClick={props.onOpenOptions}>
              Full report and settings
            </button>
          </p>
          {props.optionsHint ? <p className="mg-muted">{props.optionsHint}</p> : null}
        </div>
      )}
      {collapsed ? null : <span className="mg-sr-only">Press Escape to collapse. Alt+Shift+M (unless changed in the browser’s shortcut settings) opens or closes this panel.</span>}
    </section>
  );
}

function PanelBody(props: HealthPanelProps) {
  const { status, loading, error, currentApp } = props;
  const now = (props.now ?? (() => new Date()))();
  if (!status) {
    return error ? (
      <div className="mg-state" role="alert">
        <p>Mapping Guard could not load the set-up check: {error}</p>
        <button type="button" className="mg-button" onClick={props.onRefresh}>
          Try again
        </button>
      </div>
    ) : (
      <p className="mg-muted">{loading ? 'Loading the set-up check…' : 'No data yet.'}</p>
    );
  }

  if (isUnbound(status.tab)) return <OrganisationMismatch tab={status.tab} onOpenOptions={props.onOpenOptions} />;

  const step = connectionStep(status);
  if (step?.kind === 'set-up') {
    return (
      <div className="mg-state mg-not-connected">
        <p>
          {step.title} {step.text}
        </p>
        <p className="mg-muted">{NEXT_STEP_WORDS.setUpWhy}</p>
        {/* With no pair yet the background opens the guided set-up for this request (handlers/options.ts). */}
        <button type="button" className="mg-button" onClick={props.onOpenOptions}>
          {NEXT_STEP_WORDS.setUp}
        </button>
      </div>
    );
  }
  if (step) {
    const missing = (['cin7', 'xero'] as const).filter((app) => status.connection[app] !== 'connected');
    return (
      <div className="mg-state mg-not-connected">
        <p>
          Not connected: {missing.map((app) => `${app === 'cin7' ? 'Cin7 Core' : 'Xero'}${status.connection[app] === 'reconnect-needed' ? ' (reconnect needed)' : ''}`).join(' and ')}.{' '}
          {step.text}
        </p>
        {step.kind === 'connect' && step.detail ? <p className="mg-muted">{step.detail}</p> : null}
        <button type="button" className="mg-button" onClick={props.onOpenOptions}>
          {NEXT_STEP_WORDS.openSettings}
        </button>
      </div>
    );
  }

  const fetched = formatAge(status.fetchedAt, now);
  const limit = props.maxFindings ?? 5;
  const open = status.findings.filter((finding) => !finding.reviewed);
  return (
    <>
      {status.pairName ? <p className="mg-pair">{status.pairName}</p> : null}
      <AuditOverview
        status={status}
        variant="compact"
        now={now}
        mappingLink={
          <a className="mg-button" href={props.mappingPageUrl} {...(currentApp === 'cin7' ? {} : { target: '_blank', rel: 'noopener noreferrer' })}>
            {props.mappingPageLabel ?? 'Open Account Mapping'}
          </a>
        }
      />
      <p className="mg-muted mg-fetched">{fetched ? `Data fetched ${fetched}` : 'Data not fetched yet'}</p>
      <RefreshButton refreshing={props.refreshing} requested={props.refreshRequested} onRefresh={props.onRefresh} />
      {error ? (
        <p className="mg-error-text" role="alert">
          {error}
        </p>
      ) : null}
      {status.lastError ? (
        <p className="mg-error-text" data-testid="panel-refresh-failed">
          {NEXT_STEP_WORDS.refreshFailed} {status.lastError.message} {NEXT_STEP_WORDS.refreshAgain}
        </p>
      ) : null}
      {status.mappingChange ? <MappingChangeNotice change={status.mappingChange} onOpenOptions={props.onOpenOptions} /> : null}
      <FindingList findings={topFindings(open, limit)} currentApp={currentApp} emptyText="Nothing to fix." />
      {open.length > limit ? <p className="mg-muted">{open.length - limit} more in the full report.</p> : null}
    </>
  );
}
