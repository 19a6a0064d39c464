// What to do next when a pair cannot be audited as it is (issue #20): one home for the words the popup, the panel,
// the report and the practice page show for nothing connected, a connection needing renewal, the mapping not read
// yet and a failed refresh. Each surface turns the step's action into its own control. Pure.
import type { Status } from '../../utils/protocol/shapes';

export const NEXT_STEP_WORDS = {
  nothingConnected: 'Nothing is connected yet.',
  setUp: 'Set up Mapping Guard',
  setUpWhy: 'The guided set-up connects Cin7 Core and Xero step by step and runs a first audit.',
  noPair: 'No Cin7 Core ↔ Xero pair yet.',
  noPairWhy: 'The guided set-up pairs a Cin7 Core account with a Xero organisation and runs a first audit.',
  noClient: 'No client yet.',
  noClientWhy: 'Each client is a Cin7 Core account paired with a Xero organisation. The guided set-up connects the first one; connect more in Mapping Guard’s options.',
  openSettings: 'Open Mapping Guard options',
  reconnectXero: 'Xero needs reconnecting: connect Xero again in Mapping Guard’s settings.',
  reconnectCin7: 'Cin7 Core refused the saved API key: enter it again in Mapping Guard’s settings.',
  mappingUnread: 'Mapping not read yet: open Cin7 Core’s Account Mapping page once so Mapping Guard can read it.',
  refreshFailed: 'The last refresh failed:',
  refreshAgain: 'Once that is fixed, refresh again.',
  tryAgain: 'Try again',
} as const;

/** Which app still needs connecting, in words. */
export function notConnectedText(apps: readonly ('cin7' | 'xero')[]): string {
  const names = apps.map((app) => (app === 'cin7' ? 'Cin7 Core' : 'Xero')).join(' and ');
  return `${names} ${apps.length > 1 ? 'are' : 'is'} not connected: connect ${apps.length > 1 ? 'them' : 'it'} in Mapping Guard’s settings.`;
}

export type NextStep =
  /** No pair at all: the guided set-up. */
  | { kind: 'set-up'; title: string; text: string }
  /** A pair whose connection needs renewing or was never made: the settings. */
  | { kind: 'connect'; text: string; detail?: string }
  /** Connected, but Cin7 Core's Account Mapping page has not been read. */
  | { kind: 'mapping'; text: string }
  /** The last refresh failed: fix the cause, then refresh again. */
  | { kind: 'refresh-failed'; text: string; message: string };

/** The connection step, when one is needed: no pair yet (the set-up), else each side to renew or connect. */
export function connectionStep(status: Pick<Status, 'pairId' | 'connection'>): NextStep | undefined {
  const { cin7, xero, xeroReason } = status.connection;
  if (!status.pairId) {
    const nothing = cin7 === 'not-connected' && xero === 'not-connected';
    return nothing
      ? { kind: 'set-up', title: NEXT_STEP_WORDS.nothingConnected, text: NEXT_STEP_WORDS.setUpWhy }
      : { kind: 'set-up', title: NEXT_STEP_WORDS.noPair, text: NEXT_STEP_WORDS.noPairWhy };
  }
  const texts: string[] = [];
  if (xero === 'reconnect-needed') texts.push(NEXT_STEP_WORDS.reconnectXero);
  if (cin7 === 'reconnect-needed') texts.push(NEXT_STEP_WORDS.reconnectCin7);
  const missing = (['cin7', 'xero'] as const).filter((app) => status.connection[app] === 'not-connected');
  if (missing.length) texts.push(notConnectedText(missing));
  if (!texts.length) return undefined;
  return { kind: 'connect', text: texts.join(' '), ...(xero === 'reconnect-needed' && xeroReason ? { detail: xeroReason } : {}) };
}

/** Every step the status calls for, most blocking first (a failed refresh is shown alongside the others). */
export function nextSteps(status: Pick<Status, 'pairId' | 'connection' | 'mappingReadAt' | 'lastError'>): NextStep[] {
  const steps: NextStep[] = [];
  const connection = connectionStep(status);
  if (connection) steps.push(connection);
  else if (!status.mappingReadAt) steps.push({ kind: 'mapping', text: NEXT_STEP_WORDS.mappingUnread });
  if (status.lastError && connection?.kind !== 'set-up') {
    steps.push({ kind: 'refresh-failed', text: `${NEXT_STEP_WORDS.refreshFailed} ${status.lastError.message} ${NEXT_STEP_WORDS.refreshAgain}`, message: status.lastError.message });
  }
  return steps;
}
