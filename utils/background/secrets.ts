// Secrets (Xero tokens, Cin7 application keys) live only in the extension origin's IndexedDB, encrypted with AES-GCM.
// Content scripts can reach storage.local/sync but not this database. Where the key comes from is the user's choice
// (secret-keys.ts): a non-extractable key in the same profile (default), a key for the browser session only, or one
// derived from a passphrase. What each protects against is in the README's Security section.
import { UserFacingError } from '../net/user-error';
import type { SecretStore } from '../net/secret-store';
import { idbClear, idbDelete, idbGet, idbKeys, idbPut, openDatabase } from './idb';
import {
  CHECK_TEXT,
  deriveKeyBytes,
  importAesKey,
  keyConfigSchema,
  PBKDF2_ITERATIONS,
  randomBytes,
  sessionKeySlot,
  type KeyConfig,
  type SecretProtection,
} from './secret-keys';

const DB_NAME = 'mapping-guard-secrets';
const KEY_STORE = 'keys';
const SECRET_STORE = 'secrets';
const KEY_ID = 'aes-gcm-v1';
const CONFIG_ID = 'protection-v1';

interface SealedSecret {
  iv: Uint8Array<ArrayBuffer>;
  data: ArrayBuffer;
}

export type { SecretStore, SecretProtection };

export interface ProtectionState {
  mode: SecretProtection;
  /** Passphrase mode after a browser restart: nothing can be read or saved until the user unlocks. */
  locked: boolean;
}

/** The secret store plus the choice of where its key comes from (the options page's "Saved keys" section). */
export interface ProtectedSecretStore extends SecretStore {
  protection(): Promise<ProtectionState>;
  /** Re-seals every readable secret under a key of the new kind; refuses while locked. */
  setProtection(mode: SecretProtection, passphrase?: string): Promise<void>;
  /** Passphrase mode: true when the passphrase opens the store (kept for the browser session). */
  unlock(passphrase: string): Promise<boolean>;
}

export const lockedError = () =>
  new UserFacingError('Mapping Guard’s saved connections are locked: enter your passphrase in Mapping Guard’s options.', 'secrets-locked');

async function seal(key: CryptoKey, value: unknown): Promise<SealedSecret> {
  const iv = randomBytes(12);
  const data = await crypto.subtle.encrypt({ name: 'AES-GCM', iv }, key, new TextEncoder().encode(JSON.stringify(value)));
  return { iv, data };
}

/** The sealed value, or undefined when this key cannot open it. */
async function unseal(key: CryptoKey, sealed: SealedSecret | undefined): Promise<unknown> {
  if (!sealed?.iv || !sealed.data) return undefined;
  try {
    return JSON.parse(new TextDecoder().decode(await crypto.subtle.decrypt({ name: 'AES-GCM', iv: sealed.iv }, key, sealed.data)));
  } catch {
    return undefined; // Sealed with a key that no longer exists: treat as absent.
  }
}

