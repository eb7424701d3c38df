import * as z from 'zod/mini';

/**
 * The storage keys the page's last opening read for its first screen (names of keys, never values): the scan's
 * records, the matrix's index and pages, the first rows. The next opening reads them beside the connection in one
 * storage call instead of four in a row. Only a guess, in this page's localStorage because it must be there before
 * any storage call: a key it lacks is read after (use-matrix.ts, start-page.tsx), a damaged hint is no hint.
 */
const HINT = 'statuspage-toolkit.teamAccess.firstRead';
const MAX_KEYS = 80;
const Keys = z.array(z.string().check(z.regex(/^[\w.$:-]{1,300}$/))).check(z.maxLength(MAX_KEYS));

export function lastFirstReadKeys(): string[] {
  try {
    const parsed = Keys.safeParse(JSON.parse(localStorage.getItem(HINT) ?? 'null'));
    return parsed.success ? parsed.data : [];
  } catch {
    return [];
  }
}

export function rememberFirstReadKeys(keys: readonly string[]): void {
  try {
    const text = JSON.stringify(keys.slice(0, MAX_KEYS));
    if (localStorage.getItem(HINT) !== text) localStorage.setItem(HINT, text);
  } catch {
    // No localStorage here: every opening reads in several steps.
  }
}
