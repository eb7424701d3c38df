import type * as z from 'zod/mini';

/**
 * A guess an extension page keeps for its next opening (the storage keys its first screen read: names, never values),
 * in the page's localStorage because it must be there before any storage call. Only a guess: the page reads what it
 * lacks afterwards, and a damaged or missing hint (no localStorage, a bad value) is no hint.
 */
export function pageHint<T>(name: string, schema: z.ZodMiniType<T>) {
  return {
    read(): T | undefined {
      try {
        const parsed = schema.safeParse(JSON.parse(localStorage.getItem(name) ?? 'null'));
        return parsed.success ? parsed.data : undefined;
      } catch {
        return undefined;
      }
    },
    remember(value: T): void {
      try {
        const text = JSON.stringify(value);
        if (localStorage.getItem(name) !== text) localStorage.setItem(name, text);
      } catch {
        // No localStorage here: the next opening reads in more steps.
      }
    },
  };
}
