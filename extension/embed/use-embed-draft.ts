import type { StatusEmbedConfig } from '../../shared';
import { useStoredDraft } from '../ui/use-stored-draft';
import { embedDraftItem } from '../storage/drafts';
import { embedChanges, hasChanges, invalidColourFields, valuesFromConfig, type EmbedDraft, type EmbedValues } from './embed-draft';

export interface EmbedDraftState {
  /** The config the edit started from (the draft's, else the server's). */
  base: StatusEmbedConfig;
  values: EmbedValues;
  draft: EmbedDraft | null;
  set<K extends keyof EmbedValues>(field: K, value: EmbedValues[K]): void;
  revert(): void;
}

/** The editor's values, written to storage on every change; back to no draft when they match the server's again. */
export function useEmbedDraft(pageId: string, serverConfig: StatusEmbedConfig, stored: EmbedDraft | null): EmbedDraftState {
  const { draft, write, stamp } = useStoredDraft(embedDraftItem(pageId), stored);
  const base = draft?.base ?? serverConfig;
  const values = draft?.values ?? valuesFromConfig(base);

  function set<K extends keyof EmbedValues>(field: K, value: EmbedValues[K]): void {
    const next: EmbedDraft = { pageId, base, values: { ...values, [field]: value }, updatedAt: stamp() };
    const unchanged = !hasChanges(embedChanges(next.base, next.values)) && invalidColourFields(next.values).length === 0;
    write(unchanged ? null : next);
  }

  return { base, values, draft, set, revert: () => write(null) };
}
