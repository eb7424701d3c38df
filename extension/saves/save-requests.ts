import * as z from 'zod/mini';
import { StatusEmbedConfigChanges } from '../../shared/schemas';
import { PermissionsPlan } from '../access/permissions-plan';
import { ConnectionId, Id, Label } from '../messaging/protocol';

// What each kind of save sends: its message's request and the part of its record that a restarted worker sends
// again. Both live here, below the features, because one stored record (saves-record.ts) holds every pending save.

export const SaveEmbedRequest = z.strictObject({
  /** The connection the popup showed when the save was asked for: a switch meanwhile does not redirect it. */
  connectionId: ConnectionId,
  pageId: Id,
  label: Label,
  changes: StatusEmbedConfigChanges,
  /** The draft this save came from: it is cleared after the save only if it has not been edited since. */
  draftUpdatedAt: z.optional(z.number()),
});
export type SaveEmbedRequest = z.infer<typeof SaveEmbedRequest>;

export const SavePermissionsRequest = z.strictObject({
  connectionId: ConnectionId,
  userId: Id,
  label: Label,
  /** `before`: the permissions when the editor opened them; `after`: the complete mapping to save. */
  ...PermissionsPlan,
  draftUpdatedAt: z.optional(z.number()),
});
export type SavePermissionsRequest = z.infer<typeof SavePermissionsRequest>;

export const SaveKind = z.enum(['embed', 'permissions']);
export type SaveKind = z.infer<typeof SaveKind>;
