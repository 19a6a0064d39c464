import { useCallback, useEffect, useState } from 'react';
import type { Connections, Pair } from '../../utils/protocol/shapes';
import { OptionsSections } from '../../components/options/OptionsSections';
import { errorText, type MappingGuardClient } from '../../components/ui/client';
import type { ConnectionsClient } from './connections-client';
import { Cin7ConnectionSection } from './Cin7ConnectionSection';
import { PairsSection } from './PairsSection';
import { XeroConnectionSection } from './XeroConnectionSection';

/** The options page: connections and pairs first, then the other sections (components/options). */
export function OptionsApp({ connectionsClient, client }: { connectionsClient: ConnectionsClient; client: MappingGuardClient }) {
  const [connections, setConnections] = useState<Connections>();
  const [pairs, setPairs] = useState<{ pairs: Pair[]; selectedPairId?: string }>({ pairs: [] });
  const [error, setError] = useState<string>();

  const reload = useCallback(() => {
    Promise.all([connectionsClient.getConnections(), connectionsClient.listPairs()]).then(
      ([nextConnections, nextPairs]) => {
        setConnections(nextConnections);
        setPairs(nextPairs);
        setError(undefined);
      },
      (failure: unknown) => setError(errorText(failure)),
    );
  }, [connectionsClient]);

  useEffect(() => {
    reload();
    return client.onStatusChanged(() => reload());
  }, [client, reload]);

  return (
    <main className="mg-options">
      <h1>Mapping Guard</h1>
      {error && <p role="alert">{error}</p>}
      {connections ? (
        <>
          <XeroConnectionSection client={connectionsClient} xero={connections.xero} onChanged={reload} />
          <Cin7ConnectionSection client={connectionsClient} cin7={connections.cin7} onChanged={reload} />
          <PairsSection
            client={connectionsClient}
            connections={connections}
            pairs={pairs.pairs}
            selectedPairId={pairs.selectedPairId}
            onChanged={reload}
          />
          <OptionsSections client={client} pairId={pairs.selectedPairId} />
        </>
      ) : (
        !error && <p>Loading…</p>
      )}
    </main>
  );
}
