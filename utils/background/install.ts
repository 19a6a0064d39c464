// What installing or updating the extension does (issue #20): a fresh install opens the guided set-up once; an update
// opens nothing (a browser updating extensions in the background must not throw pages at the user), leaves a short
// "what's new" note for the options page and rebuilds the stored findings with the new rules.
import type { WhatsNew } from '../store/whats-new';

export const WELCOME_PATH = '/welcome.html';

export interface InstallDeps {
  /** Opens the extension page at this path in a new tab. */
  openPage(path: string): Promise<unknown>;
  /** This build's version (manifest). */
  version: string;
  noteWhatsNew(note: WhatsNew): Promise<void>;
  /** Re-audits every stored pair with this build's rules. */
  reaudit(): Promise<void>;
}

export async function handleInstalled(details: { reason: string; previousVersion?: string }, deps: InstallDeps): Promise<void> {
  if (details.reason === 'install') {
    await deps.openPage(WELCOME_PATH);
    return;
  }
  if (details.reason !== 'update') return; // chrome_update / shared_module_update: nothing of ours changed
  // Reloading an unpacked build reports an update to the same version: nothing new to tell.
  if (details.previousVersion !== deps.version) {
    await deps.noteWhatsNew({ version: deps.version, ...(details.previousVersion ? { previousVersion: details.previousVersion } : {}) });
  }
  await deps.reaudit();
}
