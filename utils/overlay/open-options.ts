// Content scripts cannot open extension pages themselves; the background does it on request (`openOptions`).
// When that fails the panel tells the user the manual way (the toolbar button).
import { sendAction } from '../protocol/client';

export async function requestOptionsPage(): Promise<boolean> {
  try {
    await sendAction('openOptions');
    return true;
  } catch {
    return false;
  }
}
