import { EMBED_CONFIG_FIELDS } from '../../shared/schemas';
import type { EmbedDraft } from './embed-draft';

const sameBase = (a: EmbedDraft, b: EmbedDraft) => JSON.stringify(a.base) === JSON.stringify(b.base);

/**
 * Two popups editing the same page: each field keeps its latest edit (by stamp; a tie goes to the larger value, so
 * both popups settle on the same draft). Drafts begun from different server configs are not mixed: the newer wins.
 */
export function mergeEmbedDrafts(local: EmbedDraft, stored: EmbedDraft): EmbedDraft {
  if (!sameBase(local, stored)) return stored.updatedAt >= local.updatedAt ? stored : local;
  const values = { ...stored.values };
  const stamps = { ...stored.stamps };
  for (const field of EMBED_CONFIG_FIELDS) {
    const mine = local.stamps[field] ?? -1;
    const theirs = stored.stamps[field] ?? -1;
    if (mine > theirs || (mine === theirs && mine >= 0 && String(local.values[field]) > String(stored.values[field]))) {
      (values as Record<string, string>)[field] = local.values[field];
      stamps[field] = mine;
    }
  }
  return { ...stored, values, stamps, updatedAt: Math.max(local.updatedAt, stored.updatedAt) };
}
