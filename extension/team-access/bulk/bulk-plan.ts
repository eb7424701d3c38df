import { type PagePermissions, type PageRoles, ROLE_LABELS, ROLES, type Role } from '../../../shared/schemas';
import { type PermissionChange, diffPermissions, pagesLosingAccess } from '../../access/permission-diff';
import { decodePermissions } from '../matrix/cell-code';
import type { MatrixPage, MatrixUser, TeamMatrix } from '../team-access-storage';

/** One change applied to every selected user. */
export type BulkChange =
  /** Access to these pages, with at least these roles (on pages that use role based access control). */
  | { kind: 'grant'; pageIds: string[]; roles: Role[] }
  /** Set (gives access if needed) or clear one role on one page. */
  | { kind: 'set-role'; pageId: string; role: Role; value: boolean }
  | { kind: 'remove'; pageId: string }
  /** Everyone selected gets exactly this user's access. */
  | { kind: 'copy'; fromUserId: string };

export interface PlannedUser {
  userId: string;
  label: string;
  before: PagePermissions;
  after: PagePermissions;
  changes: PermissionChange[];
  /** Pages this user would lose access to. */
  losses: string[];
}

export interface BulkPlan {
  label: string;
  /** Only users whose plan changes something: nothing is sent for the others. */
  users: PlannedUser[];
  /** Selected users whose permissions this change leaves as they are. */
  unchanged: number;
  /** Selected users not scanned yet: without their permissions there is nothing safe to plan. */
  notRead: string[];
  /** Every page access lost, all users together. */
  lossCount: number;
  /** The batch this plan undoes (its id): run once, as a change like any other. */
  undoOf?: string;
}

export const usesRolesOf = (pages: MatrixPage[]) => {
  const known = new Map(pages.map((page) => [page.id, page.usesRoles]));
  return (pageId: string) => known.get(pageId);
};

/** A user's permissions as the scan read them; undefined when not read yet. */
export function permissionsOf(user: MatrixUser, pages: MatrixPage[]): PagePermissions | undefined {
  return user.cells && decodePermissions(user.cells, usesRolesOf(pages));
}

const noRoles = (): PageRoles => Object.fromEntries(ROLES.map((role) => [role, false])) as PageRoles;

/** `before` with the change applied (a new object; `before` is left alone). */
export function applyChange(
  before: PagePermissions,
  change: BulkChange,
  context: { usesRoles(pageId: string): boolean | undefined; copied?: PagePermissions },
): PagePermissions {
  const after: PagePermissions = structuredClone(before);
  switch (change.kind) {
    case 'grant':
      for (const pageId of change.pageIds) {
        if (context.usesRoles(pageId) === false) {
          after[pageId] = {};
          continue;
        }
        const roles = { ...noRoles(), ...after[pageId] };
        for (const role of change.roles) roles[role] = true;
        after[pageId] = roles;
      }
      return after;
    case 'set-role': {
      if (context.usesRoles(change.pageId) === false) return after;
      const had = after[change.pageId];
      if (!had && !change.value) return after;
      after[change.pageId] = { ...noRoles(), ...had, [change.role]: change.value };
      return after;
    }
    case 'remove':
      delete after[change.pageId];
      return after;
    case 'copy':
      return structuredClone(context.copied ?? before);
  }
}

/** Each user's `before` and `after`, keeping only users whose permissions would change. */
export function planMappings(label: string, entries: Array<{ user: MatrixUser; before: PagePermissions; after: PagePermissions }>): BulkPlan {
  const users: PlannedUser[] = [];
  let unchanged = 0;
  for (const { user, before, after } of entries) {
    const changes = diffPermissions(before, after);
    if (changes.length === 0) {
      unchanged++;
      continue;
    }
    users.push({ userId: user.id, label: `${user.name} <${user.email}>`, before, after, changes, losses: pagesLosingAccess(before, after) });
  }
  return { label, users, unchanged, notRead: [], lossCount: users.reduce((sum, user) => sum + user.losses.length, 0) };
}

/** The plan of one change for the selected users, from the scan's results. */
export function planBulkChange(change: BulkChange, selected: MatrixUser[], matrix: TeamMatrix): BulkPlan {
  const usesRoles = usesRolesOf(matrix.pages);
  const source = change.kind === 'copy' ? matrix.users[change.fromUserId] : undefined;
  const copied = source && permissionsOf(source, matrix.pages);
  const entries = [];
  const notRead: string[] = [];
  for (const user of selected) {
    const before = permissionsOf(user, matrix.pages);
    if (!before || (change.kind === 'copy' && !copied)) {
      notRead.push(user.id);
      continue;
    }
    entries.push({ user, before, after: applyChange(before, change, { usesRoles, copied }) });
  }
  return { ...planMappings(describeBulkChange(change, matrix), entries), notRead };
}

/** "Give access to Acme Cloud, Acme Labs with Manage incidents": the batch's name in the plan and the report. */
export function describeBulkChange(change: BulkChange, matrix: TeamMatrix): string {
  const pageName = (id: string) => matrix.pages.find((page) => page.id === id)?.name ?? id;
  switch (change.kind) {
    case 'grant': {
      const roles = change.roles.map((role) => ROLE_LABELS[role]).join(', ');
      return `Give access to ${change.pageIds.map(pageName).join(', ')}${roles ? ` with ${roles}` : ''}`;
    }
    case 'set-role':
      return `${change.value ? 'Give' : 'Take away'} ${ROLE_LABELS[change.role]} on ${pageName(change.pageId)}`;
    case 'remove':
      return `Remove access to ${pageName(change.pageId)}`;
    case 'copy': {
      const from = matrix.users[change.fromUserId];
      return `Copy ${from ? from.name : change.fromUserId}'s access`;
    }
  }
}
