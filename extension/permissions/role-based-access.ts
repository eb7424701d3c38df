import * as z from 'zod/mini';
import { ROLES, type PagePermissions } from '../../shared/schemas';

/**
 * Which pages use role based access control, as far as the permissions read so far tell. The API has no flag
 * for it on a page: a page the user can access comes back with its roles (RBAC) or as `{}` (no RBAC). A page
 * no permissions read has shown yet is unknown (absent here).
 */
export const RoleBasedAccess = z.record(z.string(), z.boolean());
export type RoleBasedAccess = z.infer<typeof RoleBasedAccess>;

export function learnRoleBasedAccess(known: RoleBasedAccess, pages: PagePermissions): RoleBasedAccess {
  const learned: RoleBasedAccess = { ...known };
  for (const [pageId, roles] of Object.entries(pages)) {
    learned[pageId] = ROLES.some((role) => typeof roles[role] === 'boolean');
  }
  return learned;
}
