import type { StatusEmbedConfig } from '../../shared/schemas';
import { sessionFor } from '../connection/session';
import { defineSaveKind } from '../saves/save-kind';
import { cached } from '../storage/cached';
import { embedConfigCache } from './embed-config-cache';
import { embedDraftItem } from './embed-draft-item';

/** PATCH with only the changed fields; then the cache takes the answer and the draft goes, unless edited since. */
export const embedSave = defineSaveKind({
  kind: 'embed',
  async perform(request, signal, wait): Promise<StatusEmbedConfig> {
    const { client } = await sessionFor(request.connectionId);
    return wait(() => client.updateStatusEmbedConfig(request.pageId, request.changes, { signal }));
  },
  async settle(request, config) {
    await embedConfigCache(request.connectionId, request.pageId).setValue(cached(config));
    const draft = embedDraftItem(request.connectionId, request.pageId);
    if ((await draft.getValue())?.updatedAt === request.draftUpdatedAt) await draft.removeValue();
    return undefined;
  },
});
