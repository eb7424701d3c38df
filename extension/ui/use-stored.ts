import { useEffect, useState } from 'preact/hooks';
import type { StoredItem } from '../storage/stored-item';

// Values read before the first render, so the popup draws cached data in its very first frame.
const preloaded = new Map<string, unknown>();

export async function preload(items: Array<StoredItem<unknown>>): Promise<void> {
  const values = await Promise.all(items.map((item) => item.getValue()));
  items.forEach((item, index) => {
    preloaded.set(item.key, values[index]);
  });
}

export type Stored<T> = { loaded: true; value: T } | { loaded: false; value: undefined };

const initialOf = <T>(item: StoredItem<T> | undefined): Stored<T> =>
  item && preloaded.has(item.key) ? { loaded: true, value: preloaded.get(item.key) as T } : { loaded: false, value: undefined };

/** A storage item's value, kept up to date as any context changes it. */
export function useStored<T>(item: StoredItem<T> | undefined): Stored<T> {
  const [state, setState] = useState<Stored<T> & { key?: string }>(() => ({ ...initialOf(item), key: item?.key }));

  useEffect(() => {
    if (!item) return;
    let live = true;
    setState((current) => (current.key === item.key ? current : { ...initialOf(item), key: item.key }));
    void item.getValue().then((value) => {
      if (!live) return;
      preloaded.set(item.key, value);
      setState({ loaded: true, value, key: item.key });
    });
    const unwatch = item.watch((value) => {
      preloaded.set(item.key, value);
      setState({ loaded: true, value, key: item.key });
    });
    return () => {
      live = false;
      unwatch();
    };
  }, [item]);

  // While the effect catches up with a new item, never show the previous item's value.
  if (!item || state.key !== item.key) return initialOf(item);
  return state;
}
