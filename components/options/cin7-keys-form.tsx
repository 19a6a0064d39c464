// The Cin7 Core keys form, shared by the options page's Cin7 section and the welcome page's Cin7 step: Account ID and
// application key, "Test connection" (GET me, saves nothing) and Save. The key is never kept in a draft or shown again.
import { useId, useState } from 'react';
import { Button } from '../ui/Button';
import type { ConnectionsClient } from '../ui/client';
import { useDraftField } from './draft';
import { useBusyAction } from './use-busy-action';

export function Cin7KeysForm({ client, onChanged }: { client: ConnectionsClient; onChanged: () => void }) {
  const id = useId();
  const [accountId, setAccountId] = useDraftField('cin7.accountId', '');
  const [applicationKey, setApplicationKey] = useState('');
  const { busy, message, run } = useBusyAction();
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
    <>
      <p className="mg-muted">Create the key in Cin7 Core under Integrations → API (Cin7 Core API, “+”).</p>
      <div className="mg-field">
        <label htmlFor={`${id}-account`}>Account ID</label>
        <input
          id={`${id}-account`}
          className="mg-input--id"
          value={accountId}
          onChange={(e) => setAccountId(e.target.value)}
          autoComplete="off"
          spellCheck={false}
        />
      </div>
      <div className="mg-field">
        <label htmlFor={`${id}-key`}>Application key</label>
        <input
          id={`${id}-key`}
          className="mg-input--id"
          type="password"
          value={applicationKey}
          onChange={(e) => setApplicationKey(e.target.value)}
          autoComplete="off"
          spellCheck={false}
        />
      </div>
      <p className="mg-actions">
        <Button disabled={busy || !ready} onClick={test}>
          Test connection
        </Button>
        <Button variant="primary" disabled={busy || !ready} onClick={save}>
          Save Cin7 keys
        </Button>
      </p>
      {message && (
        <p role="status" data-testid="cin7-message">
          {message}
        </p>
      )}
    </>
  );
}
