import { MAX_REMEMBERED_DISMISSALS as MAX_DISMISSALS } from '../../../shared/constants';

const STORAGE_KEY = 'status-embed:dismissed';

/**
 * The stored keys, unchecked (the loader only asks whether one is there), read at once; nothing when storage
 * throws or holds garbage, never an error on a customer page. The card stage reads through this one too (the
 * loader lends it), and keeps only the strings.
 */
export function readDismissals(): unknown[] {
  try {
    return [].concat(JSON.parse(localStorage[STORAGE_KEY] || '[]')); // a list stays a list; anything else, a list of one
  } catch {
    return [];
  }
}

/**
 * The visitor's dismissals, in the host page's localStorage (read with `readStored`, the loader's
 * readDismissals). Storage can be missing or throw (privacy modes, sandboxed frames): then they last as long as
 * the page, which is still what the visitor asked for.
 */
export function createDismissalStore(readStored: () => unknown[], getStorage: () => Storage = () => localStorage) {
  let memory: string[] | undefined; // set once writing has failed
  const read = (): string[] =>
    memory ??
    readStored()
      .filter((key): key is string => typeof key === 'string')
      .slice(-MAX_DISMISSALS);
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
