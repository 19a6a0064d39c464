// Which organisation a Xero page shows (short code and name), read by the start script for the tab's first message
// and by the overlay on each navigation.
import type { TabIdentity } from '../../utils/protocol/shapes';
import { readOrganisation, type OrganisationRead } from '../../utils/xero/page/organisation';

export function pageIdentity(organisation: OrganisationRead): TabIdentity {
  return {
    ...(organisation.shortCode ? { xeroShortCode: organisation.shortCode } : {}),
    ...(organisation.name ? { xeroOrgName: organisation.name } : {}),
  };
}

export const readIdentity = (): TabIdentity => pageIdentity(readOrganisation(document, new URL(location.href)));
