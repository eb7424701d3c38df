import { type PagePermissions, ROLE_LABELS, ROLES } from '../../../shared/schemas';
import { type PermissionChange, diffPermissions } from '../../access/permission-diff';
import type { MatrixPage } from '../team-access-storage';
import type { BulkChange } from './bulk-change';

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

/** What a change does to a user whose access is not known yet: "gets access to Acme Labs, unless they have it". */
export function unreadChangeText(change: BulkChange, pages: MatrixPage[], copied?: PagePermissions): string {
  const names = (ids: string[]) => ids.map((id) => nameOf(pages, id)).join(', ');
  switch (change.kind) {
    case 'grant': {
      const roles = change.roles.map((role) => ROLE_LABELS[role]).join(', ');
      return `gets access to ${names(change.pageIds)}${roles ? ` with ${roles}` : ''}, unless they have it`;
    }
    case 'set-role':
      return change.value
        ? `gets ${ROLE_LABELS[change.role]} on ${nameOf(pages, change.pageId)}, unless they have it`
        : `loses ${ROLE_LABELS[change.role]} on ${nameOf(pages, change.pageId)}, if they have it`;
    case 'remove':
      return `loses access to ${nameOf(pages, change.pageId)}, if they have it`;
    case 'copy':
      return `gets exactly ${permissionsText(copied ?? {}, pages)}, losing any other page`;
  }
}

/** The report's line for a user read just before the write: what was found, and what changed (or nothing to do). */
export function foundText(found: PagePermissions, after: PagePermissions | undefined, pages: MatrixPage[]): string {
  const changed = after ? changesText(diffPermissions(found, after), pages) : '';
  return `found ${permissionsText(found, pages)}; ${changed || 'nothing to do'}`;
}
