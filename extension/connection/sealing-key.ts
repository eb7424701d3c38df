import { createSealingKey } from './sealed-secret';

// The extension origin's IndexedDB: content scripts run in the web page's origin and cannot open it.
const DATABASE = 'statuspage-toolkit-keys';
const STORE = 'keys';
const KEY_NAME = 'api-key-sealing';

function request<T>(req: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
}

function openDatabase(): Promise<IDBDatabase> {
  const open = indexedDB.open(DATABASE, 1);
  open.onupgradeneeded = () => open.result.createObjectStore(STORE);
  return request(open);
}

let cachedKey: Promise<CryptoKey> | undefined;

/** The non-extractable AES key that seals the API key; made on first use. */
export function sealingKey(): Promise<CryptoKey> {
  cachedKey ??= (async () => {
    const db = await openDatabase();
    try {
      const existing = await request(db.transaction(STORE).objectStore(STORE).get(KEY_NAME));
      if (existing instanceof CryptoKey) return existing;
      const key = await createSealingKey();
      await request(db.transaction(STORE, 'readwrite').objectStore(STORE).put(key, KEY_NAME));
      return key;
    } finally {
      db.close();
    }
  })().catch((error: unknown) => {
    cachedKey = undefined;
    throw error;
  });
  return cachedKey;
}
