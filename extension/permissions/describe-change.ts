import { ROLE_LABELS } from '../../shared/index';
import type { PermissionChange } from '../access/permission-diff';

/** "Acme Cloud: access removed", "Acme Payments: Manage incidents given, Configure page taken away". */
export function describeChange(change: PermissionChange, pageName: (pageId: string) => string): string {
  const page = pageName(change.pageId);
  const added = change.rolesAdded.map((role) => ROLE_LABELS[role]);
  const removed = change.rolesRemoved.map((role) => ROLE_LABELS[role]);
  switch (change.kind) {
    case 'access-removed':
      return `${page}: access removed`;
    case 'access-granted':
      return `${page}: access given${added.length ? ` with ${added.join(', ')}` : ''}`;
    case 'roles-changed':
      return `${page}: ${[...added.map((r) => `${r} given`), ...removed.map((r) => `${r} taken away`)].join(', ')}`;
  }
}
