// Xero answers XML unless the request asks for JSON (research/xero.md §1.1: "Send Accept: application/json;
// otherwise responses are XML"). A client that forgets the header meets the same surprise here.
import { escapeHtml } from './html';

const SINGULAR: Record<string, string> = {
  Organisations: 'Organisation',
  Accounts: 'Account',
  Items: 'Item',
  TrackingCategories: 'TrackingCategory',
  Options: 'Option',
  Currencies: 'Currency',
  TaxRates: 'TaxRate',
  TaxComponents: 'TaxComponent',
  Addresses: 'Address',
  Phones: 'Phone',
  ExternalLinks: 'ExternalLink',
};

function element(name: string, value: unknown): string {
  if (value === null || value === undefined) return '';
  if (Array.isArray(value)) {
    const child = SINGULAR[name] ?? name.replace(/s$/, '');
    return `<${name}>${value.map((v) => element(child, v)).join('')}</${name}>`;
  }
  if (typeof value === 'object') {
    return `<${name}>${Object.entries(value).map(([k, v]) => element(k, v)).join('')}</${name}>`;
  }
  return `<${name}>${escapeHtml(value)}</${name}>`;
}

export function toXeroXml(envelope: Record<string, unknown>): string {
  return `<Response xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns:xsd="http://www.w3.org/2001/XMLSchema">${Object.entries(envelope)
    .map(([k, v]) => element(k, v))
    .join('')}</Response>`;
}

/** JSON only when the Accept header names it; Xero's default is XML. */
export function wantsJson(accept: string | undefined): boolean {
  return /application\/json/i.test(accept ?? '');
}
