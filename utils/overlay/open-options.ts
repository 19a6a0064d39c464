// Content scripts cannot open extension pages themselves; the background does it on request (`openOptions`).
// The panel only needs to know whether that worked: when it did not, it tells the user the manual way (the
// toolbar button).
import type { ClientOf } from '../protocol/client';

export async function requestOptionsPage(client: ClientOf<'openOptions'>): Promise<boolean> {
  try {
    await client.openOptions();
    return true;
  } catch {
    return false;
  }
}
