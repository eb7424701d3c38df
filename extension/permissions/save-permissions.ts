import { guardedReplace } from '../access/guarded-replace';
import { learnFromPermissions } from '../access/learn-from-permissions';
import { permissionsCache, roleBasedAccessCache } from '../access/permissions-cache';
import { sessionFor } from '../connection/session';
import type { SavePermissionsResult } from './messages';
import { defineSaveKind } from '../saves/save-kind';
import { cached } from '../storage/cached';
import { permissionsDraftItem } from './permissions-draft-item';

/** The guarded full replacement (access/guarded-replace.ts) of one user's permissions, as the popup asks for it. */
export const permissionsSave = defineSaveKind({
  kind: 'permissions',
  async perform(request, signal, wait): Promise<SavePermissionsResult> {
    const { connectionId } = request;
    const { client, organizationId } = await sessionFor(connectionId);
    const roleBasedAccess = await roleBasedAccessCache(connectionId).getValue();
    const result = await guardedReplace(
      {
        client,
        organizationId,
        usesRoles: (pageId) => roleBasedAccess[pageId],
        onPermissions: (pages) => learnFromPermissions(connectionId, pages),
        call: wait,
      },
      request.userId,
      request,
      // A save sent again (a new worker, a new try) may have landed: finding the mapping already there is a success.
      { signal, mayHaveLanded: true },
    );
    return result.outcome === 'conflict' ? result : { outcome: 'saved', pages: result.pages };
  },
  async settle(request, result) {
    const { connectionId, userId } = request;
    if (result.outcome === 'conflict') {
      await permissionsCache(connectionId, userId).setValue(cached(result.current));
      return { current: result.current };
    }
    await permissionsCache(connectionId, userId).setValue(cached(result.pages));
    const draft = permissionsDraftItem(connectionId, userId);
    if ((await draft.getValue())?.updatedAt === request.draftUpdatedAt) await draft.removeValue();
    return undefined;
  },
});
