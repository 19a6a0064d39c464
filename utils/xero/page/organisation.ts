// Which Xero organisation the page shows: the short code from the `/app/!{code}/` URL or the header's organisation
// element, and the organisation's name (that element's text, else the page title). Titles: the classic pages'
// "Xero | Chart Of Accounts | {Organisation}", "Xero | Dashboard | {Organisation}" (Selenium page objects, fidelity.md
// id 22225310558), and "Page – Organisation – Xero" (the form this reader knew before; kept, no source either way).
import { shortCodeFromUrl } from './routes';
import { ORGANISATION_WITH_SHORT_CODE } from './selectors';
import { visibleText } from './dom-text';

export interface OrganisationRead {
  shortCode?: string;
  name?: string;
}

const MAX_NAME = 300;

export function organisationFromTitle(title: string): string | undefined {
  const classic = /^\s*Xero\s+\|\s+[^|]+?\s+\|\s+(.+?)\s*$/.exec(title);
  if (classic) return classic[1] || undefined;
  const parts = title.split(/\s+[–-]\s+/);
  if (parts.length < 3 || parts[parts.length - 1]?.trim() !== 'Xero') return undefined;
  return parts.slice(1, -1).join(' – ').trim() || undefined;
}

export function readOrganisation(doc: Document, url: URL): OrganisationRead {
  const element = doc.querySelector<HTMLElement>(ORGANISATION_WITH_SHORT_CODE);
  const shortCode = shortCodeFromUrl(url) ?? element?.getAttribute('data-shortcode')?.trim() ?? undefined;
  const name = (element ? visibleText(element) : '') || organisationFromTitle(doc.title);
  return {
    ...(shortCode ? { shortCode: shortCode.slice(0, 40) } : {}),
    ...(name ? { name: name.slice(0, MAX_NAME) } : {}),
  };
}
