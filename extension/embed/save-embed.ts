import type { StatusEmbedConfig } from '../../shared/schemas';
import { sessionFor } from '../connection/session';
import type { SaveEmbedRequest } from '../messaging/protocol';
import { saveId } from '../saves/save-record';
import { removeSave } from '../saves/save-records';
import { runTrackedSave } from '../saves/run-saves';
import { cached } from '../storage/cached';
import { embedConfigCache } from './embed-config-cache';
import { embedDraftItem } from './embed-draft-item';

/** PATCH with only the changed fields; then the cache takes the answer and the draft goes, unless edited since. */
export async function saveEmbed(request: SaveEmbedRequest, notBefore?: number): Promise<StatusEmbedConfig> {
  const id = saveId('embed', request.connectionId, request.pageId);
  const config = await runTrackedSave(
    { id, kind: 'embed', request },
    async (signal) => {
      const { client } = await sessionFor(request.connectionId);
      return client.updateStatusEmbedConfig(request.pageId, request.changes, { signal });
    },
    notBefore,
  );
  await embedConfigCache(request.connectionId, request.pageId).setValue(cached(config));
  const draft = embedDraftItem(request.connectionId, request.pageId);
  if ((await draft.getValue())?.updatedAt === request.draftUpdatedAt) await draft.removeValue();
  await removeSave(id);
  return config;
}
