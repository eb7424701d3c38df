import type { Role } from '../../../shared/schemas';
import { codeToRoles } from './cell-code';
import { byName, compareEmails, compareNames } from './row-order';
import type { MatrixUser, TeamScan } from '../team-access-storage';

export interface MatrixFilter {
  /** Only this page's cells count for `access` and `role`; empty: any page. */
  pageId: string;
  role: Role | '';
  /** `has`: access (to the page, or to any page); `none`: no access there. Users not scanned yet match neither. */
  access: 'any' | 'has' | 'none';
  newOnly: boolean;
  /** Part of the name or the email, any case. */
  text: string;
}

export const NO_FILTER: MatrixFilter = { pageId: '', role: '', access: 'any', newOnly: false, text: '' };

export type SortKey = 'name' | 'email' | 'pages';
export interface MatrixSort {
  key: SortKey;
  descending: boolean;
}

/** Users first seen by the latest scan, when there was a scan before it to compare with. */
export function isNewSinceLastScan(user: MatrixUser, scan: Pick<TeamScan, 'startedAt' | 'previousStartedAt'> | null): boolean {
  return scan?.previousStartedAt !== undefined && user.firstSeenAt >= scan.startedAt;
}

export function matchesFilter(user: MatrixUser, filter: MatrixFilter, scan: Pick<TeamScan, 'startedAt' | 'previousStartedAt'> | null): boolean {
  if (filter.newOnly && !isNewSinceLastScan(user, scan)) return false;
  const text = filter.text.trim().toLowerCase();
  if (text && !user.name.toLowerCase().includes(text) && !user.email.toLowerCase().includes(text)) return false;
  if (filter.access === 'any' && !filter.role) return true;
  if (!user.cells) return false;
  const codes = filter.pageId ? [user.cells[filter.pageId]] : Object.values(user.cells);
  const withAccess = codes.filter((code) => code !== undefined);
  if (filter.access === 'none') return withAccess.length === 0;
  if (filter.access === 'has' && withAccess.length === 0) return false;
  if (filter.role) return withAccess.some((code) => codeToRoles(code).includes(filter.role as Role));
  return true;
}

/** Seats held without use: read users with no access to any page, and how many users are not read yet. */
export function unusedSeats(users: MatrixUser[]): { noAccess: number; notRead: number } {
  let noAccess = 0;
  let notRead = 0;
  for (const user of users) {
    if (!user.cells) notRead++;
    else if (Object.keys(user.cells).length === 0) noAccess++;
  }
  return { noAccess, notRead };
}

/** The "no access to any page" filter: these people hold a seat and can do nothing. */
export const NO_ACCESS_ANYWHERE: MatrixFilter = { ...NO_FILTER, access: 'none' };

export const pageCount = (user: MatrixUser) => (user.cells ? Object.keys(user.cells).length : -1);

const COMPARE: Record<SortKey, (a: MatrixUser, b: MatrixUser) => number> = {
  name: compareNames,
  email: compareEmails,
  pages: (a, b) => pageCount(a) - pageCount(b),
};

/** The rows to show, filtered then sorted (ties by name, then id, so the order is stable). */
export function visibleUsers(
  users: MatrixUser[],
  filter: MatrixFilter,
  sort: MatrixSort,
  scan: Pick<TeamScan, 'startedAt' | 'previousStartedAt'> | null,
): MatrixUser[] {
  const direction = sort.descending ? -1 : 1;
  return users.filter((user) => matchesFilter(user, filter, scan)).sort((a, b) => direction * COMPARE[sort.key](a, b) || byName(a, b));
}

/** The part of a filter that needs no read (the name or email, new since the last scan): what an unread user may match. */
export const knowableFilter = (filter: MatrixFilter): MatrixFilter => ({ ...filter, pageId: '', role: '', access: 'any' });

/** Whether the filter asks about access, which an unread user's row cannot answer yet. */
export const asksAboutAccess = (filter: MatrixFilter): boolean => filter.access !== 'any' || filter.role !== '';

/**
 * Users the scan has not read yet who may belong in the view: for an access filter they may match once read; they
 * are counted beside the rows ("4,375 not read yet"), never silently left out.
 */
export function unreadThatMayMatch(users: MatrixUser[], filter: MatrixFilter, scan: Pick<TeamScan, 'startedAt' | 'previousStartedAt'> | null) {
  const knowable = knowableFilter(filter);
  return users.filter((user) => !user.cells && matchesFilter(user, knowable, scan));
}

/** The users a filter or search points at that this scan has not read, in the table's order: the scan reads them next. */
export function readNext(
  users: MatrixUser[],
  filter: MatrixFilter,
  sort: MatrixSort,
  scan: Pick<TeamScan, 'startedAt' | 'previousStartedAt'> | null,
  limit: number,
): string[] {
  if (filter.text.trim() === '' && !filter.newOnly && filter.pageId === '' && !asksAboutAccess(filter)) return [];
  const unread = users.filter((user) => scan === null || user.readAt === undefined || user.readAt < scan.startedAt);
  return visibleUsers(unread, knowableFilter(filter), sort, scan)
    .slice(0, limit)
    .map((user) => user.id);
}
