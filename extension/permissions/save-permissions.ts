import { sessionFor } from '../connection/session';
import type { SavePermissionsRequest, SavePermissionsResult } from '../messaging/protocol';
import { saveId } from '../saves/save-record';
import { putSave, removeSave } from '../saves/save-records';
import { runTrackedSave } from '../saves/run-saves';
import { cached } from '../storage/cached';
import { completeMapping, samePermissions } from './permission-diff';
import { learnFromPermissions } from './permission-reads';
import { permissionsCache, roleBasedAccessCache } from './permissions-cache';
import { permissionsDraftItem } from './permissions-draft-item';

/** Re-reads, refuses on a change made elsewhere (a conflict, nothing written), else PUTs the complete mapping. */
export async function savePermissions(request: SavePermissionsRequest, notBefore?: number): Promise<SavePermissionsResult> {
  const id = saveId('permissions', request.connectionId, request.userId);
  const { connectionId } = request;
  const result = await runTrackedSave(
    { id, kind: 'permissions', request },
    async (signal): Promise<SavePermissionsResult> => {
      const { client, organizationId } = await sessionFor(connectionId);
      // Read again just before writing: a PUT replaces everything, so it must not undo someone else's edit.
      const { pages: current } = await client.getUserPermissions(organizationId, request.userId, { signal });
      await learnFromPermissions(connectionId, current);
      if (samePermissions(current, request.pages)) return { outcome: 'saved', pages: current }; // already so (a retry whose PUT had landed)
      if (!samePermissions(current, request.base)) return { outcome: 'conflict', current };
      const roleBasedAccess = await roleBasedAccessCache(connectionId).getValue();
      const body = completeMapping(request.pages, (pageId) => roleBasedAccess[pageId]);
      const saved = await client.replaceUserPermissions(organizationId, request.userId, body, { signal });
      await learnFromPermissions(connectionId, saved.pages);
      return { outcome: 'saved', pages: saved.pages };
    },
    notBefore,
  );
  if (result.outcome === 'conflict') {
    await permissionsCache(connectionId, request.userId).setValue(cached(result.current));
    await putSave({ id, kind: 'permissions', request, state: 'conflict', current: result.current, updatedAt: Date.now() });
    return result;
  }
  await permissionsCache(connectionId, request.userId).setValue(cached(result.pages));
  const draft = permissionsDraftItem(connectionId, request.userId);
  if ((await draft.getValue())?.updatedAt === request.draftUpdatedAt) await draft.removeValue();
  await removeSave(id);
  return result;
}