export function createSecretStore(dbName = DB_NAME, options: { pbkdf2Iterations?: number } = {}): ProtectedSecretStore {
  let database: Promise<IDBDatabase> | undefined;
  let cryptoKey: Promise<CryptoKey> | undefined;
  const db = () => (database ??= openDatabase(dbName, [KEY_STORE, SECRET_STORE]));
  const sessionKey = sessionKeySlot(dbName);

  async function config(): Promise<KeyConfig> {
    const parsed = keyConfigSchema.safeParse(await idbGet(await db(), KEY_STORE, CONFIG_ID));
    return parsed.success ? parsed.data : { mode: 'profile' };
  }

  async function loadKey(): Promise<CryptoKey> {
    const { mode } = await config();
    if (mode === 'profile') {
      const stored = await idbGet(await db(), KEY_STORE, KEY_ID);
      if (stored instanceof CryptoKey) return stored;
      const key = await crypto.subtle.generateKey({ name: 'AES-GCM', length: 256 }, false, ['encrypt', 'decrypt']);
      await idbPut(await db(), KEY_STORE, KEY_ID, key);
      return key;
    }
    const held = await sessionKey.get();
    if (held) return importAesKey(held);
    if (mode === 'passphrase') throw lockedError();
    // Session mode after a browser restart: what was sealed before can never be opened again; start afresh.
    await idbClear(await db(), SECRET_STORE);
    const bytes = randomBytes(32);
    await sessionKey.set(bytes);
    return importAesKey(bytes);
  }
  const key = () => (cryptoKey ??= loadKey().catch((error: unknown) => {
    cryptoKey = undefined;
    throw error;
  }));

  const sealedOf = async (name: string) => (await idbGet(await db(), SECRET_STORE, name)) as SealedSecret | undefined;
  const store: ProtectedSecretStore = {
    async get(name, schema) {
      const sealed = await sealedOf(name);
      if (!sealed) return undefined;
      const current = await key().catch(() => undefined); // locked: nothing is readable
      const parsed = schema.safeParse(current ? await unseal(current, sealed) : undefined);
      return parsed.success ? parsed.data : undefined;
    },
    async set(name, value) {
      await idbPut(await db(), SECRET_STORE, name, await seal(await key(), value));
    },
    async delete(name) {
      await idbDelete(await db(), SECRET_STORE, name);
    },
    async names() {
      return idbKeys(await db(), SECRET_STORE);
    },
    async clear() {
      await idbClear(await db(), SECRET_STORE);
      // A passphrase's key stays the passphrase's; the other kinds get a new key, so nothing old can be opened.
      const { mode } = await config();
      if (mode === 'profile') await idbDelete(await db(), KEY_STORE, KEY_ID);
      if (mode === 'session') await sessionKey.remove();
      cryptoKey = undefined;
    },
    async protection() {
      const { mode } = await config();
      return { mode, locked: mode === 'passphrase' && !(await sessionKey.get()) };
    },
    async setProtection(mode, passphrase) {
      if (mode === 'passphrase' && !passphrase) throw new UserFacingError('Choose a passphrase first.', 'not-found');
      // Locked (a passphrase not entered, or forgotten): nothing can be carried over, and the user starts afresh in
      // the new mode rather than being locked out for good.
      const current = await key().catch(() => undefined);
      const plain: [string, unknown][] = [];
      for (const name of await store.names()) plain.push([name, current ? await unseal(current, await sealedOf(name)) : undefined]);
      let next: KeyConfig = { mode };
      let nextKey: CryptoKey;
      if (mode === 'profile') {
        nextKey = await crypto.subtle.generateKey({ name: 'AES-GCM', length: 256 }, false, ['encrypt', 'decrypt']);
        await idbPut(await db(), KEY_STORE, KEY_ID, nextKey);
        await sessionKey.remove();
      } else {
        const iterations = options.pbkdf2Iterations ?? PBKDF2_ITERATIONS;
        const salt = randomBytes(16);
        const bytes = mode === 'session' ? randomBytes(32) : await deriveKeyBytes(passphrase ?? '', salt, iterations);
        nextKey = await importAesKey(bytes);
        if (mode === 'passphrase') next = { mode, salt, iterations, check: await seal(nextKey, CHECK_TEXT) };
        await sessionKey.set(bytes);
        await idbDelete(await db(), KEY_STORE, KEY_ID); // the profile no longer holds a key that opens the secrets
      }
      await idbPut(await db(), KEY_STORE, CONFIG_ID, next);
      cryptoKey = Promise.resolve(nextKey);
      for (const [name, value] of plain) {
        if (value === undefined) await store.delete(name);
        else await store.set(name, value);
      }
    },
    async unlock(passphrase) {
      const stored = await config();
      if (stored.mode !== 'passphrase' || !stored.salt || !stored.iterations || !stored.check) return false;
      const bytes = await deriveKeyBytes(passphrase, stored.salt, stored.iterations);
      const candidate = await importAesKey(bytes);
      if ((await unseal(candidate, stored.check)) !== CHECK_TEXT) return false;
      await sessionKey.set(bytes);
      cryptoKey = Promise.resolve(candidate);
      return true;
    },
  };
  return store;
}
