import * as z from 'zod/mini';

/**
 * What the last start-up read for its open tab: the tab, and the storage keys (names of keys, never values). The
 * next start-up loads that tab's code and reads those keys beside what it always reads, in one call. Only a guess,
 * in this page's localStorage because it must be there before any storage call: a key it lacks is read after
 * (popup/start.tsx), a damaged hint is no hint.
 */
const HINT = 'statuspage-toolkit.popup.firstRead';
const MAX_KEYS = 16;
const FirstRead = z.object({
  tab: z.string().check(z.maxLength(40)),
  keys: z.array(z.string().check(z.regex(/^[\w.$-]{1,200}$/))).check(z.maxLength(MAX_KEYS)),
});
export type FirstRead = z.infer<typeof FirstRead>;

export function lastFirstRead(): FirstRead | undefined {
  try {
    const parsed = FirstRead.safeParse(JSON.parse(localStorage.getItem(HINT) ?? 'null'));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

export function rememberFirstRead({ tab, keys }: FirstRead): void {
  try {
    const text = JSON.stringify({ tab, keys: keys.slice(0, MAX_KEYS) });
    if (localStorage.getItem(HINT) !== text) localStorage.setItem(HINT, text);
  } catch {
    // No localStorage here: every start-up makes its second read.
  }
}
