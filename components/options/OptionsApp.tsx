import { useCallback, useEffect, useState } from 'react';
import type { Connections } from '../../utils/protocol/shapes';
import { errorText, type OptionsClient, type PairList } from '../ui/client';
import { Cin7ConnectionSection } from './Cin7ConnectionSection';
import { NotificationsSection, type NotificationPermission } from './NotificationsSection';
import { OptionsSections } from './OptionsSections';
import { PairsSection } from './PairsSection';
import { SecretProtectionSection } from './SecretProtectionSection';
import { XeroConnectionSection } from './XeroConnectionSection';

const NO_PERMISSION: NotificationPermission = { request: async () => false };

/** The options page: connections and pairs first, then the other sections. */
export function OptionsApp({ client, notificationPermission = NO_PERMISSION }: { client: OptionsClient; notificationPermission?: NotificationPermission }) {
  const [connections, setConnections] = useState<Connections>();
  const [pairs, setPairs] = useState<PairList>({ pairs: [] });
  const [error, setError] = useState<string>();

  const reload = useCallback(() => {
    Promise.all([client.getConnections(), client.listPairs()]).then(
      ([nextConnections, nextPairs]) => {
        setConnections(nextConnections);
        setPairs(nextPairs);
        setError(undefined);
      },
      (failure: unknown) => setError(errorText(failure)),
    );
  }, [client]);

  useEffect(() => {
    reload();
    return client.onStatusChanged(() => reload());
  }, [client, reload]);

  return (
    <main className="mg-options">
      <h1>Mapping Guard</h1>
      <p>
        <a href="/practice.html">All clients on one page</a>
      </p>
      {error && <p role="alert">{error}</p>}
      {connections ? (
        <>
          <XeroConnectionSection client={client} xero={connections.xero} onChanged={reload} />
          <Cin7ConnectionSection client={client} cin7={connections.cin7} onChanged={reload} />
          <SecretProtectionSection client={client} onChanged={reload} />
          <PairsSection
            client={client}
            connections={connections}
            pairs={pairs.pairs}
            selectedPairId={pairs.selectedPairId}
            onChanged={reload}
          />
          <NotificationsSection client={client} permission={notificationPermission} xeroConnections={connections.xero.tenants.length} />
          <OptionsSections client={client} pairId={pairs.selectedPairId} />
        </>
      ) : (
        !error && <p>Loading…</p>
      )}
    </main>
  );
}
