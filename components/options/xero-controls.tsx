// The Xero connection's parts, shared by the options page's Xero section and the welcome page's first two steps.
import { useId, type ReactNode } from 'react';
import type { Connections } from '../../utils/protocol/shapes';
import { Button } from '../ui/Button';
import type { ConnectionsClient } from '../ui/client';
import { useDraftField } from './draft';
import type { useBusyAction } from './use-busy-action';

type Xero = Connections['xero'];
type Action = ReturnType<typeof useBusyAction>;

export const XERO_STATE_TEXT = {
  connected: 'Connected',
  'not-connected': 'Not connected',
  'reconnect-needed': 'Xero rejected the saved sign-in: reconnect Xero.',
} as const;

/** The client id typed for this browser's Xero app (kept in the welcome page's draft until saved). */
export function useXeroClientId(xero: Xero) {
  return useDraftField('xero.clientId', xero.clientIdSource === 'options' ? (xero.clientId ?? '') : '');
}

/** The Xero app's client id field and the redirect URI to register in that app (this browser's own). */
export function XeroClientIdField({
  client,
  xero,
  action,
  clientId,
  setClientId,
  onChanged,
}: {
  client: ConnectionsClient;
  xero: Xero;
  action: Action;
  clientId: string;
  setClientId(value: string): void;
  onChanged(): void;
}) {
  const id = useId();
  return (
    <>
      <div className="mg-field mg-field--inline">
        <label htmlFor={`${id}-client`}>Xero app client id</label>
        <input
          id={`${id}-client`}
          className="mg-input--id"
          value={clientId}
          placeholder={xero.clientIdSource === 'build' ? 'Built-in client id in use' : 'From your Xero app (Auth Code with PKCE)'}
          onChange={(event) => setClientId(event.target.value)}
          autoComplete="off"
          spellCheck={false}
        />
        <Button
          disabled={action.busy}
          onClick={() =>
            action.run(
              () => client.setXeroClientId({ clientId }),
              () => {
                onChanged();
                return 'Client id saved.';
              },
            )
          }
        >
          Use this client id
        </Button>
      </div>
      <p className="mg-muted">
        Redirect URI to register in the Xero app (this browser’s): <code data-testid="xero-redirect">{xero.redirectUrl}</code>
      </p>
    </>
  );
}

/** Status, the organisations granted, and Connect (Xero's consent window) or Disconnect. */
export function XeroConnectControl({
  client,
  xero,
  action,
  canConnect,
  onChanged,
  children,
}: {
  client: ConnectionsClient;
  xero: Xero;
  action: Action;
  canConnect: boolean;
  onChanged(): void;
  /** Shown between the organisations and the button (the options page's client id field). */
  children?: ReactNode;
}) {
  const run = (work: () => Promise<unknown>, done: string) =>
    action.run(work, () => {
      onChanged();
      return done;
    });
  return (
    <>
      <p>
        Status: <strong data-testid="xero-state">{XERO_STATE_TEXT[xero.state]}</strong>
      </p>
      {xero.tenants.length > 0 && (
        <p>
          Organisations: <span data-testid="xero-tenants">{xero.tenants.map((t) => t.tenantName ?? t.tenantId).join(', ')}</span>
        </p>
      )}
      {children}
      <p>
        {xero.state === 'connected' ? (
          <Button disabled={action.busy} onClick={() => run(() => client.disconnectXero(), 'Xero disconnected.')}>
            Disconnect Xero
          </Button>
        ) : (
          <Button variant="primary" disabled={action.busy || !canConnect} onClick={() => run(() => client.connectXero(), 'Xero connected.')}>
            {xero.state === 'reconnect-needed' ? 'Reconnect Xero' : 'Connect Xero'}
          </Button>
        )}
      </p>
    </>
  );
}

/** What the last Xero action said. */
export function XeroMessage({ action }: { action: Action }) {
  return action.message ? (
    <p role="status" data-testid="xero-message">
      {action.message}
    </p>
  ) : null;
}
