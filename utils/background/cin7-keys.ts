// A Cin7 Core account's API credentials (account id + application key), kept in the encrypted secret store under one
// name per account. The list of known accounts (no keys) is in storage.local (state.ts).
import { z } from 'zod';
import type { Cin7Credentials } from '../cin7/api/client';
import type { SecretStore } from './secrets';

const secretName = (accountId: string) => `cin7:${accountId}`;
const credentialsSchema = z.object({ accountId: z.string(), applicationKey: z.string() });

export interface Cin7Keys {
  get(accountId: string): Promise<Cin7Credentials | undefined>;
  save(credentials: Cin7Credentials): Promise<void>;
  remove(accountId: string): Promise<void>;
}

export function cin7Keys(secrets: SecretStore): Cin7Keys {
  return {
    get: (accountId) => secrets.get(secretName(accountId), credentialsSchema),
    save: (credentials) => secrets.set(secretName(credentials.accountId), credentials),
    remove: (accountId) => secrets.delete(secretName(accountId)),
  };
}
