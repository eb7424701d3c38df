import { useEffect, useState } from 'preact/hooks';
import type { Item as AnyItem } from '../storage/keyed-item';

// Values read before the first render, so the popup draws cached data in its very first frame.
const preloaded = new Map<string, unknown>();

export async function preload(items: Array<AnyItem<unknown>>): Promise<void> {
  const values = await Promise.all(items.map((item) => item.getValue()));
  items.forEach((item, index) => preloaded.set(item.key, values[index]));
}

export type Stored<T> = { loaded: true; value: T } | { loaded: false; value: undefined };

/** A storage item's value, kept up to date as any context changes it. */
export function useStored<T>(item: AnyItem<T> | undefined): Stored<T> {
  const initial = (): Stored<T> =>
    item && preloaded.has(item.key) ? { loaded: true, value: preloaded.get(item.key) as T } : { loaded: false, value: undefined };
  const [state, setState] = useState<Stored<T> & { key?: string }>(() => ({ ...initial(), key: item?.key }));

  useEffect(() => {
    if (!item) return;
    let live = true;
    if (state.key !== item.key) setState({ ...initial(), key: item.key });
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
  }, [item?.key]);

  // While the effect catches up with a new item, never show the previous item's value.
  if (!item || state.key !== item.key) return initial();
  return state;
}
