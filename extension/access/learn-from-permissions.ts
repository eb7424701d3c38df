import type { PagePermissions } from '../../shared/schemas';
import { roleBasedAccessCache } from './permissions-cache';
import { learnRoleBasedAccess } from './role-based-access';

let learning: Promise<unknown> = Promise.resolve();

/** Which pages use role based access control shows only in permission reads: remember it (one write at a time). */
export function learnFromPermissions(connectionId: string, pages: PagePermissions): Promise<void> {
  const item = roleBasedAccessCache(connectionId);
  const next = learning.then(async () => {
    await item.setValue(learnRoleBasedAccess(await item.getValue(), pages));
  });
  learning = next.catch(() => {});
  return next;
}
