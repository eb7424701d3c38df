import * as z from 'zod/mini';
import { PagePermissions } from '../../shared/schemas';
import { defineMessages, Id, POPUP } from '../messaging/protocol';
import { SavePermissionsRequest } from '../saves/save-requests';
import { RoleBasedAccess } from '../access/role-based-access';

export const SavePermissionsResult = z.discriminatedUnion('outcome', [
  z.object({ outcome: z.literal('saved'), pages: PagePermissions }),
  z.object({ outcome: z.literal('conflict'), current: PagePermissions }),
]);
export type SavePermissionsResult = z.infer<typeof SavePermissionsResult>;

export const permissionsMessages = defineMessages({
  refreshPermissions: { from: POPUP, request: Id, response: PagePermissions },
  /** Reads a few users' permissions until it is known which of these pages use roles (the page list does not say). */
  learnPageRoles: { from: POPUP, request: z.array(Id).check(z.maxLength(1000)), response: RoleBasedAccess },
  /** The guarded full replacement: re-reads, refuses on a change made elsewhere, then PUTs the complete mapping. */
  savePermissions: { from: POPUP, request: SavePermissionsRequest, response: SavePermissionsResult },
});
