import { useEffect, useState } from 'preact/hooks';
import type { Item } from '../storage/keyed-item';

export interface StoredDraft<D> {
  /** The draft on screen; null when there is none. */
  draft: D | null;
  /** Shows `next` at once and writes it to storage (null removes it). */
  write(next: D | null): void;
  /** An `updatedAt` later than the draft's, even within the same millisecond. */
  stamp(): number;
}

/**
 * A draft kept in storage as it changes (close the popup, reopen it: the draft is there), and on screen at once,
 * so that typing never waits for storage. A change from elsewhere (a save that cleared the draft, another popup)
 * is taken in when it is newer than what is on screen.
 */
export function useStoredDraft<D extends { updatedAt: number }>(item: Item<D | null>, stored: D | null): StoredDraft<D> {
  const [draft, setDraft] = useState<D | null>(stored);

  useEffect(() => {
    if (stored === null || draft === null || stored.updatedAt > draft.updatedAt) setDraft(stored);
  }, [stored]);

  return {
    draft,
    write(next) {
      setDraft(next);
      void (next ? item.setValue(next) : item.removeValue());
    },
    stamp: () => Math.max(Date.now(), (draft?.updatedAt ?? 0) + 1),
  };
}
