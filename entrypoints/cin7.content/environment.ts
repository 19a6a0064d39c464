// What every Cin7 feature receives: the URL it started on, the panel's contribution store, the status store and
// the background services (through the typed protocol; content scripts never fetch).
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { sendAction } from '../../utils/protocol/client';
import { type ActionArgs, type ActionResult } from '../../utils/protocol/actions';
import type { PanelContributionStore } from '../../utils/overlay/panel-state';
import type { StatusStore } from '../../utils/overlay/status-store';

export interface Cin7Services {
  saveMapping(args: ActionArgs<'saveMapping'>): Promise<ActionResult<'saveMapping'>>;
  getMapping(args?: ActionArgs<'getMapping'>): Promise<ActionResult<'getMapping'>>;
  getDocument(args: ActionArgs<'getDocument'>): Promise<ActionResult<'getDocument'>>;
  getRecordTaxRules(args: ActionArgs<'getRecordTaxRules'>): Promise<ActionResult<'getRecordTaxRules'>>;
  openOptions(): Promise<boolean>;
}

export function messagingServices(openOptions: () => Promise<boolean>): Cin7Services {
  return {
    saveMapping: (args) => sendAction('saveMapping', args),
    getMapping: (args) => sendAction('getMapping', args ?? { host: 'cin7' }),
    getDocument: (args) => sendAction('getDocument', args),
    getRecordTaxRules: (args) => sendAction('getRecordTaxRules', args),
    openOptions,
  };
}

export interface Cin7FeatureEnv {
  url: URL;
  /** Null in unit tests that don't mount shadow-root UI. */
  ctx: ContentScriptContext | null;
  panel: PanelContributionStore;
  status: StatusStore;
  services: Cin7Services;
  /** Reports a failure to the panel without stopping the feature. */
  reportProblem(error: unknown): void;
}
