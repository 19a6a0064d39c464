// URL helpers the route modules of both apps share (utils/cin7/page/routes.ts, utils/xero/page/routes.ts). Pure.

export type UrlInput = URL | string | { href: string };

export function toUrl(url: UrlInput): URL {
  if (url instanceof URL) return url;
  return new URL(typeof url === 'string' ? url : url.href);
}

/** The path, lower-cased, without a trailing slash (both apps' classic IIS routes are case-insensitive). */
export function normalisedPath(url: URL): string {
  const path = url.pathname.toLowerCase().replace(/\/+$/, '');
  return path === '' ? '/' : path;
}
