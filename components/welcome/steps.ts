// The welcome page's steps, each one's state derived from what the background holds (connections, pairs, the
// selected pair's status), never from what was clicked: leaving the page and coming back resumes where things are.
import type { Connections, Pair, Status } from '../../utils/protocol/shapes';

export const STEP_IDS = ['xero-app', 'xero-connect', 'cin7', 'pair', 'mapping', 'audit'] as const;
export type StepId = (typeof STEP_IDS)[number];
/** `attention`: was done, now needs the user again (Xero sign-in rejected); `skipped`: nothing to do here. */
export type StepState = 'done' | 'skipped' | 'attention' | 'todo';

export const STEP_TITLES: Readonly<Record<StepId, string>> = {
  'xero-app': 'Your Xero app',
  'xero-connect': 'Connect Xero',
  cin7: 'Cin7 Core API keys',
  pair: 'Pair Cin7 Core with Xero',
  mapping: 'Open Cin7 Core’s Account Mapping page once',
  audit: 'First audit',
};

export interface SetupFacts {
  connections: Connections;
  pairs: readonly Pair[];
  selectedPairId?: string;
  /** The selected pair's status, when there is a pair. */
  status?: Status;
}

export interface SetupStep {
  id: StepId;
  title: string;
  state: StepState;
}

function stateOf(id: StepId, { connections, pairs, selectedPairId, status }: SetupFacts): StepState {
  const { xero, cin7 } = connections;
  const paired = pairs.some((pair) => pair.id === selectedPairId) || (!selectedPairId && pairs.length > 0);
  switch (id) {
    case 'xero-app':
      if (xero.clientIdSource === 'build') return 'skipped';
      return xero.clientId ? 'done' : 'todo';
    case 'xero-connect':
      if (xero.state === 'reconnect-needed') return 'attention';
      return xero.state === 'connected' && xero.tenants.length > 0 ? 'done' : 'todo';
    case 'cin7':
      if (cin7.state === 'reconnect-needed') return 'attention';
      return cin7.accounts.length > 0 ? 'done' : 'todo';
    case 'pair':
      return paired ? 'done' : 'todo';
    case 'mapping':
      return paired && status?.mappingReadAt ? 'done' : 'todo';
    case 'audit':
      return paired && status?.summary && !status.refreshing ? 'done' : 'todo';
  }
}

export function deriveSteps(facts: SetupFacts): SetupStep[] {
  return STEP_IDS.map((id) => ({ id, title: STEP_TITLES[id], state: stateOf(id, facts) }));
}

/** Where to resume: the first step not finished, else the last one (the audit's results). */
export function currentStep(steps: readonly SetupStep[]): StepId {
  return (steps.find((step) => step.state === 'todo' || step.state === 'attention') ?? steps[steps.length - 1]!).id;
}

export function finishedCount(steps: readonly SetupStep[]): number {
  return steps.filter((step) => step.state === 'done' || step.state === 'skipped').length;
}
