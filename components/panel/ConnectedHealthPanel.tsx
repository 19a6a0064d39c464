// The health panel wired to its stores: the background status, the features' sections and problems, and the
// collapsed preference in storage.local.
import { useEffect, useState } from 'react';
import { useStore } from 'zustand';
import type { PanelContributionStore } from '../../utils/overlay/panel-state';
import { onTogglePanel } from '../../utils/protocol/client';
import { panelCollapsedItem } from '../../utils/overlay/preferences';
import type { StatusStore } from '../../utils/overlay/status-store';
import { HealthPanel } from './HealthPanel';
import { applyLearnedPages } from '../../utils/audit/links';
import type { FixLink } from '../../utils/audit/types';

export interface ConnectedHealthPanelProps {
  currentApp: 'cin7' | 'xero';
  statusStore: StatusStore;
  contributions: PanelContributionStore;
  /** The Account Mapping link before the page is learned (Settings, with the menu path in words). */
  mappingPage: FixLink;
  /** Asks the background to open the options page; resolves false when it could not. */
  openOptions(): Promise<boolean>;
  /** What the user did on the start script's tab this panel replaces (read once, at the first render). */
  fromStartTab?: () => { openPanel: boolean; focused: boolean };
}

export function ConnectedHealthPanel(props: ConnectedHealthPanelProps) {
  const { currentApp, statusStore, contributions, mappingPage, openOptions, fromStartTab } = props;
  const state = useStore(statusStore);
  const { sections, problems } = useStore(contributions);
  const [startTab] = useState(() => fromStartTab?.() ?? { openPanel: false, focused: false });
  const openAtStart = startTab.openPanel;
  const [collapsed, setCollapsed] = useState(!openAtStart);
  const [optionsHint, setOptionsHint] = useState<string | null>(null);
  // The focus stays with the user: on this toggle if they asked for the panel or were on the tab it replaces.
  const [focusRequest, setFocusRequest] = useState(openAtStart || startTab.focused ? 1 : 0);

  useEffect(() => {
    let active = true;
    // Opened from the start script's tab: that is the user's choice now, as a click on this panel's toggle would be.
    if (openAtStart) void panelCollapsedItem.setValue(false);
    else void panelCollapsedItem.getValue().then((value) => active && setCollapsed(value));
    const unwatch = panelCollapsedItem.watch((value) => setCollapsed(value));
    return () => {
      active = false;
      unwatch();
    };
  }, [openAtStart]);

  // The keyboard shortcut (Alt+Shift+M by default), relayed by the background: open or close, and put focus on the
  // panel's toggle so the keyboard user lands in it.
  useEffect(
    () =>
      onTogglePanel(() => {
        setCollapsed((current) => {
          void panelCollapsedItem.setValue(!current);
          return !current;
        });
        setFocusRequest((count) => count + 1);
      }),
    [],
  );

  return (
    <HealthPanel
      currentApp={currentApp}
      status={state.status}
      loading={state.loading}
      error={state.error}
      refreshing={state.refreshing}
      refreshRequested={state.refreshRequested}
      collapsed={collapsed}
      onToggle={(next) => {
        setCollapsed(next);
        void panelCollapsedItem.setValue(next);
      }}
      onRefresh={() => void (state.status ? statusStore.refresh() : statusStore.load())}
      onOpenOptions={() =>
        void openOptions().then((opened) =>
          setOptionsHint(opened ? null : 'Open Mapping Guard from the browser toolbar (extensions menu), then Options.'),
        )
      }
      {...mappingLinkProps(applyLearnedPages(mappingPage, state.status?.cin7LearnedPages ?? {}))}
      sections={sections}
      problems={problems}
      optionsHint={optionsHint}
      avoidHostControls
      focusRequest={focusRequest}
    />
  );
}

const mappingLinkProps = (link: FixLink) => ({ mappingPageUrl: link.url, mappingPageLabel: link.label });
