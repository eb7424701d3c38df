import type { PagePermissions } from '../../shared/schemas';
import { useConnectionId } from '../ui/connection-context';
import { useStoredDraft } from '../ui/use-stored-draft';
import { diffPermissions, samePermissions } from '../access/permission-diff';
import { mergePermissionsDrafts, type PermissionsDraft } from './permissions-draft';
import { permissionsDraftItem } from './permissions-draft-item';

export interface PermissionsDraftState {
  base: PagePermissions;
  working: PagePermissions;
  /** The draft while it changes something (or was copied from another user); null otherwise. */
  draft: PermissionsDraft | null;
  /** Replaces the working mapping (the base stays what the server had when editing started). */
  edit(next: PagePermissions, copiedFrom?: string): void;
  /** Starts over from `base` (a reload after someone else's change), optionally keeping an edited mapping. */
  restart(base: PagePermissions, working?: PagePermissions): void;
  revert(): void;
}

/** Whether a stored draft holds an edit: one that matches the server again is no draft (its base may be old). */
export function hasPermissionEdits(draft: PermissionsDraft | null | undefined): draft is PermissionsDraft {
  return !!draft && (!samePermissions(draft.base, draft.draft) || draft.copiedFrom !== undefined);
}

/** Like use-embed-draft: kept in storage as it changes, on screen at once, merged page by page with other popups. */
export function usePermissionsDraft(userId: string, serverPermissions: PagePermissions, stored: PermissionsDraft | null): PermissionsDraftState {
  const { draft, write, stamp } = useStoredDraft(permissionsDraftItem(useConnectionId(), userId), stored, mergePermissionsDrafts);
  const active = hasPermissionEdits(draft) ? draft : null;
  const base = active?.base ?? serverPermissions;
  const working = active?.draft ?? base;

  return {
    base,
    working,
    draft: active,
    edit(next, copiedFrom) {
      const at = stamp();
      const stamps = { ...(active?.stamps ?? {}) };
      for (const change of diffPermissions(working, next)) stamps[change.pageId] = at;
      write({ userId, base, draft: next, copiedFrom: copiedFrom ?? active?.copiedFrom, stamps, updatedAt: at });
    },
    restart(newBase, newWorking) {
      // Without a draft the editor shows the cache, which the background updated when it found the change.
      if (!newWorking || samePermissions(newWorking, newBase)) return write(null);
      const at = stamp();
      const stamps = Object.fromEntries(diffPermissions(newBase, newWorking).map((change) => [change.pageId, at]));
      write({ userId, base: newBase, draft: newWorking, stamps, updatedAt: at });
    },
    revert: () => write(null),
  };
}
