import * as z from 'zod/mini';
import { ConnectionId } from '../storage/org-item';

/** One organization reached with one key: not secret (the key is stored apart), so the popup reads it to draw at once. */
export const Connection = z.object({
  id: ConnectionId,
  label: z.string(),
  organizationId: z.string(),
  apiBaseUrl: z.string(),
  /** When the key was last checked and accepted (epoch ms). */
  verifiedAt: z.number(),
});
export type Connection = z.infer<typeof Connection>;
