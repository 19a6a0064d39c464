// What every Xero feature receives: the URL it started on, the organisation the page shows, the panel's
// contribution store, the status store, the pair facts and the background services (typed protocol only).
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { sendAction } from '../../utils/protocol/client';
import { type ActionArgs, type ActionResult } from '../../utils/protocol/actions';
import type { PanelContributionStore } from '../../utils/overlay/panel-state';
import type { StatusStore } from '../../utils/overlay/status-store';
import type { OrganisationRead } from '../../utils/xero/page/organisation';
import type { FactsStore } from './facts';

export interface XeroServices {
  getXeroPageFacts(args: ActionArgs<'getXeroPageFacts'>): Promise<ActionResult<'getXeroPageFacts'>>;
  countLockedDocuments(args: ActionArgs<'countLockedDocuments'>): Promise<ActionResult<'countLockedDocuments'>>;
  openOptions(): Promise<boolean>;
}

export function messagingServices(openOptions: () => Promise<boolean>): XeroServices {
  return {
    getXeroPageFacts: (args) => sendAction('getXeroPageFacts', args),
    countLockedDocuments: (args) => sendAction('countLockedDocuments', args),
    openOptions,
  };
}

export interface XeroFeatureEnv {
  url: URL;
  /** Null in unit tests that don't mount shadow-root UI. */
  ctx: ContentScriptContext | null;
  organisation: OrganisationRead;
  panel: PanelContributionStore;
  status: StatusStore;
  facts: FactsStore;
  services: XeroServices;
  /** Reports a failure to the panel without stopping the feature. */
  reportProblem(error: unknown): void;
}
