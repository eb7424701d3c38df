import { parseDismissedKeys, rememberDismissal } from '../../shared/embed/dismissal';

const STORAGE_KEY = 'status-embed:dismissed';

/**
 * The visitor's dismissals, in the host page's localStorage. Storage can be missing or throw (privacy modes,
 * sandboxed frames): then they last as long as the page, which is still what the visitor asked for.
 */
export function createDismissalStore(getStorage: () => Storage = () => localStorage) {
  let memory: string[] | undefined; // set once storage has failed
  const read = (): string[] => {
    try {
      return memory ?? parseDismissedKeys(getStorage().getItem(STORAGE_KEY));
    } catch {
      return (memory = []);
    }
  };
  return {
    read,
    remember(key: string) {
      const keys = rememberDismissal(read(), key);
      if (!memory) {
        try {
          return getStorage().setItem(STORAGE_KEY, JSON.stringify(keys));
        } catch {}
      }
      memory = keys;
    },
  };
}
