// Secrets (Xero tokens, Cin7 application keys) live only in the extension origin's IndexedDB, encrypted with an
// AES-GCM key that WebCrypto created non-extractable and that IndexedDB stores as a CryptoKey object. Content scripts
// can reach storage.local/sync but not this database; the key cannot be exported even by the extension itself.
import type { SecretStore } from '../net/secret-store';
import { idbClear, idbDelete, idbGet, idbKeys, idbPut, openDatabase } from './idb';

const DB_NAME = 'mapping-guard-secrets';
const KEY_STORE = 'keys';
const SECRET_STORE = 'secrets';
const KEY_ID = 'aes-gcm-v1';

interface SealedSecret {
  iv: Uint8Array<ArrayBuffer>;
  data: ArrayBuffer;
}

export type { SecretStore };

export function createSecretStore(dbName = DB_NAME): SecretStore {
  let database: Promise<IDBDatabase> | undefined;
  let cryptoKey: Promise<CryptoKey> | undefined;
  const db = () => (database ??= openDatabase(dbName, [KEY_STORE, SECRET_STORE]));

  async function loadOrCreateKey(): Promise<CryptoKey> {
    const stored = await idbGet(await db(), KEY_STORE, KEY_ID);
    if (stored instanceof CryptoKey) return stored;
    const key = await crypto.subtle.generateKey({ name: 'AES-GCM', length: 256 }, false, ['encrypt', 'decrypt']);
    await idbPut(await db(), KEY_STORE, KEY_ID, key);
    return key;
  }
  const key = () => (cryptoKey ??= loadOrCreateKey().catch((error: unknown) => {
    cryptoKey = undefined;
    throw error;
  }));

  return {
    async get(name, schema) {
      const sealed = (await idbGet(await db(), SECRET_STORE, name)) as SealedSecret | undefined;
      if (!sealed?.iv || !sealed.data) return undefined;
      try {
        const plain = await crypto.subtle.decrypt({ name: 'AES-GCM', iv: sealed.iv }, await key(), sealed.data);
        const parsed = schema.safeParse(JSON.parse(new TextDecoder().decode(plain)));
        return parsed.success ? parsed.data : undefined;
      } catch {
        return undefined; // Sealed with a key that no longer exists: treat as absent.
      }
    },
    async set(name, value) {
      const iv = crypto.getRandomValues(new Uint8Array(12));
      const plain = new TextEncoder().encode(JSON.stringify(value));
      const data = await crypto.subtle.encrypt({ name: 'AES-GCM', iv }, await key(), plain);
      await idbPut(await db(), SECRET_STORE, name, { iv, data } satisfies SealedSecret);
    },
    async delete(name) {
      await idbDelete(await db(), SECRET_STORE, name);
    },
    async names() {
      return idbKeys(await db(), SECRET_STORE);
    },
    async clear() {
      await idbClear(await db(), SECRET_STORE);
      await idbClear(await db(), KEY_STORE);
      cryptoKey = undefined;
    },
  };
}
