import { browser } from 'wxt/browser';
import { storage } from 'wxt/utils/storage';
import type * as z from 'zod/mini';
import { describeIssue } from '../../shared/schemas/issues';

/** A storage item as the extension uses it: every value read is checked against the item's schema. */
export interface StoredItem<T> {
  readonly key: string;
  /** The stored value, or the fallback when there is none or it has another shape (a console warning says so). */
  getValue(): Promise<T>;
  /** Writes a value of the item's shape (checked first: a value of another shape is a bug, and throws). */
  setValue(value: T): Promise<void>;
  removeValue(): Promise<void>;
  /** Called with each new value (checked like `getValue`); returns the function that stops watching. */
  watch(callback: (value: T) => void): () => void;
  /** The `storage.local` keys a read of this item takes: its own, and its version mark (`<key>$`) when it has migrations. */
  readonly readKeys: readonly string[];
  /** The value from what one `storage.local.get(readKeys)` answered: parsed, and migrated first when it is of an older version. */
  fromRead(answer: Record<string, unknown>): Promise<T>;
}

export interface StoredItemOptions<S extends z.ZodMiniType> {
  /** The shape of the current version. */
  schema: S;
  /** What a missing or unreadable value reads as. */
  fallback: z.output<S>;
  /** Raise it whenever the shape changes, with a migration to it: a value stored by an older version is migrated once. */
  version?: number;
  /** `{ 2: (v1) => v2, 3: (v2) => v3 }`: @wxt-dev/storage runs them in order, then records the new version. */
  migrations?: Record<number, (old: never) => unknown>;
}

/** The values of a list of items, in its order. */
export type StoredValues<Items extends readonly StoredItem<unknown>[]> = {
  -readonly [K in keyof Items]: Items[K] extends StoredItem<infer T> ? T : never;
};

/**
 * One `storage.local.get` made ahead, before it is known which items will need it (the popup's start-up reads what
 * it read last time beside what it always reads). Watched from before the call, so that `readItems` takes a value
 * from it only if no change came since.
 */
export interface ReadAhead {
  fresh(key: string): boolean;
  readonly answer: Record<string, unknown>;
  /** Stops watching (once the reads that could use it are done). */
  close(): void;
}

export async function readAhead(keys: readonly string[]): Promise<ReadAhead> {
  const changed = new Set<string>();
  const onChanged = (changes: Record<string, unknown>, area: string) => {
    if (area === 'local') for (const key of Object.keys(changes)) changed.add(key);
  };
  browser.storage.onChanged.addListener(onChanged);
  const asked = new Set(keys);
  try {
    const answer = await browser.storage.local.get([...asked]);
    return { answer, fresh: (key) => asked.has(key) && !changed.has(key), close: () => browser.storage.onChanged.removeListener(onChanged) };
  } catch (error) {
    browser.storage.onChanged.removeListener(onChanged);
    throw error;
  }
}

/**
 * Several items with one `storage.local.get` (a popup draws from it: each call is a trip to the browser process, and
 * they queue), or none when a read made ahead holds all of them unchanged. Each value is parsed by its item's schema;
 * one stored by an older version is migrated first.
 */
export async function readItems<const Items extends readonly StoredItem<unknown>[]>(items: Items, ahead?: ReadAhead): Promise<StoredValues<Items>> {
  const keys = [...new Set(items.flatMap((item) => item.readKeys))];
  const answer = ahead && keys.every(ahead.fresh) ? ahead.answer : keys.length ? await browser.storage.local.get(keys) : {};
  return (await Promise.all(items.map((item) => item.fromRead(answer)))) as StoredValues<Items>;
}

const warned = new Set<string>();

/**
 * A `@wxt-dev/storage` item with a schema. A damaged or unknown value (a newer version's, a hand edit, a failed
 * migration) reads as the fallback with one console warning and is left in storage untouched, so nothing a person
 * made is thrown away by reading it; only a write replaces it.
 *
 * The library's item is defined on the first write or the first old value met, not when this is called: defining one
 * reads storage at once (and, with migrations, its version mark), and a page defines dozens of items it never reads.
 * Reads go through `readItems`, which checks the version mark as the library does and hands an old value to the
 * library's migrations.
 */
export function storedItem<S extends z.ZodMiniType>(key: `local:${string}`, options: StoredItemOptions<S>): StoredItem<z.output<S>> {
  const { schema, fallback, version = 1, migrations } = options;
  const storageKey = key.slice('local:'.length);
  const versionKey = `${storageKey}$`;
  let defined: ReturnType<typeof define> | undefined;
  const define = () =>
    storage.defineItem<unknown>(key, {
      version,
      fallback: null,
      ...(migrations && { migrations: migrations as Record<number, (old: unknown) => unknown> }),
    });
  const library = () => {
    defined ??= define();
    return defined;
  };
  // The library migrates when an item is defined; an old value met later (written under a running context by one
  // that lost the version mark) is migrated on the spot.
  const migrated = async (): Promise<unknown> => {
    const definedBefore = defined !== undefined;
    if (definedBefore)
      await library()
        .migrate()
        .catch((error: unknown) => console.error(`[statuspage-toolkit] ${key}: migration failed, the stored value is kept`, error));
    return library().getValue();
  };

  const read = (raw: unknown): z.output<S> => {
    if (raw === null || raw === undefined) return fallback;
    const parsed = schema.safeParse(raw);
    if (parsed.success) return parsed.data;
    if (!warned.has(key)) {
      warned.add(key);
      const problem = parsed.error.issues.slice(0, 2).map(describeIssue).join('; ');
      console.warn(`[statuspage-toolkit] ${key} holds a value of another shape (${problem}): using the default, the stored value is kept`);
    }
    return fallback;
  };

  const item: StoredItem<z.output<S>> = {
    key,
    readKeys: migrations ? [storageKey, versionKey] : [storageKey],
    async fromRead(answer) {
      const raw = answer[storageKey];
      // As the library: no value, nothing to migrate; no version mark, version 1. Any other version than ours (an
      // older one, or a newer one the library refuses and reports) goes through the library's own migration.
      if (migrations && raw !== null && raw !== undefined) {
        const mark = answer[versionKey] as { v?: unknown } | undefined;
        if ((mark?.v ?? 1) !== version) return read(await migrated());
      }
      return read(raw);
    },
    getValue: async () => (await readItems([item]))[0],
    async setValue(value) {
      const parsed = schema.safeParse(value);
      if (!parsed.success) throw new TypeError(`Not stored: ${key}: ${parsed.error.issues.slice(0, 2).map(describeIssue).join('; ')}`);
      await library().setValue(parsed.data);
    },
    removeValue: () => library().removeValue(),
    watch: (callback) => storage.watch<unknown>(key, (value) => callback(read(value))),
  };
  return item;
}
