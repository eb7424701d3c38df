import type * as z from 'zod/mini';
import { type StoredItem, type StoredItemOptions, storedItem } from './stored-item';

/**
 * One storage item per id under `prefix` (`local:draft.embed.<pageId>`...), each defined once: writes for one page
 * or user never race writes for another, and every caller watches the same item. Ids come from the network and
 * from URLs, so only id-like text becomes part of a key.
 */
export function keyedItem<S extends z.ZodMiniType>(
  prefix: `local:${string}.`,
  options: StoredItemOptions<S>,
): (id: string) => StoredItem<z.output<S>> {
  const items = new Map<string, StoredItem<z.output<S>>>();
  return (id) => {
    if (!/^[\w-]{1,100}$/.test(id)) throw new TypeError(`Not an id: ${JSON.stringify(id).slice(0, 40)}`);
    let item = items.get(id);
    if (!item) {
      item = storedItem(`${prefix}${id}`, options);
      items.set(id, item);
    }
    return item;
  };
}
