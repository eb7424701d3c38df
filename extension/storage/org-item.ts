import * as z from 'zod/mini';
import { type StoredItem, type StoredItemOptions, storedItem } from './stored-item';

/**
 * A connection's id (one organization reached with one key): part of the storage key of everything that belongs to
 * it (`org.<connection id>.cache.pages`...), so that organizations live side by side and removing one removes all of
 * its data at once (clear.ts).
 */
export const ConnectionId = z.string().check(z.regex(/^c[a-z0-9]{4,32}$/, 'must be a connection id'));

/** A new connection's id: `c` and 12 random base-36 characters. */
export function newConnectionId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(12));
  return `c${[...bytes].map((byte) => (byte % 36).toString(36)).join('')}`;
}

export const organizationPrefix = (connectionId: string): string => `org.${checked(connectionId)}.`;

function checked(connectionId: string): string {
  if (!ConnectionId.safeParse(connectionId).success) throw new TypeError(`Not a connection id: ${JSON.stringify(connectionId).slice(0, 40)}`);
  return connectionId;
}

const ID = /^[\w-]{1,100}$/;

/**
 * One item per connection: `orgItem('cache.pages', ...)(connectionId)`; each defined once, so every caller watches the
 * same item. Options may depend on the connection (a migration that moves part of the value to another of its items).
 */
export function orgItem<S extends z.ZodMiniType>(
  name: string,
  options: StoredItemOptions<S> | ((connectionId: string) => StoredItemOptions<S>),
): (connectionId: string) => StoredItem<z.output<S>> {
  const items = new Map<string, StoredItem<z.output<S>>>();
  return (connectionId) => {
    let item = items.get(connectionId);
    if (!item) {
      item = storedItem(`local:${organizationPrefix(connectionId)}${name}`, typeof options === 'function' ? options(connectionId) : options);
      items.set(connectionId, item);
    }
    return item;
  };
}

/**
 * One item per connection and id (`orgKeyedItem('draft.embed.', ...)(connectionId, pageId)`): writes for one page or
 * user never race writes for another. Ids come from the network and from URLs, so only id-like text becomes a key.
 */
export function orgKeyedItem<S extends z.ZodMiniType>(
  prefix: `${string}.`,
  options: StoredItemOptions<S>,
): (connectionId: string, id: string) => StoredItem<z.output<S>> {
  const items = new Map<string, StoredItem<z.output<S>>>();
  return (connectionId, id) => {
    if (!ID.test(id)) throw new TypeError(`Not an id: ${JSON.stringify(id).slice(0, 40)}`);
    const key = `local:${organizationPrefix(connectionId)}${prefix}${id}` as const;
    let item = items.get(key);
    if (!item) {
      item = storedItem(key, options);
      items.set(key, item);
    }
    return item;
  };
}
