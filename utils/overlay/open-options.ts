// Content scripts cannot open extension pages themselves; the background does it on request. Until the protocol
// has an `openOptions` action the request is refused and the panel tells the user the manual way.
import { browser } from 'wxt/browser';

export async function requestOptionsPage(): Promise<boolean> {
  try {
    const reply: unknown = await browser.runtime.sendMessage({ mgAction: 'openOptions', args: undefined });
    return typeof reply === 'object' && reply !== null && (reply as { ok?: unknown }).ok === true;
  } catch {
    return false;
  }
}
