// Issue #15 item 9: the key that seals the secrets can be kept for the browser session only (storage.session: gone
// after a restart, never in the profile's IndexedDB) or derived from a passphrase (PBKDF2: only a salt and a check
// value are stored; after a restart the store is locked until the passphrase is entered again).
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { createSecretStore } from '@/utils/background/secrets';
import { idbGet, idbKeys, openDatabase } from '@/utils/background/idb';

const tokenSchema = z.object({ refreshToken: z.string() });
let counter = 0;
const freshName = () => `secret-protection-${++counter}`;
/** Few iterations keep the test fast; the production count is PBKDF2_ITERATIONS. */
const fast = { pbkdf2Iterations: 1000 };
/** What a browser restart does: storage.session is emptied and the worker starts with a new store object. */
const restartBrowser = async () => fakeBrowser.storage.session.clear();

async function keysInProfile(name: string): Promise<string[]> {
  const db = await openDatabase(name, ['keys', 'secrets']);
  const keys = await idbKeys(db, 'keys');
  db.close();
  return keys;
}

describe('session-only key', () => {
  it('re-seals existing secrets, removes the key from the profile and keeps reading them through worker restarts', async () => {
    const name = freshName();
    const store = createSecretStore(name);
    await store.set('xero', { refreshToken: 'rt-1' });
    await store.setProtection('session');
    expect(await store.protection()).toEqual({ mode: 'session', locked: false });
    expect(await keysInProfile(name)).not.toContain('aes-gcm-v1');
    // A new worker (same browser session) reads them.
    expect(await createSecretStore(name).get('xero', tokenSchema)).toEqual({ refreshToken: 'rt-1' });
  });

  it('after a browser restart the old secrets are gone and new ones can be saved (the user reconnects)', async () => {
    const name = freshName();
    const store = createSecretStore(name);
    await store.setProtection('session');
    await store.set('xero', { refreshToken: 'rt-before' });
    await restartBrowser();
    const after = createSecretStore(name);
    expect(await after.get('xero', tokenSchema)).toBeUndefined();
    await after.set('xero', { refreshToken: 'rt-after' });
    expect(await after.names()).toEqual(['xero']);
    expect(await createSecretStore(name).get('xero', tokenSchema)).toEqual({ refreshToken: 'rt-after' });
  });

  it('nothing readable from the profile alone: the stored data holds no key that opens the ciphertext', async () => {
    const name = freshName();
    const store = createSecretStore(name);
    await store.setProtection('session');
    await store.set('cin7:acc', { refreshToken: 'session-secret' });
    const db = await openDatabase(name, ['keys', 'secrets']);
    const everything = JSON.stringify([await idbGet(db, 'keys', 'protection-v1'), await fakeBrowser.storage.local.get()]);
    db.close();
    expect(everything).not.toContain('session-secret');
    expect(await keysInProfile(name)).toEqual(['protection-v1']);
  });

  it('back to the profile key keeps the secrets and survives a restart again', async () => {
    const name = freshName();
    const store = createSecretStore(name);
    await store.setProtection('session');
    await store.set('xero', { refreshToken: 'rt-2' });
    await store.setProtection('profile');
    await restartBrowser();
    expect(await createSecretStore(name).get('xero', tokenSchema)).toEqual({ refreshToken: 'rt-2' });
  });
});

describe('passphrase key', () => {
  it('re-seals under the passphrase, locks after a restart, and unlocks only with the right passphrase', async () => {
    const name = freshName();
    const store = createSecretStore(name, fast);
    await store.set('xero', { refreshToken: 'rt-3' });
    await store.setProtection('passphrase', 'correct horse battery');
    expect(await store.get('xero', tokenSchema)).toEqual({ refreshToken: 'rt-3' });
    expect(await keysInProfile(name)).toEqual(['protection-v1']);

    await restartBrowser();
    const after = createSecretStore(name, fast);
    expect(await after.protection()).toEqual({ mode: 'passphrase', locked: true });
    expect(await after.get('xero', tokenSchema)).toBeUndefined();
    await expect(after.set('xero', { refreshToken: 'x' })).rejects.toMatchObject({ code: 'secrets-locked' });
    expect(await after.unlock('wrong horse')).toBe(false);
    expect(await after.protection()).toMatchObject({ locked: true });
    expect(await after.unlock('correct horse battery')).toBe(true);
    expect(await after.get('xero', tokenSchema)).toEqual({ refreshToken: 'rt-3' });
    // Unlocked for the browser session: the next worker reads without asking again.
    expect(await createSecretStore(name, fast).get('xero', tokenSchema)).toEqual({ refreshToken: 'rt-3' });
  });

  it('a forgotten passphrase is not a lock-out: choosing another mode while locked starts afresh', async () => {
    const name = freshName();
    await createSecretStore(name, fast).set('xero', { refreshToken: 'rt-4' });
    await createSecretStore(name, fast).setProtection('passphrase', 'correct horse battery');
    await restartBrowser();
    const locked = createSecretStore(name, fast);
    await expect(locked.set('xero', { refreshToken: 'x' })).rejects.toMatchObject({ code: 'secrets-locked' });
    await locked.setProtection('profile');
    expect(await locked.protection()).toEqual({ mode: 'profile', locked: false });
    expect(await locked.names()).toEqual([]); // what the forgotten passphrase sealed cannot be carried over
    await locked.set('xero', { refreshToken: 'rt-new' });
    expect(await createSecretStore(name, fast).get('xero', tokenSchema)).toEqual({ refreshToken: 'rt-new' });
  });

  it('refuses the passphrase mode without a passphrase, and unlock means nothing in other modes', async () => {
    const store = createSecretStore(freshName(), fast);
    await expect(store.setProtection('passphrase')).rejects.toThrow(/passphrase/);
    expect(await store.unlock('anything')).toBe(false);
    expect(await store.protection()).toEqual({ mode: 'profile', locked: false });
  });

  it('clear keeps the mode and the passphrase: later secrets are still sealed by it', async () => {
    const name = freshName();
    const store = createSecretStore(name, fast);
    await store.setProtection('passphrase', 'a long passphrase');
    await store.set('a', { refreshToken: '1' });
    await store.clear();
    expect(await store.names()).toEqual([]);
    await store.set('b', { refreshToken: '2' });
    await restartBrowser();
    const after = createSecretStore(name, fast);
    expect(await after.unlock('a long passphrase')).toBe(true);
    expect(await after.get('b', tokenSchema)).toEqual({ refreshToken: '2' });
  });
});

describe('the actions', () => {
  it('are for extension pages only, strict and bounded', async () => {
    const { actions } = await import('@/utils/protocol/actions');
    for (const name of ['getSecretProtection', 'setSecretProtection', 'unlockSecrets'] as const) expect(actions[name].sender).toBe('extension');
    const set = actions.setSecretProtection.args;
    expect(set.safeParse({ mode: 'session' }).success).toBe(true);
    expect(set.safeParse({ mode: 'passphrase' }).success).toBe(false);
    expect(set.safeParse({ mode: 'passphrase', passphrase: 'too short' }).success).toBe(false);
    expect(set.safeParse({ mode: 'passphrase', passphrase: 'x'.repeat(201) }).success).toBe(false);
    expect(set.safeParse({ mode: 'session', key: 'extra' }).success).toBe(false);
    expect(actions.unlockSecrets.args.safeParse({ passphrase: 'p', also: 1 }).success).toBe(false);
  });
});
