import type { StatusEmbedConfig } from '../../shared';
import type { SavePermissionsResult } from '../messaging/protocol';
import { samePermissions, completeMapping } from '../permissions/permission-diff';
import { embedConfigCache, cached, permissionsCache, roleBasedAccessCache } from '../storage/cache';
import { embedDraftItem, permissionsDraftItem } from '../storage/drafts';
import { isSaveInProgress, saveId, savesItem, type SaveEmbedRequest, type SavePermissionsRequest } from './save-record';
import { learnFromPermissions } from '../organization/reads';
import { realSaveDeps } from './real-save-deps';
import { putSave, removeSave } from './save-records';
import { runSave } from './save-runner';
import { currentSession } from '../connection/session';

const running = new Map<string, AbortController>();

function start(id: string): AbortController {
  running.get(id)?.abort(); // a new save of the same thing replaces a waiting one
  const controller = new AbortController();
  running.set(id, controller);
  return controller;
}

function finish(id: string, controller: AbortController): void {
  if (running.get(id) === controller) running.delete(id);
}

export async function saveEmbed(request: SaveEmbedRequest, notBefore?: number): Promise<StatusEmbedConfig> {
  const id = saveId('embed', request.pageId);
  const controller = start(id);
  try {
    const config = await runSave(
      { id, kind: 'embed', request },
      async (signal) => {
        const { client } = await currentSession();
        return client.updateStatusEmbedConfig(request.pageId, request.changes, { signal });
      },
      realSaveDeps,
      { signal: controller.signal, notBefore },
    );
    await embedConfigCache(request.pageId).setValue(cached(config));
    const draft = embedDraftItem(request.pageId);
    if ((await draft.getValue())?.updatedAt === request.draftUpdatedAt) await draft.removeValue();
    await removeSave(id);
    return config;
  } finally {
    finish(id, controller);
  }
}

export async function savePermissions(request: SavePermissionsRequest, notBefore?: number): Promise<SavePermissionsResult> {
  const id = saveId('permissions', request.userId);
  const controller = start(id);
  try {
    const result = await runSave(
      { id, kind: 'permissions', request },
      async (signal): Promise<SavePermissionsResult> => {
        const { client, organizationId } = await currentSession();
        // Read again just before writing: a PUT replaces everything, so it must not undo someone else's edit.
        const { pages: current } = await client.getUserPermissions(organizationId, request.userId, { signal });
        await learnFromPermissions(current);
        if (samePermissions(current, request.pages)) return { outcome: 'saved', pages: current }; // already so (a retry whose PUT had landed)
        if (!samePermissions(current, request.base)) return { outcome: 'conflict', current };
        const roleBasedAccess = await roleBasedAccessCache.getValue();
        const body = completeMapping(request.pages, (pageId) => roleBasedAccess[pageId]);
        const saved = await client.replaceUserPermissions(organizationId, request.userId, body, { signal });
        await learnFromPermissions(saved.pages);
        return { outcome: 'saved', pages: saved.pages };
      },
      realSaveDeps,
      { signal: controller.signal, notBefore },
    );
    if (result.outcome === 'conflict') {
      await permissionsCache(request.userId).setValue(cached(result.current));
      await putSave({ id, kind: 'permissions', request, state: 'conflict', current: result.current, updatedAt: Date.now() });
      return result;
    }
    await permissionsCache(request.userId).setValue(cached(result.pages));
    const draft = permissionsDraftItem(request.userId);
    if ((await draft.getValue())?.updatedAt === request.draftUpdatedAt) await draft.removeValue();
    await removeSave(id);
    return result;
  } finally {
    finish(id, controller);
  }
}

export function cancelSave(id: string): void {
  running.get(id)?.abort();
}

export async function dismissSave(id: string): Promise<void> {
  running.get(id)?.abort();
  await removeSave(id);
}

/** After the worker restarted: carry on with the saves that were under way or waiting. */
export async function resumeSaves(): Promise<void> {
  const saves = await savesItem.getValue();
  const unfinished = Object.values(saves).filter((save) => isSaveInProgress(save) && !running.has(save.id));
  for (const save of unfinished) {
    const work = save.kind === 'embed' ? saveEmbed(save.request, save.retryAt) : savePermissions(save.request, save.retryAt);
    work.catch(() => {}); // reported in the saves record
  }
}
