import { useState } from 'react';
import { errorText } from '../ui/client';

/**
 * One connection action at a time, told in words: `busy` while it runs (the section's buttons wait), then `message`
 * says what `done` made of the result, or why it failed.
 */
export function useBusyAction() {
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<string>();

  const run = <T>(work: () => Promise<T>, done: (result: T) => string) => {
    setBusy(true);
    setMessage(undefined);
    work()
      .then(
        (result) => setMessage(done(result)),
        (failure: unknown) => setMessage(errorText(failure)),
      )
      .finally(() => setBusy(false));
  };

  return { busy, message, setMessage, run };
}
