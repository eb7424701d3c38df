import type { StatusEmbedConfig } from '../../shared/schemas';
import { useConnectionId } from '../ui/connection-context';
import { useStoredDraft } from '../ui/use-stored-draft';
import { type EmbedDraft, type EmbedValues, embedChanges, hasChanges, invalidColourFields, valuesFromConfig } from './embed-draft';
import { embedDraftItem } from './embed-draft-item';
import { mergeEmbedDrafts } from './merge-embed-drafts';

export interface EmbedDraftState {
  /** The config the edit started from (the draft's, else the server's). */
  base: StatusEmbedConfig;
  values: EmbedValues;
  /** The draft while it differs from the server (or holds a half-typed colour); null otherwise. */
  draft: EmbedDraft | null;
  set<K extends keyof EmbedValues>(field: K, value: EmbedValues[K]): void;
  revert(): void;
}

/** Whether a stored draft holds an edit: one that matches the server again is no draft (its base may be old). */
export function hasEdits(draft: EmbedDraft | null | undefined): draft is EmbedDraft {
  return !!draft && (hasChanges(embedChanges(draft.base, draft.values)) || invalidColourFields(draft.values).length > 0);
}

/**
 * The editor's values, written to storage on every change. A draft that matches the server again stays in storage
 * (a removal would drop another popup's concurrent edit) but counts as none.
 */
export function useEmbedDraft(pageId: string, serverConfig: StatusEmbedConfig, stored: EmbedDraft | null): EmbedDraftState {
  const { draft, write, stamp } = useStoredDraft(embedDraftItem(useConnectionId(), pageId), stored, mergeEmbedDrafts);
  const active = hasEdits(draft) ? draft : null;
  const base = active?.base ?? serverConfig;
  const values = active?.values ?? valuesFromConfig(base);

  function set<K extends keyof EmbedValues>(field: K, value: EmbedValues[K]): void {
    const at = stamp();
    const stamps = active ? { ...active.stamps, [field]: at } : { [field]: at };
    write({ pageId, base, values: { ...values, [field]: value }, stamps, updatedAt: at });
  }

  return { base, values, draft: active, set, revert: () => write(null) };
}
