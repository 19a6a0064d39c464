// One welcome step's content. Connection steps reuse the options page's parts (components/options), so there is one
// way to connect each app; this file only says, per step, what it is for and what to do next.
import type { ReactNode } from 'react';
import { applyLearnedPages, cin7AccountMappingLink } from '../../utils/audit/links';
import type { Connections, Status } from '../../utils/protocol/shapes';
import { Button } from '../ui/Button';
import { FixLink } from '../ui/FixLink';
import { errorText, type OptionsClient, type PairList } from '../ui/client';
import { Cin7KeysForm } from '../options/cin7-keys-form';
import { PairChooser } from '../options/PairsSection';
import { useBusyAction } from '../options/use-busy-action';
import { useXeroClientId, XeroClientIdField, XeroConnectControl, XeroMessage } from '../options/xero-controls';
import { AuditStep } from './AuditStep';
import { STEP_IDS, STEP_TITLES, type SetupStep, type StepId } from './steps';
import { useState } from 'react';

export interface WelcomeLinks {
  reportUrl(pairId: string): string;
  /** The popup's checklist, opened as a page. */
  checklistUrl: string;
  optionsUrl: string;
}

export interface StepPanelProps {
  step: StepId;
  steps: readonly SetupStep[];
  client: OptionsClient;
  connections: Connections;
  pairs: PairList;
  status?: Status;
  links: WelcomeLinks;
  onChanged(): void;
  onView(step: StepId): void;
}

function Needs({ step, onView, children }: { step: StepId; onView(step: StepId): void; children: ReactNode }) {
  return (
    <p className="mg-callout">
      {children}{' '}
      <Button onClick={() => onView(step)}>Go to “{STEP_TITLES[step]}”</Button>
    </p>
  );
}

function XeroAppStep({ client, connections, onChanged }: StepPanelProps) {
  const xero = connections.xero;
  const [clientId, setClientId] = useXeroClientId(xero);
  const action = useBusyAction();
  if (xero.clientIdSource === 'build') return <p>This build carries its own Xero app: nothing to do here.</p>;
  return (
    <>
      <p>
        Mapping Guard reads Xero through a Xero app of your own, so nobody else holds a key to your books. At{' '}
        <a href="https://developer.xero.com/app/manage" target="_blank" rel="noopener noreferrer">
          developer.xero.com<span className="mg-visually-hidden"> (opens in a new tab)</span>
        </a>{' '}
        create an app with the grant type “Auth Code with PKCE”, add the redirect URI below, then paste the app’s client id here.
      </p>
      <XeroClientIdField client={client} xero={xero} action={action} clientId={clientId} setClientId={setClientId} onChanged={onChanged} />
      <XeroMessage action={action} />
    </>
  );
}

function XeroConnectStep({ client, connections, onChanged, onView }: StepPanelProps) {
  const xero = connections.xero;
  const action = useBusyAction();
  return (
    <>
      <p>Xero opens its consent window: sign in, choose the organisation to check, and press Allow.</p>
      {!xero.clientId && (
        <Needs step="xero-app" onView={onView}>
          Xero needs your app’s client id first.
        </Needs>
      )}
      {xero.lastError && <p className="mg-error-text">{xero.lastError.message}</p>}
      <XeroConnectControl client={client} xero={xero} action={action} canConnect={Boolean(xero.clientId)} onChanged={onChanged} />
      <XeroMessage action={action} />
    </>
  );
}

function Cin7Step({ client, connections, onChanged }: StepPanelProps) {
  const { cin7 } = connections;
  return (
    <>
      {cin7.accounts.length > 0 && (
        <p data-testid="welcome-cin7-accounts">
          Connected: {cin7.accounts.map((account) => account.company ?? account.accountId).join(', ')}. Add another below, or go on.
        </p>
      )}
      {cin7.lastError && <p className="mg-error-text">{cin7.lastError.message}</p>}
      <Cin7KeysForm client={client} onChanged={onChanged} />
    </>
  );
}

function PairStep({ client, connections, pairs, onChanged, onView }: StepPanelProps) {
  const [error, setError] = useState<string>();
  const ready = connections.cin7.accounts.length > 0 && connections.xero.tenants.length > 0;
  if (!ready) {
    return (
      <Needs step={connections.xero.tenants.length === 0 ? 'xero-connect' : 'cin7'} onView={onView}>
        A pair joins one Cin7 Core account with one Xero organisation: connect both first.
      </Needs>
    );
  }
  const selected = pairs.pairs.find((pair) => pair.id === pairs.selectedPairId) ?? pairs.pairs[0];
  return (
    <>
      {selected ? (
        <p data-testid="welcome-pair">
          Checking <strong>{selected.name}</strong>.
          {pairs.pairs.length > 1 && ' Switch pairs in the popup or in Settings.'}
        </p>
      ) : (
        <p>There is more than one Cin7 Core account or Xero organisation: choose which go together.</p>
      )}
      {(connections.cin7.accounts.length > 1 || connections.xero.tenants.length > 1) && (
        <PairChooser client={client} connections={connections} onChanged={onChanged} onError={(failure) => setError(errorText(failure))} />
      )}
      {error && <p role="status">{error}</p>}
    </>
  );
}

function MappingStep({ status, pairs, onView }: StepPanelProps) {
  if (pairs.pairs.length === 0) {
    return (
      <Needs step="pair" onView={onView}>
        The mapping belongs to a pair: make one first.
      </Needs>
    );
  }
  const link = applyLearnedPages(cin7AccountMappingLink(), status?.cin7LearnedPages ?? {});
  return (
    <>
      <p>
        Cin7 Core has no API for its account mapping, so Mapping Guard reads it from the page while you look at it.
        Open it once, signed in to Cin7 Core in this browser; this step ticks itself when the page has been read.
      </p>
      <p>
        <FixLink fix={link} />
      </p>
      <p role="status" data-testid="welcome-mapping-state">
        {status?.mappingReadAt ? `Mapping read ${new Date(status.mappingReadAt).toLocaleString()}.` : 'Waiting for the Account Mapping page…'}
      </p>
      <p className="mg-muted">No access to that page? Enter the mapping by hand under Settings → Manual mapping.</p>
    </>
  );
}

const BODIES: Readonly<Record<StepId, (props: StepPanelProps) => ReactNode>> = {
  'xero-app': XeroAppStep,
  'xero-connect': XeroConnectStep,
  cin7: Cin7Step,
  pair: PairStep,
  mapping: MappingStep,
  audit: AuditStep,
};

export function StepPanel(props: StepPanelProps) {
  const { step, steps, onView } = props;
  const index = STEP_IDS.indexOf(step);
  const next = STEP_IDS[index + 1];
  const Body = BODIES[step];
  const state = steps[index]?.state;
  return (
    <section className="mg-step-panel" aria-labelledby="mg-step-title">
      <h2 id="mg-step-title">
        <span className="mg-muted">Step {index + 1} of {STEP_IDS.length}: </span>
        {STEP_TITLES[step]}
      </h2>
      <Body {...props} />
      {next && (state === 'done' || state === 'skipped') && (
        <p className="mg-step-next">
          <Button variant="primary" onClick={() => onView(next)}>
            Next: {STEP_TITLES[next]}
          </Button>
        </p>
      )}
    </section>
  );
}
