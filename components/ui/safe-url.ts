// Fix links come from the background, but a link is still only rendered when it goes to one of the two apps over
// HTTPS: a `javascript:` or foreign URL can never reach an href.
const FIX_HOSTS = new Set(['inventory.dearsystems.com', 'go.xero.com']);

export function safeFixUrl(url: string): string | undefined {
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'https:' && FIX_HOSTS.has(parsed.hostname) ? parsed.href : undefined;
  } catch {
    return undefined;
  }
}
