import { type PagePermissions, type PageRoles, ROLE_LABELS, ROLES } from '../../../shared/schemas';
import { type PermissionChange, diffPermissions, pagesLosingAccess } from '../../access/permission-diff';
import type { PermissionsPlan } from '../../access/permissions-plan';
import { decodePermissions } from '../matrix/cell-code';
import type { BulkPlanRequest } from '../messages';
import type { MatrixPage, MatrixUser, TeamMatrix } from '../team-access-storage';
import type { BulkChange, UnreadPart } from './bulk-change';

export type { BulkChange };

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
  /**
   * Selected users not read yet: their access is not known, so each is read just before the write and the change is
   * applied to what is found. `mayLose`: the pages each of them loses if they have access to it now.
   */
  unread?: UnreadPart & { mayLose: string[] };
  /** Why nothing can be planned (a copy from a user not read yet). */
  problem?: string;
  /** Every page access lost, all users together (users not read yet aside: see `unread.mayLose`). */
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

const labelOf = (user: MatrixUser) => `${user.name} <${user.email}>`;

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
    users.push({ userId: user.id, label: labelOf(user), before, after, changes, losses: pagesLosingAccess(before, after) });
  }
  return { label, users, unchanged, lossCount: users.reduce((sum, user) => sum + user.losses.length, 0) };
}

/** The pages a user not read yet may lose by the change: the page removed, or for a copy every page it does not give. */
export function mayLoseOf(change: BulkChange, pages: MatrixPage[], copied?: PagePermissions): string[] {
  if (change.kind === 'remove') return [change.pageId];
  if (change.kind === 'copy') return pages.filter((page) => !Object.hasOwn(copied ?? {}, page.id)).map((page) => page.id);
  return [];
}

/**
 * The plan of one change for the selected users: exact for those the scan read; those it has not read yet are
 * planned too, to be read just before the write (the change is then applied to what that read finds).
 */
export function planBulkChange(change: BulkChange, selected: MatrixUser[], matrix: TeamMatrix): BulkPlan {
  const usesRoles = usesRolesOf(matrix.pages);
  const label = describeBulkChange(change, matrix);
  const source = change.kind === 'copy' ? matrix.users[change.fromUserId] : undefined;
  const copied = source && permissionsOf(source, matrix.pages);
  if (change.kind === 'copy' && !copied)
    return {
      label,
      users: [],
      unchanged: 0,
      lossCount: 0,
      problem: `${source?.name ?? change.fromUserId}'s access is not read yet: nothing to copy`,
    };
  const entries = [];
  const unread: UnreadPart['users'] = [];
  for (const user of selected) {
    const before = permissionsOf(user, matrix.pages);
    if (before) entries.push({ user, before, after: applyChange(before, change, { usesRoles, copied }) });
    else unread.push({ userId: user.id, label: labelOf(user) });
  }
  const plan = planMappings(label, entries);
  if (unread.length === 0) return plan;
  return { ...plan, unread: { change, ...(copied && { copied }), users: unread, mayLose: mayLoseOf(change, matrix.pages, copied) } };
}

/** How many users a plan writes to (or reads first): those it changes, and those not read yet. */
export const plannedCount = (plan: BulkPlan): number => plan.users.length + (plan.unread?.users.length ?? 0);

/** Every user of a batch in the order it runs: the exact plans, then the users not read when it was planned. */
export function batchUsers(plan: BulkPlanRequest): Array<{ userId: string; label: string; plan?: PermissionsPlan }> {
  return [...plan.users.map(({ userId, label, before, after }) => ({ userId, label, plan: { before, after } })), ...(plan.unread?.users ?? [])];
}

/** What the page asks the background to run: the plan as confirmed, labels cut to the message's size. */
export function planRequest(plan: BulkPlan): BulkPlanRequest {
  const cut = (label: string) => label.slice(0, 300);
  const unread = plan.unread && {
    change: plan.unread.change,
    ...(plan.unread.copied && { copied: plan.unread.copied }),
    users: plan.unread.users.map(({ userId, label }) => ({ userId, label: cut(label) })),
  };
  return {
    label: cut(plan.label),
    users: plan.users.map(({ userId, label, before, after }) => ({ userId, label: cut(label), before, after })),
    ...(unread && { unread }),
    ...(plan.undoOf !== undefined && { undoOf: plan.undoOf }),
  };
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
