import { useId, useState } from 'react';
import type { Connections } from '../../utils/protocol/shapes';
import { Button } from '../ui/Button';
import { errorText, type ConnectionsClient } from '../ui/client';
import { Section } from './Section';
import { useBusyAction } from './use-busy-action';

/** Cin7 Core: Account ID + API application key, tested with GET me before they are saved. The key is never shown again. */
export function Cin7ConnectionSection({
  client,
  cin7,
  onChanged,
}: {
  client: ConnectionsClient;
  cin7: Connections['cin7'];
  onChanged: () => void;
}) {
  const id = useId();
  const [accountId, setAccountId] = useState('');
  const [applicationKey, setApplicationKey] = useState('');
  const { busy, message, setMessage, run } = useBusyAction();
  const ready = accountId.trim() !== '' && applicationKey.trim() !== '';
  const keys = () => ({ accountId: accountId.trim(), applicationKey: applicationKey.trim() });

  const test = () =>
    run(
      () => client.testCin7(keys()),
      (result) => (result.ok ? `Connection works: ${result.company ?? 'Cin7 Core account'}.` : (result.error?.message ?? 'Failed.')),
    );

  const save = () =>
    run(
      () => client.saveCin7Credentials(keys()),
      (result) => {
        setApplicationKey('');
        onChanged();
        return `Cin7 Core connected: ${result.company ?? accountId.trim()}.`;
      },
    );

  return (
    <Section id="mg-cin7" title="Cin7 Core">
      {cin7.accounts.length > 0 ? (
        <ul data-testid="cin7-accounts">
          {cin7.accounts.map((account) => (
            <li key={account.accountId}>
              {account.company ?? 'Cin7 Core account'} <code>{account.accountId}</code>{' '}
              <Button
                size="small"
                onClick={() => void client.removeCin7Credentials({ accountId: account.accountId }).then(onChanged, (f: unknown) => setMessage(errorText(f)))}
              >
                Remove
              </Button>
            </li>
          ))}
        </ul>
      ) : (
        <p data-testid="cin7-state">Not connected</p>
      )}
      <p className="mg-muted">Create the key in Cin7 Core under Integrations → API (Cin7 Core API, “+”).</p>
      <div className="mg-field">
        <label htmlFor={`${id}-account`}>Account ID</label>
        <input id={`${id}-account`} value={accountId} onChange={(e) => setAccountId(e.target.value)} autoComplete="off" spellCheck={false} />
      </div>
      <div className="mg-field">
        <label htmlFor={`${id}-key`}>Application key</label>
        <input
          id={`${id}-key`}
          type="password"
          value={applicationKey}
          onChange={(e) => setApplicationKey(e.target.value)}
          autoComplete="off"
          spellCheck={false}
        />
      </div>
      <p>
        <Button disabled={busy || !ready} onClick={test}>
          Test connection
        </Button>{' '}
        <Button variant="primary" disabled={busy || !ready} onClick={save}>
          Save Cin7 keys
        </Button>
      </p>
      {message && (
        <p role="status" data-testid="cin7-message">
          {message}
        </p>
      )}
    </Section>
  );
}
