import { type PagePermissions, ROLE_LABELS, ROLES } from '../../../shared/schemas';
import { type PermissionChange, diffPermissions } from '../../access/permission-diff';
import type { MatrixPage } from '../team-access-storage';

const nameOf = (pages: MatrixPage[], id: string) => pages.find((page) => page.id === id)?.name ?? id;

/** "Acme Cloud (Manage incidents), Acme Labs", or "no access". */
export function permissionsText(permissions: PagePermissions, pages: MatrixPage[]): string {
  const parts = Object.entries(permissions)
    .sort(([a], [b]) => nameOf(pages, a).localeCompare(nameOf(pages, b)))
    .map(([pageId, roles]) => {
      const given = ROLES.filter((role) => roles[role] === true).map((role) => ROLE_LABELS[role]);
      return given.length ? `${nameOf(pages, pageId)} (${given.join(', ')})` : nameOf(pages, pageId);
    });
  return parts.length ? parts.join(', ') : 'no access';
}

/** "loses Acme Cloud; gains Manage incidents on Acme Labs": one change list as a sentence. */
export function changesText(changes: PermissionChange[], pages: MatrixPage[]): string {
  return changes
    .map((change) => {
      const page = nameOf(pages, change.pageId);
      const roles = (list: PermissionChange['rolesAdded']) => list.map((role) => ROLE_LABELS[role]).join(', ');
      if (change.kind === 'access-removed') return `loses access to ${page}`;
      if (change.kind === 'access-granted') return `gets access to ${page}${change.rolesAdded.length ? ` with ${roles(change.rolesAdded)}` : ''}`;
      const parts = [
        change.rolesAdded.length && `gets ${roles(change.rolesAdded)}`,
        change.rolesRemoved.length && `loses ${roles(change.rolesRemoved)}`,
      ].filter(Boolean);
      return `${parts.join(' and ')} on ${page}`;
    })
    .join('; ');
}

/** What someone else changed since the scan: the conflict's explanation. */
export function conflictText(before: PagePermissions, current: PagePermissions, pages: MatrixPage[]): string {
  return `changed since the scan: ${changesText(diffPermissions(before, current), pages) || 'roles spelled differently'}`;
}
