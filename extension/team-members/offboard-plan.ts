import type { PagePermissions } from '../../shared/schemas';
import { permissionsOf } from '../team-access/bulk/bulk-plan';
import type { MatrixPage, MatrixUser } from '../team-access/team-access-storage';
import type { OffboardPerson } from './messages';

/** More people than this at once: the confirmation asks for the number to be typed. */
export const TYPED_CONFIRMATION_OVER = 3;

export interface OffboardPlan {
  people: OffboardPerson[];
  /** Selected but not read by a scan yet: their access is unknown, so they cannot be planned (nor recorded). */
  notRead: string[];
  /** Pages whose every full-access user (among those read) is in the selection: the removal is refused. */
  lastAdminOf: MatrixPage[];
}

/** Full access to a page: every role where the page has roles, plain access where it has none. */
function isAdminOf(pages: PagePermissions, page: MatrixPage): boolean {
  const roles = pages[page.id];
  if (!roles) return false;
  if (page.usesRoles === false) return true;
  return roles.page_configuration === true && roles.incident_manager === true && roles.maintenance_manager === true;
}

/**
 * Who would be removed, each with the access they lose, and the pages the removal would leave without anyone at
 * full access. Only read users count as admins: one not read yet might be one, but a refusal is the safe side.
 */
export function planOffboard(selected: MatrixUser[], everyone: MatrixUser[], pages: MatrixPage[]): OffboardPlan {
  const people: OffboardPerson[] = [];
  const notRead: string[] = [];
  for (const user of selected) {
    const before = permissionsOf(user, pages);
    if (before) people.push({ userId: user.id, label: user.name.slice(0, 300), email: user.email.slice(0, 300), before });
    else notRead.push(user.name);
  }
  const leaving = new Set(selected.map((user) => user.id));
  const lastAdminOf = pages.filter((page) => {
    const admins = everyone.filter((user) => {
      const access = permissionsOf(user, pages);
      return access !== undefined && isAdminOf(access, page);
    });
    return admins.length > 0 && admins.every((user) => leaving.has(user.id));
  });
  return { people, notRead, lastAdminOf };
}
