import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { createSecretStore } from '@/utils/background/secrets';
import { idbGet, openDatabase } from '@/utils/background/idb';

const tokenSchema = z.object({ refreshToken: z.string() });
let dbCounter = 0;
const freshName = () => `secrets-test-${++dbCounter}`;

describe('secret store', () => {
  it('round-trips a secret and validates it on the way out', async () => {
    const store = createSecretStore(freshName());
    await store.set('xero', { refreshToken: 'rt-123' });
    expect(await store.get('xero', tokenSchema)).toEqual({ refreshToken: 'rt-123' });
    expect(await store.get('xero', z.object({ other: z.string() }))).toBeUndefined();
    expect(await store.get('missing', tokenSchema)).toBeUndefined();
  });

  it('stores only ciphertext, under a non-extractable key', async () => {
    const name = freshName();
    const store = createSecretStore(name);
    await store.set('cin7:acc', { applicationKey: 'very-secret-key' });
    const db = await openDatabase(name, ['keys', 'secrets']);
    const sealed = (await idbGet(db, 'secrets', 'cin7:acc')) as { data: ArrayBuffer };
    const bytes = new TextDecoder().decode(new Uint8Array(sealed.data));
    expect(bytes).not.toContain('very-secret-key');
    const key = (await idbGet(db, 'keys', 'aes-gcm-v1')) as CryptoKey;
    expect(key.extractable).toBe(false);
    await expect(crypto.subtle.exportKey('raw', key)).rejects.toThrow();
    db.close();
  });

  it('reads secrets sealed by an earlier worker (same database, new store object)', async () => {
    const name = freshName();
    await createSecretStore(name).set('xero', { refreshToken: 'survives-restart' });
    expect(await createSecretStore(name).get('xero', tokenSchema)).toEqual({ refreshToken: 'survives-restart' });
  });

  it('deletes one secret and clears all', async () => {
    const store = createSecretStore(freshName());
    await store.set('a', { refreshToken: '1' });
    await store.set('b', { refreshToken: '2' });
    await store.delete('a');
    expect(await store.names()).toEqual(['b']);
    await store.clear();
    expect(await store.names()).toEqual([]);
    expect(await store.get('b', tokenSchema)).toBeUndefined();
  });

  it('never writes secrets into browser.storage', async () => {
    await createSecretStore(freshName()).set('xero', { refreshToken: 'rt-not-in-storage' });
    const everything = JSON.stringify([
      await fakeBrowser.storage.local.get(),
      await fakeBrowser.storage.sync.get(),
      await fakeBrowser.storage.session.get(),
    ]);
    expect(everything).not.toContain('rt-not-in-storage');
  });
});
