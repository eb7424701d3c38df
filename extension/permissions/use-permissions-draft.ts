import type { PagePermissions } from '../../shared';
import { useStoredDraft } from '../ui/use-stored-draft';
import { permissionsDraftItem, type PermissionsDraft } from '../storage/drafts';
import { samePermissions } from './permission-diff';

export interface PermissionsDraftState {
  base: PagePermissions;
  working: PagePermissions;
  draft: PermissionsDraft | null;
  /** Replaces the working mapping (the base stays what the server had when editing started). */
  edit(next: PagePermissions, copiedFrom?: string): void;
  /** Starts over from `base` (a reload after someone else's change), optionally keeping an edited mapping. */
  restart(base: PagePermissions, working?: PagePermissions): void;
  revert(): void;
}

/** Like use-embed-draft: kept in storage as it changes, on screen at once. */
export function usePermissionsDraft(userId: string, serverPermissions: PagePermissions, stored: PermissionsDraft | null): PermissionsDraftState {
  const { draft, write, stamp } = useStoredDraft(permissionsDraftItem(userId), stored);
  const base = draft?.base ?? serverPermissions;
  const working = draft?.draft ?? base;

  return {
    base,
    working,
    draft,
    edit(next, copiedFrom) {
      if (samePermissions(next, base) && !draft?.copiedFrom && !copiedFrom) return write(null);
      write({ userId, base, draft: next, copiedFrom: copiedFrom ?? draft?.copiedFrom, updatedAt: stamp() });
    },
    restart(newBase, newWorking) {
      // Without a draft the editor shows the cache, which the background updated when it found the change.
      write(newWorking && !samePermissions(newWorking, newBase) ? { userId, base: newBase, draft: newWorking, updatedAt: stamp() } : null);
    },
    revert: () => write(null),
  };
}
