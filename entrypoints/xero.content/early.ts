// Imported FIRST by the Xero entry (see utils/overlay/early-status.ts): the organisation the page shows, and the
// tab's first message, sent before the rest of the bundle evaluates.
import { deferStartPostMessages, sendEarlyStatus } from '../../utils/overlay/early-status';
import type { TabIdentity } from '../../utils/protocol/shapes';
import { readOrganisation, type OrganisationRead } from '../../utils/xero/page/organisation';

export function pageIdentity(organisation: OrganisationRead): TabIdentity {
  return {
    ...(organisation.shortCode ? { xeroShortCode: organisation.shortCode } : {}),
    ...(organisation.name ? { xeroOrgName: organisation.name } : {}),
  };
}

export const early = sendEarlyStatus(() => pageIdentity(readOrganisation(document, new URL(location.href))));

if (!import.meta.env.FIREFOX) deferStartPostMessages();
