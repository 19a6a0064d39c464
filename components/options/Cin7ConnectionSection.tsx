import { useState } from 'react';
import type { Connections } from '../../utils/protocol/shapes';
import { Button } from '../ui/Button';
import { errorText, type ConnectionsClient } from '../ui/client';
import { Cin7KeysForm } from './cin7-keys-form';
import { Section } from './Section';

/** Cin7 Core: the connected accounts, and the keys form (tested with GET me before they are saved). */
export function Cin7ConnectionSection({
  client,
  cin7,
  onChanged,
}: {
  client: ConnectionsClient;
  cin7: Connections['cin7'];
  onChanged: () => void;
}) {
  const [error, setError] = useState<string>();
  return (
    <Section id="mg-cin7" title="Cin7 Core">
      {cin7.accounts.length > 0 ? (
        <ul data-testid="cin7-accounts">
          {cin7.accounts.map((account) => (
            <li key={account.accountId}>
              {account.company ?? 'Cin7 Core account'} <code>{account.accountId}</code>{' '}
              <Button
                size="small"
                onClick={() => void client.removeCin7Credentials({ accountId: account.accountId }).then(onChanged, (f: unknown) => setError(errorText(f)))}
              >
                Remove
              </Button>
            </li>
          ))}
        </ul>
      ) : (
        <p data-testid="cin7-state">Not connected</p>
      )}
      {error && <p role="status">{error}</p>}
      <Cin7KeysForm client={client} onChanged={onChanged} />
    </Section>
  );
}
