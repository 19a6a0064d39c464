// What every Xero feature receives: the overlay environment both apps share (utils/overlay/overlay-env), the
// background actions the Xero features call, the organisation the page shows and the pair facts they share.
import type { OverlayEnv } from '../../utils/overlay/overlay-env';
import type { OrganisationRead } from '../../utils/xero/page/organisation';
import type { FactsStore } from './facts';

export type XeroActions = 'countLockedDocuments';

/** Xero's own part of the environment (the rest is the shared overlay environment). */
export interface XeroAppEnv {
  organisation: OrganisationRead;
  facts: FactsStore;
}

export type XeroFeatureEnv = OverlayEnv<XeroActions> & XeroAppEnv;
