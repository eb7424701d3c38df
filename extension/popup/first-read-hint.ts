import * as z from 'zod/mini';
import { pageHint } from '../storage/page-hint';

/**
 * What the last start-up read for its open tab: the tab, and the storage keys. The next start-up loads that tab's
 * code and reads those keys beside what it always reads, in one call; a key it lacks is read after (popup/start.tsx).
 */
const MAX_KEYS = 16;
const FirstRead = z.object({
  tab: z.string().check(z.maxLength(40)),
  keys: z.array(z.string().check(z.regex(/^[\w.$-]{1,200}$/))).check(z.maxLength(MAX_KEYS)),
});
export type FirstRead = z.infer<typeof FirstRead>;

const hint = pageHint('statuspage-toolkit.popup.firstRead', FirstRead);

export const lastFirstRead = (): FirstRead | undefined => hint.read();

export const rememberFirstRead = ({ tab, keys }: FirstRead): void => hint.remember({ tab, keys: keys.slice(0, MAX_KEYS) });
