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

const warned = new Set<string>();

/**
 * A `@wxt-dev/storage` item with a schema. A damaged or unknown value (a newer version's, a hand edit, a failed
 * migration) reads as the fallback with one console warning and is left in storage untouched, so nothing a person
 * made is thrown away by reading it; only a write replaces it.
 */
export function storedItem<S extends z.ZodMiniType>(key: `local:${string}`, options: StoredItemOptions<S>): StoredItem<z.output<S>> {
  const { schema, fallback, version = 1, migrations } = options;
  const item = storage.defineItem<unknown>(key, {
    version,
    fallback: null,
    ...(migrations && { migrations: migrations as Record<number, (old: unknown) => unknown> }),
  });

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

  return {
    key,
    getValue: async () => read(await item.getValue()),
    async setValue(value) {
      const parsed = schema.safeParse(value);
      if (!parsed.success) throw new TypeError(`Not stored: ${key}: ${parsed.error.issues.slice(0, 2).map(describeIssue).join('; ')}`);
      await item.setValue(parsed.data);
    },
    removeValue: () => item.removeValue(),
    watch: (callback) => item.watch((value) => callback(read(value))),
  };
}
