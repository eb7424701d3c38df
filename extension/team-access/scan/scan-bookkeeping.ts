import { type Page, type PagePermissions, type User, userDisplayName } from '../../../shared/schemas';
import { pageUsesRoles } from '../../access/role-based-access';
import { encodePermissions } from '../matrix/cell-code';
import type { MatrixPage, MatrixUser, ScanOrder, TeamMatrix, TeamScan } from '../team-access-storage';

// The scan's bookkeeping, pure: what a user list and a page list do to the matrix, the order of the reads, progress.

/** The organization as the lists show it now: users who left are dropped, new ones added, names refreshed. */
export function mergeOrganization(matrix: TeamMatrix, users: User[], pages: Page[], now: number): TeamMatrix {
  const merged: Record<string, MatrixUser> = {};
  for (const user of users) {
    const known = matrix.users[user.id];
    merged[user.id] = { ...known, id: user.id, name: userDisplayName(user), email: user.email, firstSeenAt: known?.firstSeenAt ?? now };
  }
  const knownPages = new Map(matrix.pages.map((page) => [page.id, page]));
  const mergedPages: MatrixPage[] = pages.map((page) => ({ ...knownPages.get(page.id), id: page.id, name: page.name }));
  return { users: merged, pages: mergedPages };
}

/** Oldest read first (never read before all), then by name: a new scan refreshes the stalest rows first. */
export function scanOrder(users: Record<string, MatrixUser>): string[] {
  return Object.values(users)
    .sort((a, b) => (a.readAt ?? -1) - (b.readAt ?? -1) || a.name.localeCompare(b.name) || a.id.localeCompare(b.id))
    .map((user) => user.id);
}

/** Read by this scan already (a resumed scan skips them). */
export function readByScan(user: MatrixUser | undefined, scan: Pick<TeamScan, 'startedAt'>): boolean {
  return user?.readAt !== undefined && user.readAt >= scan.startedAt;
}

/** How many of the scan's users are done, and how many it still has (users who left count for neither). */
export function scanCounts(scan: ScanOrder, matrix: TeamMatrix): { done: number; left: number } {
  let done = 0;
  let left = 0;
  for (const id of scan.userIds) {
    const user = matrix.users[id];
    if (!user) continue;
    if (readByScan(user, scan)) done++;
    else left++;
  }
  return { done, left };
}

/** A user's answer, into their row; which pages use role based access control, learnt from it. */
export function recordRead(matrix: TeamMatrix, userId: string, pages: PagePermissions, now: number): TeamMatrix {
  const user = matrix.users[userId];
  if (!user) return matrix;
  return {
    users: { ...matrix.users, [userId]: { ...user, readAt: now, cells: encodePermissions(pages) } },
    pages: learnPages(matrix.pages, pages),
  };
}

/**
 * Whether a read shows some page's access control otherwise than `taught` (what a run passed on so far), which it
 * then holds: the popup's cache is written when a read teaches something, not after each of 5,000 reads.
 */
export function teachesSomething(taught: Map<string, boolean>, permissions: PagePermissions): boolean {
  let taughtNow = false;
  for (const [pageId, roles] of Object.entries(permissions)) {
    const usesRoles = pageUsesRoles(roles);
    if (taught.get(pageId) === usesRoles) continue;
    taught.set(pageId, usesRoles);
    taughtNow = true;
  }
  return taughtNow;
}

/** A page comes back with its roles (RBAC) or as `{}` (no RBAC): see access/role-based-access.ts. */
export function learnPages(pages: MatrixPage[], permissions: PagePermissions): MatrixPage[] {
  let changed = false;
  const learned = pages.map((page) => {
    const roles = permissions[page.id];
    if (!roles) return page;
    const usesRoles = pageUsesRoles(roles);
    if (page.usesRoles === usesRoles) return page;
    changed = true;
    return { ...page, usesRoles };
  });
  return changed ? learned : pages;
}

/** A user who no longer exists leaves the matrix. */
export function dropUser(matrix: TeamMatrix, userId: string): TeamMatrix {
  if (!matrix.users[userId]) return matrix;
  const { [userId]: _gone, ...users } = matrix.users;
  return { ...matrix, users };
}
