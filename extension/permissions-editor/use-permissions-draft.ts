import { useEffect, useState } from 'preact/hooks';
import type { PagePermissions } from '../../shared';
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

/** Like use-embed-draft: kept in storage as it changes, local so that clicks never wait for storage. */
export function usePermissionsDraft(userId: string, serverPermissions: PagePermissions, stored: PermissionsDraft | null): PermissionsDraftState {
  const [local, setLocal] = useState<PermissionsDraft | null>(stored);

  useEffect(() => {
    if (stored === null || local === null || stored.updatedAt > local.updatedAt) setLocal(stored);
  }, [stored]);

  const base = local?.base ?? serverPermissions;
  const working = local?.draft ?? base;
  const item = permissionsDraftItem(userId);

  function write(next: PermissionsDraft | null): void {
    setLocal(next);
    void (next ? item.setValue(next) : item.removeValue());
  }

  function stamp(): number {
    return Math.max(Date.now(), (local?.updatedAt ?? 0) + 1);
  }

  return {
    base,
    working,
    draft: local,
    edit(next, copiedFrom) {
      if (samePermissions(next, base) && !local?.copiedFrom && !copiedFrom) return write(null);
      write({ userId, base, draft: next, copiedFrom: copiedFrom ?? local?.copiedFrom, updatedAt: stamp() });
    },
    restart(newBase, newWorking) {
      // Without a draft the editor shows the cache, which the background updated when it found the change.
      write(newWorking && !samePermissions(newWorking, newBase) ? { userId, base: newBase, draft: newWorking, updatedAt: stamp() } : null);
    },
    revert() {
      write(null);
    },
  };
}
