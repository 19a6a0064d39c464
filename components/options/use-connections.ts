import { useCallback, useEffect, useState } from 'react';
import type { Connections } from '../../utils/protocol/shapes';
import { errorText, type OptionsClient, type PairList } from '../ui/client';

/** The connections and pairs, re-read whenever the background says something changed (options and welcome pages). */
export function useConnections(client: OptionsClient, onReload?: () => void) {
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
    onReload?.();
  }, [client, onReload]);

  useEffect(() => {
    reload();
    return client.onStatusChanged(() => reload());
  }, [client, reload]);

  return { connections, pairs, error, reload };
}
