import { ROLES, type PagePermissions, type PageRoles, type Role } from '../../shared/schemas';

/** One page's difference between two permission mappings. */
export interface PermissionChange {
  pageId: string;
  kind: 'access-granted' | 'access-removed' | 'roles-changed';
  rolesAdded: Role[];
  rolesRemoved: Role[];
}

// A role that is absent and a role that is false both mean "not given".
function rolesGiven(roles: PageRoles | undefined): Set<Role> {
  return new Set(ROLES.filter((role) => roles?.[role] === true));
}

/** Every page whose access or roles differ between `before` and `after`, in a stable order. */
export function diffPermissions(before: PagePermissions, after: PagePermissions): PermissionChange[] {
  const pageIds = [...new Set([...Object.keys(before), ...Object.keys(after)])].sort();
  const changes: PermissionChange[] = [];
  for (const pageId of pageIds) {
    const had = Object.hasOwn(before, pageId);
    const has = Object.hasOwn(after, pageId);
    const old = rolesGiven(before[pageId]);
    const now = rolesGiven(after[pageId]);
    const rolesAdded = ROLES.filter((role) => now.has(role) && !old.has(role));
    const rolesRemoved = ROLES.filter((role) => old.has(role) && !now.has(role));
    if (had && !has) changes.push({ pageId, kind: 'access-removed', rolesAdded: [], rolesRemoved });
    else if (!had && has) changes.push({ pageId, kind: 'access-granted', rolesAdded, rolesRemoved: [] });
    else if (rolesAdded.length || rolesRemoved.length) changes.push({ pageId, kind: 'roles-changed', rolesAdded, rolesRemoved });
  }
  return changes;
}

export function samePermissions(a: PagePermissions, b: PagePermissions): boolean {
  return diffPermissions(a, b).length === 0;
}

/** The pages a save from `before` to `after` would take the user's access away from. */
export function pagesLosingAccess(before: PagePermissions, after: PagePermissions): string[] {
  return diffPermissions(before, after)
    .filter((change) => change.kind === 'access-removed')
    .map((change) => change.pageId);
}

/**
 * Someone else changed the permissions (`base` -> `current`) while the admin edited (`base` -> `draft`):
 * the admin's own changes, page by page, applied on top of `current`. Pages the admin did not touch keep
 * the other person's version.
 */
export function rebaseDraft(base: PagePermissions, draft: PagePermissions, current: PagePermissions): PagePermissions {
  const rebased: PagePermissions = structuredClone(current);
  for (const change of diffPermissions(base, draft)) {
    if (change.kind === 'access-removed') {
      delete rebased[change.pageId];
      continue;
    }
    const roles: PageRoles = { ...(rebased[change.pageId] ?? draft[change.pageId]) };
    for (const role of change.rolesAdded) roles[role] = true;
    for (const role of change.rolesRemoved) roles[role] = false;
    rebased[change.pageId] = roles;
  }
  return rebased;
}

/**
 * The body of the PUT: every page the user keeps, a page with role based access control with all three
 * roles spelled out, a page without it as `{}`. `usesRoles(pageId)` is undefined when that is not known:
 * the roles are then sent as they are in the draft.
 */
export function completeMapping(draft: PagePermissions, usesRoles: (pageId: string) => boolean | undefined): PagePermissions {
  // Keys are page ids: no prototype for one of them to reach (the client refuses such ids before sending anyway).
  const mapping = Object.create(null) as PagePermissions;
  for (const [pageId, roles] of Object.entries(draft)) {
    const rbac = usesRoles(pageId);
    if (rbac === false) mapping[pageId] = {};
    else if (rbac === true) mapping[pageId] = Object.fromEntries(ROLES.map((role) => [role, roles[role] === true])) as PageRoles;
    else mapping[pageId] = { ...roles };
  }
  return mapping;
}
