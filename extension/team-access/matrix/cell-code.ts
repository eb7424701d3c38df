import * as z from 'zod/mini';
import { type PagePermissions, type PageRoles, ROLES, type Role } from '../../../shared/schemas';

// A user's access to one page, stored compactly ("" access without roles, "im" Manage incidents and maintenances):
// 5,000 users x 20 pages as full role objects would not fit the 10 MB storage.local allows.
const LETTER: Record<Role, string> = { page_configuration: 'c', incident_manager: 'i', maintenance_manager: 'm' };

export const CellCode = z.string().check(z.regex(/^c?i?m?$/, 'must be role letters c, i, m in that order'));
export type CellCode = z.infer<typeof CellCode>;
/** Page id -> cell code; a page missing is a page without access. */
export const CellCodes = z.record(z.string(), CellCode);
export type CellCodes = z.infer<typeof CellCodes>;

export function rolesToCode(roles: PageRoles): CellCode {
  return ROLES.filter((role) => roles[role] === true)
    .map((role) => LETTER[role])
    .join('');
}

export function codeToRoles(code: CellCode): Role[] {
  return ROLES.filter((role) => code.includes(LETTER[role]));
}

export function encodePermissions(pages: PagePermissions): CellCodes {
  return Object.fromEntries(Object.entries(pages).map(([pageId, roles]) => [pageId, rolesToCode(roles)]));
}

/**
 * Back to the API's shape. A page with role based access control (or not known to lack it) spells every role out;
 * a page known to have none is `{}`. `diffPermissions` treats absent and false roles alike, so nothing is lost.
 */
export function decodePermissions(cells: CellCodes, usesRoles: (pageId: string) => boolean | undefined): PagePermissions {
  const pages: PagePermissions = {};
  for (const [pageId, code] of Object.entries(cells)) {
    if (usesRoles(pageId) === false) pages[pageId] = {};
    else pages[pageId] = Object.fromEntries(ROLES.map((role) => [role, code.includes(LETTER[role])])) as PageRoles;
  }
  return pages;
}
