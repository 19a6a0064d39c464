import { useId, useState } from 'react';
import type { Connections } from '../../utils/protocol/shapes';
import { Button } from '../ui/Button';
import type { ConnectionsClient } from '../ui/client';
import { Section } from './Section';
import { useBusyAction } from './use-busy-action';

const STATE_TEXT = {
  connected: 'Connected',
  'not-connected': 'Not connected',
  'reconnect-needed': 'Xero rejected the saved sign-in: reconnect Xero.',
} as const;

/** Xero: the app's client id, connect (OAuth consent window) and disconnect, and the organisations granted. */
export function XeroConnectionSection({
  client,
  xero,
  onChanged,
}: {
  client: ConnectionsClient;
  xero: Connections['xero'];
  onChanged: () => void;
}) {
  const id = useId();
  const [clientId, setClientId] = useState(xero.clientIdSource === 'options' ? (xero.clientId ?? '') : '');
  const { busy, message, run: runAction } = useBusyAction();

  const run = (work: () => Promise<unknown>, done: string) =>
    runAction(work, () => {
      onChanged();
      return done;
    });

  return (
    <Section id="mg-xero" title="Xero">
      <p>
        Status: <strong data-testid="xero-state">{STATE_TEXT[xero.state]}</strong>
      </p>
      {xero.tenants.length > 0 && (
        <p>
          Organisations: <span data-testid="xero-tenants">{xero.tenants.map((t) => t.tenantName ?? t.tenantId).join(', ')}</span>
        </p>
      )}
      <div className="mg-field">
        <label htmlFor={`${id}-client`}>Xero app client id</label>
        <input
          id={`${id}-client`}
          value={clientId}
          placeholder={xero.clientIdSource === 'build' ? 'Built-in client id in use' : 'From your Xero app (Auth Code with PKCE)'}
          onChange={(event) => setClientId(event.target.value)}
          autoComplete="off"
          spellCheck={false}
        />
        <Button size="small" disabled={busy} onClick={() => run(() => client.setXeroClientId({ clientId }), 'Client id saved.')}>
          Use this client id
        </Button>
      </div>
      <p className="mg-muted">
        Redirect URI to register in the Xero app: <code data-testid="xero-redirect">{xero.redirectUrl}</code>
      </p>
      <p>
        {xero.state === 'connected' ? (
          <Button disabled={busy} onClick={() => run(() => client.disconnectXero(), 'Xero disconnected.')}>
            Disconnect Xero
          </Button>
        ) : (
          <Button
            variant="primary"
            disabled={busy || !(clientId || xero.clientId)}
            onClick={() => run(() => client.connectXero(), 'Xero connected.')}
          >
            {xero.state === 'reconnect-needed' ? 'Reconnect Xero' : 'Connect Xero'}
          </Button>
        )}
      </p>
      {message && (
        <p role="status" data-testid="xero-message">
          {message}
        </p>
      )}
    </Section>
  );
}
