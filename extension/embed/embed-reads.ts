import type { StatusEmbedConfig } from '../../shared/schemas';
import { currentSession } from '../connection/session';
import { cached } from '../storage/cached';
import { embedConfigCache } from './embed-config-cache';

/** Reads a page's embed config and refreshes its cache, so the next popup draws it at once. */
export async function refreshEmbedConfig(pageId: string): Promise<StatusEmbedConfig> {
  const { connectionId, client } = await currentSession();
  const config = await client.getStatusEmbedConfig(pageId);
  await embedConfigCache(connectionId, pageId).setValue(cached(config));
  return config;
}
