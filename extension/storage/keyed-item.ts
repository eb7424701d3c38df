import { storage, type WxtStorageItem } from 'wxt/utils/storage';

export type Item<T> = WxtStorageItem<T, {}>;

/**
 * One storage item per id under `prefix` (`local:draft.embed.<pageId>`...), each defined once: writes for one
 * page or user never race writes for another, and every caller watches the same item.
 */
export function keyedItem<T>(prefix: `local:${string}.`): (id: string) => Item<T | null> {
  const items = new Map<string, Item<T | null>>();
  return (id) => {
    let item = items.get(id);
    if (!item) {
      item = storage.defineItem<T | null>(`${prefix}${id}`, { version: 1, fallback: null });
      items.set(id, item);
    }
    return item;
  };
}
