// Typed-but-unsaved inputs. The welcome page provides a draft kept in session storage, so leaving a step and coming
// back never loses what was typed; without a provider (the options page) a field is plain component state.
import { createContext, useContext, useState } from 'react';

export interface Draft {
  values: Readonly<Record<string, string>>;
  set(key: string, value: string): void;
}

export const DraftContext = createContext<Draft | undefined>(undefined);

/** One text input's value: the draft's when a draft is provided (never a secret), else local state. */
export function useDraftField(key: string, initial: string): [string, (value: string) => void] {
  const draft = useContext(DraftContext);
  const [local, setLocal] = useState(initial);
  if (!draft) return [local, setLocal];
  return [draft.values[key] ?? initial, (value) => draft.set(key, value)];
}
