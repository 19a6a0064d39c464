// The settings an options section edits: loaded once, saved by the background (which answers with what it kept),
// "Saved." or the error in words. Shared by the sections that edit settings (schedule, notifications).
import { useEffect, useState } from 'react';
import type { Settings } from '../../utils/protocol/shapes';
import { errorText, type MappingGuardClient } from '../ui/client';

export function useSettings(client: Pick<MappingGuardClient, 'getSettings' | 'setSettings'>) {
  const [settings, setSettings] = useState<Settings>();
  const [message, setMessage] = useState<string>();
  useEffect(() => {
    client.getSettings().then(setSettings, (failure: unknown) => setMessage(errorText(failure)));
  }, [client]);

  /** Shows the change at once, then what the background saved. */
  const save = (change: Partial<Settings>) => {
    setSettings((current) => (current ? { ...current, ...change } : current));
    return client.setSettings(change).then(
      (saved) => {
        setSettings(saved);
        setMessage('Saved.');
      },
      (failure: unknown) => setMessage(errorText(failure)),
    );
  };
  return { settings, message, setMessage, save };
}
