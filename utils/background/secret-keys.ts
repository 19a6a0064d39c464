// Where the AES-GCM key that seals the secrets comes from (issue #15 item 9). WebCrypto keeps a key non-extractable
// for script, but the browser stores a key kept in IndexedDB in the same profile as the ciphertext, so anyone who can
// read the profile on disk can decrypt. The options page can therefore choose:
// - `profile` (default): a non-extractable key in IndexedDB; survives restarts; protects against pages and content
//   scripts, not against someone with the profile's files.
// - `session`: random key bytes held in storage.session (memory only, never written to disk by the browser, cleared
//   when the browser quits, readable by extension pages and the worker only); after a restart the user reconnects.
// - `passphrase`: the key is derived from the user's passphrase (PBKDF2-SHA-256); only a salt and a check value are
//   stored; the derived bytes are held in storage.session as above, so after a restart the user unlocks again.
import { browser } from 'wxt/browser';
import { storage } from 'wxt/utils/storage';
import { z } from 'zod';
import { SECRET_PROTECTIONS } from '../protocol/shapes';

export { SECRET_PROTECTIONS };
export type SecretProtection = (typeof SECRET_PROTECTIONS)[number];

/** OWASP's 2023 figure for PBKDF2-HMAC-SHA-256. */
export const PBKDF2_ITERATIONS = 600_000;

const bytesSchema = z.instanceof(Uint8Array);
export const keyConfigSchema = z.object({
  mode: z.enum(SECRET_PROTECTIONS),
  salt: bytesSchema.optional(),
  iterations: z.number().int().min(1).max(10_000_000).optional(),
  /** A known text sealed with the derived key: a wrong passphrase fails to open it. */
  check: z.object({ iv: bytesSchema, data: z.instanceof(ArrayBuffer) }).optional(),
});
export type KeyConfig = z.infer<typeof keyConfigSchema>;

export const CHECK_TEXT = 'mapping-guard-passphrase-check';

export function randomBytes(length: number): Uint8Array<ArrayBuffer> {
  return crypto.getRandomValues(new Uint8Array(length));
}

/** A non-extractable AES-GCM key made from raw bytes. */
export function importAesKey(bytes: Uint8Array<ArrayBuffer>): Promise<CryptoKey> {
  return crypto.subtle.importKey('raw', bytes, { name: 'AES-GCM' }, false, ['encrypt', 'decrypt']);
}

/** 256 key bits from a passphrase (PBKDF2-HMAC-SHA-256). */
export async function deriveKeyBytes(passphrase: string, salt: Uint8Array<ArrayBuffer>, iterations: number): Promise<Uint8Array<ArrayBuffer>> {
  const material = await crypto.subtle.importKey('raw', new TextEncoder().encode(passphrase), 'PBKDF2', false, ['deriveBits']);
  return new Uint8Array(await crypto.subtle.deriveBits({ name: 'PBKDF2', hash: 'SHA-256', salt, iterations }, material, 256));
}

const toBase64 = (bytes: Uint8Array) => btoa(String.fromCharCode(...bytes));
const fromBase64 = (text: string) => Uint8Array.from(atob(text), (char) => char.charCodeAt(0));

/** Key bytes held for the browser session only (storage.session), one slot per secrets database. */
export function sessionKeySlot(dbName: string) {
  const item = storage.defineItem<string | null>(`session:secretKey:${dbName}`, { fallback: null });
  return {
    async get(): Promise<Uint8Array<ArrayBuffer> | undefined> {
      const stored = await item.getValue();
      return stored ? fromBase64(stored) : undefined;
    },
    async set(bytes: Uint8Array): Promise<void> {
      await restrictSessionStorage();
      await item.setValue(toBase64(bytes));
    },
    remove: () => item.removeValue(),
  };
}

/**
 * storage.session is for trusted contexts (extension pages, the worker) unless someone opens it to content scripts:
 * say so explicitly before key bytes go there. Browsers without the call keep session storage from content scripts.
 */
async function restrictSessionStorage(): Promise<void> {
  const area = browser.storage.session as unknown as { setAccessLevel?: (options: { accessLevel: string }) => Promise<void> };
  await area.setAccessLevel?.({ accessLevel: 'TRUSTED_CONTEXTS' }).catch(() => undefined);
}
