const STORAGE_KEY = 'status-embed:dismissed';
/** As MAX_REMEMBERED_DISMISSALS in shared/embed/dismissal.ts (a unit test keeps them equal; that module brings zod). */
export const MAX_DISMISSALS = 20;

/** What storage held, if it is a list of strings (else nothing is dismissed: never an error on a customer page). */
export function parseStoredKeys(stored: string | null): string[] {
  try {
    const keys: unknown = JSON.parse(stored || '[]');
    return Array.isArray(keys) && keys.every((key) => typeof key === 'string') ? keys.slice(-MAX_DISMISSALS) : [];
  } catch {
    return [];
  }
}

/**
 * What the loader needs: the stored keys, unchecked (it only asks whether one is there), read at once. The card
 * stage keeps them with createDismissalStore, in memory too when storage fails.
 */
export function readDismissals(): unknown[] {
  try {
    return [].concat(JSON.parse(localStorage.getItem(STORAGE_KEY) || '[]')); // a list stays a list; anything else, a list of one
  } catch {
    return [];
  }
}

/**
 * The visitor's dismissals, in the host page's localStorage. Storage can be missing or throw (privacy modes,
 * sandboxed frames): then they last as long as the page, which is still what the visitor asked for.
 */
export function createDismissalStore(getStorage: () => Storage = () => localStorage) {
  let memory: string[] | undefined; // set once storage has failed
  const read = (): string[] => {
    try {
      return memory ?? parseStoredKeys(getStorage().getItem(STORAGE_KEY));
    } catch {
      memory = [];
      return memory;
    }
  };
  return {
    read,
    remember(key: string) {
      const keys = [...read().filter((known) => known !== key), key].slice(-MAX_DISMISSALS);
      if (!memory) {
        try {
          return getStorage().setItem(STORAGE_KEY, JSON.stringify(keys));
        } catch {}
      }
      memory = keys;
    },
  };
}
