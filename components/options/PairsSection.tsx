import { useId, useState } from 'react';
import type { Connections, Pair } from '../../utils/protocol/shapes';
import { Button } from '../ui/Button';
import { errorText, type ConnectionsClient } from '../ui/client';
import { Section } from './Section';

/** Which Cin7 Core account goes with which Xero organisation (one pair is made automatically when there is one of each). */
export function PairsSection({
  client,
  connections,
  pairs,
  selectedPairId,
  onChanged,
}: {
  client: ConnectionsClient;
  connections: Connections;
  pairs: Pair[];
  selectedPairId?: string;
  onChanged: () => void;
}) {
  const id = useId();
  const [message, setMessage] = useState<string>();
  /** Removing a pair deletes its decisions and notes: asked once more, in place. */
  const [confirming, setConfirming] = useState<string>();
  const fail = (failure: unknown) => setMessage(errorText(failure));

  return (
    <Section id="mg-pairs" title="Pairs">
      {pairs.length === 0 ? (
        <p>No pair yet: connect Xero and Cin7 Core above.</p>
      ) : (
        <ul data-testid="pairs">
          {pairs.map((pair) => (
            <li key={pair.id}>
              <label>
                <input
                  type="radio"
                  name={`${id}-selected`}
                  checked={pair.id === selectedPairId}
                  onChange={() => void client.selectPair({ pairId: pair.id }).then(onChanged, fail)}
                />{' '}
                {pair.name}
              </label>{' '}
              {confirming === pair.id ? (
                <span role="group" aria-label={`Remove ${pair.name}`}>
                  {' '}Its checklist decisions, notes, reviewed marks and history are deleted with it.{' '}
                  <Button size="small" onClick={() => void client.removePair({ pairId: pair.id }).then(onChanged, fail)}>
                    Remove pair and its notes
                  </Button>{' '}
                  <Button size="small" onClick={() => setConfirming(undefined)}>
                    Keep
                  </Button>
                </span>
              ) : (
                <Button size="small" onClick={() => setConfirming(pair.id)}>
                  Remove
                </Button>
              )}
            </li>
          ))}
        </ul>
      )}
      <PairChooser client={client} connections={connections} onChanged={onChanged} onError={fail} />
      {message && <p role="status">{message}</p>}
    </Section>
  );
}

/** A Cin7 Core account and a Xero organisation, chosen from the connected ones, made into a pair. */
export function PairChooser({
  client,
  connections,
  onChanged,
  onError,
}: {
  client: ConnectionsClient;
  connections: Connections;
  onChanged: () => void;
  onError: (failure: unknown) => void;
}) {
  const id = useId();
  const [account, setAccount] = useState('');
  const [tenant, setTenant] = useState('');
  return (
    <>
      {connections.cin7.accounts.length > 0 && connections.xero.tenants.length > 0 && (
        <div className="mg-field">
          <label htmlFor={`${id}-account`}>Cin7 Core account</label>
          <select id={`${id}-account`} value={account} onChange={(e) => setAccount(e.target.value)}>
            <option value="">Choose…</option>
            {connections.cin7.accounts.map((a) => (
              <option key={a.accountId} value={a.accountId}>
                {a.company ?? a.accountId}
              </option>
            ))}
          </select>
          <label htmlFor={`${id}-tenant`}>Xero organisation</label>
          <select id={`${id}-tenant`} value={tenant} onChange={(e) => setTenant(e.target.value)}>
            <option value="">Choose…</option>
            {connections.xero.tenants.map((t) => (
              <option key={t.tenantId} value={t.tenantId}>
                {t.tenantName ?? t.tenantId}
              </option>
            ))}
          </select>
          <Button
            variant="primary"
            disabled={!account || !tenant}
            onClick={() => void client.savePair({ cin7AccountId: account, xeroTenantId: tenant }).then(onChanged, onError)}
          >
            Add pair
          </Button>
        </div>
      )}
    </>
  );
}
