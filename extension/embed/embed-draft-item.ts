import * as z from 'zod/mini';
import { EMBED_CONFIG_FIELDS } from '../../shared/schemas';
import { orgKeyedItem } from '../storage/org-item';
import { EmbedDraft } from './embed-draft';

/** Version 1 had no per-field stamps: every field counts as edited when the draft was. */
export function embedDraftV1ToV2(v1: { updatedAt?: unknown }): unknown {
  const at = typeof v1?.updatedAt === 'number' ? v1.updatedAt : 0;
  return { ...v1, stamps: Object.fromEntries(EMBED_CONFIG_FIELDS.map((field) => [field, at])) };
}

/**
 * Written by the popup as the admin types, one item per connection and page. Only extension pages read it: the in-page preview
 * gets the draft's five public fields from the popup over its port, never from storage.
 */
export const embedDraftItem = orgKeyedItem('draft.embed.', {
  schema: z.nullable(EmbedDraft),
  fallback: null,
  version: 2,
  migrations: { 2: embedDraftV1ToV2 },
});
