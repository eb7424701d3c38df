import { useEffect, useState } from 'preact/hooks';
import type { StatusEmbedConfig } from '../../shared';
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

/**
 * The editor's values, written to storage on every change (close the popup, reopen it: the draft is there).
 * Kept locally too, so typing never waits for storage; a change from elsewhere (a save that cleared the
 * draft) is taken in when it is newer than what is on screen.
 */
export function useEmbedDraft(pageId: string, serverConfig: StatusEmbedConfig, stored: EmbedDraft | null): EmbedDraftState {
  const [local, setLocal] = useState<EmbedDraft | null>(stored);

  useEffect(() => {
    if (stored === null || local === null || stored.updatedAt > local.updatedAt) setLocal(stored);
  }, [stored]);

  const base = local?.base ?? serverConfig;
  const values = local?.values ?? valuesFromConfig(base);

  function set<K extends keyof EmbedValues>(field: K, value: EmbedValues[K]): void {
    const next: EmbedDraft = {
      pageId,
      base,
      values: { ...values, [field]: value },
      updatedAt: Math.max(Date.now(), (local?.updatedAt ?? 0) + 1),
    };
    const unchanged = !hasChanges(embedChanges(next.base, next.values)) && invalidColourFields(next.values).length === 0;
    setLocal(unchanged ? null : next);
    void (unchanged ? embedDraftItem(pageId).removeValue() : embedDraftItem(pageId).setValue(next));
  }

  function revert(): void {
    setLocal(null);
    void embedDraftItem(pageId).removeValue();
  }

  return { base, values, draft: local, set, revert };
}
