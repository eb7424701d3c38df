import * as z from 'zod/mini';
import { PagePermissions, ROLES } from '../../../shared/schemas';
import { Id, Label } from '../../messaging/protocol';

/** One change applied to every selected user: what the form asks for, and what a batch keeps for users not read yet. */
export const BulkChange = z.discriminatedUnion('kind', [
  /** Access to these pages, with at least these roles (on pages that use role based access control). */
  z.strictObject({
    kind: z.literal('grant'),
    pageIds: z.array(Id).check(z.minLength(1), z.maxLength(1_000)),
    roles: z.array(z.enum(ROLES)).check(z.maxLength(ROLES.length)),
  }),
  /** Set (gives access if needed) or clear one role on one page. */
  z.strictObject({ kind: z.literal('set-role'), pageId: Id, role: z.enum(ROLES), value: z.boolean() }),
  z.strictObject({ kind: z.literal('remove'), pageId: Id }),
  /** Everyone selected gets exactly this user's access. */
  z.strictObject({ kind: z.literal('copy'), fromUserId: Id }),
]);
export type BulkChange = z.infer<typeof BulkChange>;

/**
 * The users of a batch whose access was not read when it was planned: each is read just before the write, the change
 * is applied to what that read found (`copied`: the access a copy gives, as read when planned), and the mapping PUT.
 */
export const UnreadPart = z.strictObject({
  change: BulkChange,
  copied: z.optional(PagePermissions),
  users: z.array(z.strictObject({ userId: Id, label: Label })).check(z.minLength(1), z.maxLength(100_000)),
});
export type UnreadPart = z.infer<typeof UnreadPart>;
