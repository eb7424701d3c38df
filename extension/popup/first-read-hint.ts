import * as z from 'zod/mini';

/**
 * The storage keys the last start-up read for its open tab (names of keys, never values): the next start-up reads
 * them beside what it always reads, in one call. Only a guess, in this page's localStorage because it must be there
 * before any storage call: a key it lacks is read after (popup/start.tsx), a damaged hint is no hint.
 */
const HINT = 'statuspage-toolkit.popup.firstRead';
const MAX_KEYS = 16;
const Keys = z.array(z.string().check(z.regex(/^[\w.$-]{1,200}$/))).check(z.maxLength(MAX_KEYS));

export function lastFirstRead(): string[] {
  try {
    const parsed = Keys.safeParse(JSON.parse(localStorage.getItem(HINT) ?? '[]'));
    return parsed.success ? parsed.data : [];
  } catch {
    return [];
  }
}

export function rememberFirstRead(keys: readonly string[]): void {
  try {
    const text = JSON.stringify(keys.slice(0, MAX_KEYS));
    if (localStorage.getItem(HINT) !== text) localStorage.setItem(HINT, text);
  } catch {
    // No localStorage here: every start-up makes its second read.
  }
}
