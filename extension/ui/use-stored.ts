import { useEffect, useState } from 'preact/hooks';
import { type ReadAhead, readItems, type StoredItem, type StoredValues } from '../storage/stored-item';

export type Stored<T> = { loaded: true; value: T } | { loaded: false; value: undefined };

/** One item's value in this page, shared by every component that shows it, and kept live by one watch. */
interface Entry {
  stored: Stored<unknown>;
  /** Counts the changes the watch brought: a read that started before one of them answers with an older value. */
  changes: number;
  reading: boolean;
  listeners: Set<() => void>;
}

const entries = new Map<string, Entry>();

function entryOf(item: StoredItem<unknown>): Entry {
  let entry = entries.get(item.key);
  if (!entry) {
    const created: Entry = { stored: { loaded: false, value: undefined }, changes: 0, reading: false, listeners: new Set() };
    // Watching from before the first read: no change can fall between the read and the watch.
    item.watch((value) => {
      created.changes++;
      show(created, value);
    });
    entries.set(item.key, created);
    entry = created;
  }
  return entry;
}

function show(entry: Entry, value: unknown): void {
  entry.stored = { loaded: true, value };
  for (const listener of [...entry.listeners]) listener();
}

/**
 * Reads `items` with one storage call (or from a read made ahead) and keeps them live for every `useStored` of this
 * page: the popup calls it before its first render, so that render draws from storage. Returns the values read.
 */
export async function preload<const Items extends readonly StoredItem<unknown>[]>(items: Items, ahead?: ReadAhead): Promise<StoredValues<Items>> {
  const started = items.map((item) => {
    const entry = entryOf(item);
    entry.reading = true;
    return { entry, changes: entry.changes };
  });
  try {
    const values = await readItems(items, ahead);
    started.forEach(({ entry, changes }, index) => {
      if (entry.changes === changes) show(entry, values[index]);
    });
    return values;
  } finally {
    for (const { entry } of started) entry.reading = false;
  }
}

/** The value as this page holds it now (undefined until read), for code outside a component. */
export function storedNow<T>(item: StoredItem<T>): Stored<T> {
  return (entries.get(item.key)?.stored ?? { loaded: false, value: undefined }) as Stored<T>;
}

/** A storage item's value, kept up to date as any context changes it (read on first use unless preloaded). */
export function useStored<T>(item: StoredItem<T> | undefined): Stored<T> {
  const [, setChanges] = useState(0);
  const entry = item && entryOf(item);
  const stored = entry?.stored;

  useEffect(() => {
    if (!entry || !item) return;
    const changed = () => setChanges((count) => count + 1);
    entry.listeners.add(changed);
    if (entry.stored !== stored) changed(); // it changed between the render and now
    if (!entry.stored.loaded && !entry.reading) void preload([item]).catch(() => {});
    return () => {
      entry.listeners.delete(changed);
    };
  }, [entry, item, stored]);

  return (stored ?? { loaded: false, value: undefined }) as Stored<T>;
}
