import * as z from 'zod/mini';
import { isReservedKey, type PagePermissions, type PageRoles, ROLES } from '../../shared/schemas';

/**
 * Which pages use role based access control, as far as the permissions read so far tell. The API has no flag
 * for it on a page: a page the user can access comes back with its roles (RBAC) or as `{}` (no RBAC). A page
 * no permissions read has shown yet is unknown (absent here).
 */
export const RoleBasedAccess = z.record(z.string(), z.boolean());
export type RoleBasedAccess = z.infer<typeof RoleBasedAccess>;

/** Whether a page's entry in a permissions read shows role based access control: its roles, or `{}` without. */
export const pageUsesRoles = (roles: PageRoles): boolean => ROLES.some((role) => typeof roles[role] === 'boolean');

export function learnRoleBasedAccess(known: RoleBasedAccess, pages: PagePermissions): RoleBasedAccess {
  // Page ids come from the network: a map without a prototype, and `__proto__` and its kin never become keys.
  const learned: RoleBasedAccess = Object.assign(Object.create(null) as RoleBasedAccess, known);
  for (const [pageId, roles] of Object.entries(pages)) {
    if (!isReservedKey(pageId)) learned[pageId] = pageUsesRoles(roles);
  }
  return learned;
}
