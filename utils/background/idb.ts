// Minimal promise helpers over IndexedDB (the extension origin's database: content scripts cannot reach it).

/** Opens `name` with one key-value object store per entry of `stores` (created on first open). */
export function openDatabase(name: string, stores: readonly string[], version = 1): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open(name, version);
    request.onupgradeneeded = () => {
      for (const store of stores) {
        if (!request.result.objectStoreNames.contains(store)) request.result.createObjectStore(store);
      }
    };
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error ?? new Error(`IndexedDB ${name} could not be opened`));
    request.onblocked = () => reject(new Error(`IndexedDB ${name} is blocked by another connection`));
  });
}

function done<T>(request: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error ?? new Error('IndexedDB request failed'));
  });
}

export async function idbGet(db: IDBDatabase, store: string, key: string): Promise<unknown> {
  return done(db.transaction(store, 'readonly').objectStore(store).get(key));
}

/** Values whose keys lie in [lower, upper], in key order, in one transaction. */
export async function idbGetRange(db: IDBDatabase, store: string, lower: string, upper: string): Promise<unknown[]> {
  return done(db.transaction(store, 'readonly').objectStore(store).getAll(IDBKeyRange.bound(lower, upper)));
}

export async function idbPut(db: IDBDatabase, store: string, key: string, value: unknown): Promise<void> {
  const transaction = db.transaction(store, 'readwrite');
  transaction.objectStore(store).put(value, key);
  await committed(transaction);
}

export async function idbDelete(db: IDBDatabase, store: string, key: string): Promise<void> {
  const transaction = db.transaction(store, 'readwrite');
  transaction.objectStore(store).delete(key);
  await committed(transaction);
}

export async function idbClear(db: IDBDatabase, store: string): Promise<void> {
  const transaction = db.transaction(store, 'readwrite');
  transaction.objectStore(store).clear();
  await committed(transaction);
}

export async function idbKeys(db: IDBDatabase, store: string): Promise<string[]> {
  const keys = await done(db.transaction(store, 'readonly').objectStore(store).getAllKeys());
  return keys.map(String);
}

function committed(transaction: IDBTransaction): Promise<void> {
  return new Promise((resolve, reject) => {
    transaction.oncomplete = () => resolve();
    transaction.onerror = () => reject(transaction.error ?? new Error('IndexedDB transaction failed'));
    transaction.onabort = () => reject(transaction.error ?? new Error('IndexedDB transaction aborted'));
  });
}
