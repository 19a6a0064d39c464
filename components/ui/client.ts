// What the popup, report and options page ask of the background. The views receive a client (tests pass a fake),
// typed as the slice of the protocol's one derived client they use: a call is the action's own, e.g.
// `client.selectPair({ pairId })`, so a new action needs no wrapper here. No component fetches anything itself.
import type { ConnectionActionName } from '../../utils/protocol/actions';
import type { ActionResult } from '../../utils/protocol/actions';
import { background, onStatusChanged, type ClientOf } from '../../utils/protocol/client';
import { ActionError } from '../../utils/protocol/wire';

/** The actions behind the status views (popup, report) and the options sections, plus the change broadcasts. */
export type MappingGuardClient = ClientOf<
  | 'getStatus'
  | 'listPairs'
  | 'selectPair'
  | 'refresh'
  | 'markReviewed'
  | 'getSettings'
  | 'setSettings'
  | 'saveMapping'
  | 'getMapping'
  | 'getFeatures'
  | 'setFeatures'
  | 'getDiagnostics'
  | 'acceptMappingChange'
  | 'restorePreviousMapping'
  | 'getSyncErrors'
> & { onStatusChanged: typeof onStatusChanged };

/** The connection and pair management of the options page. */
export type ConnectionsClient = ClientOf<
  | ConnectionActionName
  | 'listPairs'
  | 'savePair'
  | 'removePair'
  | 'selectPair'
>;

/** Everything the options page uses. */
export type OptionsClient = MappingGuardClient & ConnectionsClient;

export type PairList = ActionResult<'listPairs'>;
export type FeatureState = ActionResult<'getFeatures'>;
export type DeclaredFeatures = FeatureState['declared'];
export type Diagnostics = ActionResult<'getDiagnostics'>;

/** The real client the extension pages hand to their views: every action, and the status broadcasts. */
export const pageClient = { ...background, onStatusChanged } satisfies OptionsClient;

/** A user-facing sentence for any error a client call throws. */
export function errorText(error: unknown): string {
  if (error instanceof ActionError) return error.message;
  return 'Mapping Guard’s background did not answer. Try again in a moment.';
}
