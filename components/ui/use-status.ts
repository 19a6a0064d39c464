import { useCallback, useEffect, useState } from 'react';
import type { Status } from '../../utils/protocol/shapes';
import { errorText, type MappingGuardClient } from './client';

export interface StatusState {
  status?: Status;
  error?: string;
  loading: boolean;
  reload(): void;
}

/** A pair's status from the background, re-read whenever the background says it changed. */
export function useStatus(
  client: MappingGuardClient,
  query: { pairId?: string; host?: 'cin7' | 'xero'; tabId?: number },
): StatusState {
  const [status, setStatus] = useState<Status>();
  const [error, setError] = useState<string>();
  const [loading, setLoading] = useState(true);
  const [generation, setGeneration] = useState(0);
  const reload = useCallback(() => setGeneration((value) => value + 1), []);
  const { pairId, host, tabId } = query;

  useEffect(() => {
    let current = true;
    client.getStatus({ pairId, host, ...(tabId === undefined ? {} : { tabId }) }).then(
      (next) => {
        if (!current) return;
        setStatus(next);
        setError(undefined);
        setLoading(false);
      },
      (failure: unknown) => {
        if (!current) return;
        setError(errorText(failure));
        setLoading(false);
      },
    );
    return () => {
      current = false;
    };
  }, [client, pairId, host, tabId, generation]);

  useEffect(
    () =>
      client.onStatusChanged((event) => {
        if (!event.pairId || !pairId || event.pairId === pairId) reload();
      }),
    [client, pairId, reload],
  );

  return { status, error, loading, reload };
}
