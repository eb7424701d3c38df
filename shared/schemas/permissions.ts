import * as z from 'zod/mini';
import { ROLES, type Role } from '../constants';

export { ROLES, type Role } from '../constants';

/** The roles with the names manage.statuspage.io shows. */
export const ROLE_LABELS: Record<Role, string> = {
  page_configuration: 'Configure page',
  incident_manager: 'Manage incidents',
  maintenance_manager: 'Manage maintenances',
};

/** An object shape with one entry per role, each with the schema `value` (as `embedShape` for the embed's fields). */
export function rolesShape<V>(value: V): Record<Role, V> {
  const shape = {} as Record<Role, V>;
  for (const role of ROLES) shape[role] = value;
  return shape;
}

/** A user's roles on one page: `{}` for a page without RBAC (access, no roles to give). */
export const PageRoles = /* @__PURE__ */ z.strictObject(rolesShape(z.optional(z.boolean())));
export type PageRoles = z.infer<typeof PageRoles>;

/**
 * Names that are not data as object keys: `obj['__proto__'] = x` replaces the prototype, and a
 * `constructor` or `prototype` entry shadows what code expects there. No Statuspage id looks like these.
 */
export const RESERVED_KEYS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);
export const isReservedKey = (key: string): boolean => RESERVED_KEYS.has(key);

// Checked on the input: z.record silently drops a `__proto__` key, so a check on its output would never see one.
const noReservedPageIds = z.unknown().check(
  z.superRefine((value, ctx) => {
    if (typeof value !== 'object' || value === null) return;
    for (const key of Object.getOwnPropertyNames(value)) {
      if (isReservedKey(key)) ctx.addIssue({ code: 'custom', message: `"${key}" cannot be a page id`, path: [key], input: value });
    }
  }),
);

/** The complete mapping page id -> roles. A page missing here is a page the user cannot access. */
export const PagePermissions = z.pipe(noReservedPageIds, z.record(z.string().check(z.minLength(1, 'a page id must not be empty')), PageRoles));
export type PagePermissions = z.infer<typeof PagePermissions>;

// Reading: the spec's schema wraps in `data` with `pages` keyed by id; its examples send a list of
// `{page_id, ...roles}`. Real responses may be either, so both are accepted.
const lenientRoles = z.looseObject(rolesShape(z.optional(z.nullable(z.boolean()))));
const pagesAsList = z.array(z.extend(lenientRoles, { page_id: z.string() }));
// zod's record drops a `__proto__` key and keeps `constructor`/`prototype` as own keys of a plain object;
// normalizeUserPermissions leaves all three out either way.
const pagesAsMap = z.record(z.string(), lenientRoles);
const permissionsBody = z.looseObject({
  user_id: z.optional(z.string()),
  pages: z.union([pagesAsList, pagesAsMap]),
});
export const UserPermissionsResponse = z.union([z.looseObject({ data: permissionsBody }), permissionsBody]);
export type UserPermissionsResponse = z.infer<typeof UserPermissionsResponse>;

/** What the client returns: one shape whatever the server sent. */
export interface UserPermissions {
  userId: string;
  pages: PagePermissions;
}

function rolesOf(entry: z.infer<typeof lenientRoles>): PageRoles {
  const roles: PageRoles = {};
  for (const role of ROLES) {
    const value = entry[role];
    if (typeof value === 'boolean') roles[role] = value;
  }
  return roles;
}

/**
 * One shape from either. Page ids from the network become keys here, so the map has no prototype to
 * replace, and a reserved id (which no real page has, and which a PUT would refuse) is left out.
 */
export function normalizeUserPermissions(body: UserPermissionsResponse, fallbackUserId: string): UserPermissions {
  const inner = 'data' in body && body.data && typeof body.data === 'object' ? body.data : body;
  const { user_id, pages } = inner as z.infer<typeof permissionsBody>;
  const mapping: PagePermissions = Object.create(null);
  const entries = Array.isArray(pages) ? pages.map(({ page_id, ...roles }) => [page_id, roles] as const) : Object.entries(pages);
  for (const [pageId, roles] of entries) {
    if (!isReservedKey(pageId)) mapping[pageId] = rolesOf(roles);
  }
  return { userId: user_id ?? fallbackUserId, pages: mapping };
}
