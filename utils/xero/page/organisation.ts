// Which Xero organisation the page shows: the short code from the `/app/!{code}/` URL or the header's organisation
// element, and the organisation's name (that element's text, else the title "Page – Organisation – Xero").
import { shortCodeFromUrl } from './routes';
import { ORGANISATION_WITH_SHORT_CODE } from './selectors';
import { visibleText } from './dom-text';

export interface OrganisationRead {
  shortCode?: string;
  name?: string;
}

const MAX_NAME = 300;

export function organisationFromTitle(title: string): string | undefined {
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
