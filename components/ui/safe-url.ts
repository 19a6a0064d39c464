// Fix links come from the background, but a link is still only rendered when it goes to one of the two apps over
// HTTPS: a `javascript:` or foreign URL can never reach an href.
import { appOfHost } from '../../utils/apps';


export function safeFixUrl(url: string): string | undefined {
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'https:' && appOfHost(parsed.hostname) !== undefined ? parsed.href : undefined;
  } catch {
    return undefined;
  }
}
