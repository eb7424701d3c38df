import * as z from 'zod/mini';
import { defineMessages, POPUP } from '../messaging/protocol';

export const SaveId = z.string().check(z.regex(/^(embed|permissions):c[a-z0-9]{4,32}:[\w-]+$/, 'must be a save id'));

export const savesMessages = defineMessages({
  /** Stops a save that is waiting (rate limit, offline); it then counts as failed. */
  cancelSave: { from: POPUP, request: SaveId, response: z.null() },
  /** Forgets a failed save (the admin reverted or reloaded). */
  dismissSave: { from: POPUP, request: SaveId, response: z.null() },
});
