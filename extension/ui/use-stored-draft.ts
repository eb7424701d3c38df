import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import type { StoredItem } from '../storage/stored-item';

export interface StoredDraft<D> {
  /** The draft on screen; null when there is none. */
  draft: D | null;
  /** Shows `next` at once and writes it to storage (null removes it: a revert). */
  write(next: D | null): void;
  /** A stamp later than any this draft holds, even within the same millisecond. */
  stamp(): number;
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/**
 * A draft kept in storage as it changes (close the popup, reopen it: the draft is there), and on screen at once, so
 * typing never waits for storage. What another popup writes is merged in field by field (`merge`), and the merge is
 * written back when it holds something storage lacks: two popups editing within the same millisecond both keep
 * their edits, and both settle on the same draft. A removal from elsewhere (a revert, a save that cleared it) wins.
 */
export function useStoredDraft<D extends { updatedAt: number }>(
  item: StoredItem<D | null>,
  stored: D | null,
  merge: (local: D, stored: D) => D,
): StoredDraft<D> {
  const [draft, setDraft] = useState<D | null>(stored);
  // What this popup last showed or wrote, at once (not when it is next drawn): merges and stamps start from it, so a
  // storage echo that arrives between two keystrokes is never merged against an older draft.
  const latest = useRef(draft);
  const previousStored = useRef(stored);
  const show = useCallback((next: D | null) => {
    latest.current = next;
    setDraft(next);
  }, []);

  useEffect(() => {
    const local = latest.current;
    const before = previousStored.current;
    previousStored.current = stored;
    if (stored === null) {
      // Removed elsewhere (a revert, a save that cleared it): follow. A null that was already there (the first read
      // of an empty item arriving late) removes nothing.
      if (before !== null && local !== null) show(null);
      return;
    }
    if (local === null) return show(stored);
    const merged = merge(local, stored);
    if (!same(merged, local)) show(merged);
    if (!same(merged, stored)) void item.setValue(merged);
  }, [stored, item, merge, show]);

  return {
    draft,
    write(next) {
      show(next);
      void (next ? item.setValue(next) : item.removeValue());
    },
    stamp: () => Math.max(Date.now(), (latest.current?.updatedAt ?? 0) + 1),
  };
}
