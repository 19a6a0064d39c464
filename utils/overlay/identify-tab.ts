// Each app tab tells the background which organisation it shows (action `identifyTab`) at start and whenever that
// changes (Cin7 Core switches organisation on the same host; Xero's newer app without a page load). The background
// binds the tab to that organisation's pair; every other action of the tab waits for the latest identification, so
// none runs against a stale binding.
import type { BackgroundClient } from '../protocol/client';
import type { TabIdentity } from '../protocol/shapes';

export interface TabIdentifier {
  /** Resolves once the latest identification was answered (or failed: the actions then run unbound). */
  ready(): Promise<void>;
  /** Reads what the page shows and sends it when it changed since the last send; resolves whether it did. */
  check(): Promise<boolean>;
}

/**
 * `first`: an identification already on its way (the early message, utils/overlay/early-status.ts): the same identity
 * is not sent again, and actions wait for its answer.
 */
export function createTabIdentifier(
  read: () => TabIdentity,
  send: (identity: TabIdentity) => Promise<unknown>,
  first?: { identity: TabIdentity; answered: Promise<unknown> },
): TabIdentifier {
  let sent = first ? JSON.stringify(first.identity) : undefined;
  let latest: Promise<void> = first ? first.answered.then(ignore, ignore) : Promise.resolve();
  return {
    ready: () => latest,
    check() {
      let identity: TabIdentity = {};
      try {
        identity = read();
      } catch {
        // An unreadable page is "cannot tell", never an exception on the host page.
      }
      const signature = JSON.stringify(identity);
      if (signature === sent) return latest.then(() => false);
      sent = signature;
      latest = send(identity).then(ignore, ignore);
      return latest.then(() => true);
    },
  };
}

/** The client a tab's features use: each action waits for the tab's latest identification first. */
export function afterIdentification(client: BackgroundClient, identifier: Pick<TabIdentifier, 'ready'>): BackgroundClient {
  return Object.fromEntries(
    Object.entries(client).map(([name, call]) => [
      name,
      async (...args: unknown[]) => {
        if (name !== 'identifyTab') await identifier.ready();
        return (call as (...a: unknown[]) => Promise<unknown>)(...args);
      },
    ]),
  ) as BackgroundClient;
}

function ignore(): void {}
