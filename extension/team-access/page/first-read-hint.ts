import * as z from 'zod/mini';
import { pageHint } from '../../storage/page-hint';

/**
 * The storage keys the page's last opening read for its first screen: the scan's records, the matrix's index and
 * pages, the first rows. The next opening reads them beside the connection in one storage call instead of four in a
 * row; a key it lacks is read after (use-matrix.ts, start-page.tsx).
 */
const MAX_KEYS = 80;
const Keys = z.array(z.string().check(z.regex(/^[\w.$:-]{1,300}$/))).check(z.maxLength(MAX_KEYS));

const hint = pageHint('statuspage-toolkit.teamAccess.firstRead', Keys);

export const lastFirstReadKeys = (): string[] => hint.read() ?? [];

export const rememberFirstReadKeys = (keys: readonly string[]): void => hint.remember(keys.slice(0, MAX_KEYS));
