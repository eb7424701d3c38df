import * as z from 'zod/mini';
import { storedItem } from '../storage/stored-item';

/** Where the admin was last time: the popup starts there when the tab's URL names nothing. */
export const LastContext = z.object({
  tab: z.enum(['embed', 'permissions']),
  pageId: z.optional(z.string()),
  userId: z.optional(z.string()),
});
export type LastContext = z.infer<typeof LastContext>;

export const lastContextItem = storedItem('local:popup.lastContext', { schema: LastContext, fallback: { tab: 'embed' } });
