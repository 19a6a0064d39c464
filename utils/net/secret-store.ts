// What the API clients need of the secret store (implemented in utils/background/secrets.ts): declared here, below
// both, so that a client never imports the background.
import type { z } from 'zod';

export interface SecretStore {
  /** The secret under `name` validated by `schema`, or undefined when absent or unreadable. */
  get<T>(name: string, schema: z.ZodType<T>): Promise<T | undefined>;
  set(name: string, value: unknown): Promise<void>;
  delete(name: string): Promise<void>;
  names(): Promise<string[]>;
  /** Forgets every secret (and the key, so nothing sealed before can be opened again). */
  clear(): Promise<void>;
}
