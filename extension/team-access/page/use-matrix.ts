import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { withRows } from '../matrix/matrix-changes';
import { loadMatrix, matrixIndexItem, matrixPagesItem, parseRows, rowPrefix } from '../matrix/stored-matrix';
import { MatrixIndex, MatrixPages, type MatrixUser, type TeamMatrix } from '../team-access-storage';

const EMPTY: TeamMatrix = { users: {}, pages: [] };
// Read before the first render (start-page.tsx), so that the matrix draws in the very first frame.
const preloaded = new Map<string, TeamMatrix>();

export async function preloadMatrix(connectionId: string): Promise<void> {
  preloaded.set(connectionId, await loadMatrix(connectionId));
}

/**
 * The stored matrix, kept up to date row by row: a scan's read changes one row item, and only that row is parsed
 * and replaced here (untouched rows keep their identity, so the table redraws only what changed).
 */
export function useMatrix(connectionId: string): TeamMatrix {
  const [matrix, setMatrix] = useState<TeamMatrix>(() => preloaded.get(connectionId) ?? EMPTY);
  useEffect(() => {
    let live = true;
    const prefix = rowPrefix(connectionId);
    const indexKey = matrixIndexItem(connectionId).key.replace(/^local:/, '');
    const pagesKey = matrixPagesItem(connectionId).key.replace(/^local:/, '');
    void loadMatrix(connectionId).then((loaded) => live && setMatrix(loaded));
    const onChanged = (changes: Record<string, { newValue?: unknown }>, area: string) => {
      if (area !== 'local' || !live) return;
      const rows: MatrixUser[] = [];
      const removed: string[] = [];
      for (const [key, change] of Object.entries(changes)) {
        if (!key.startsWith(prefix)) continue;
        if (change.newValue === undefined) removed.push(key.slice(prefix.length));
        else rows.push(...parseRows({ [key]: change.newValue }, prefix));
      }
      if (indexKey in changes && changes[indexKey]?.newValue === undefined) {
        setMatrix(EMPTY); // the connection's data was cleared
        return;
      }
      const index = indexKey in changes ? MatrixIndex.safeParse(changes[indexKey]?.newValue) : undefined;
      const pages = pagesKey in changes ? MatrixPages.safeParse(changes[pagesKey]?.newValue) : undefined;
      if (rows.length === 0 && removed.length === 0 && !index && !pages) return;
      setMatrix((current) => {
        const newPages = pages?.success ? pages.data : current.pages;
        if (!index?.success) return withRows(current, rows, removed, newPages);
        // The set of users changed (a new list): rows it no longer names go.
        const listed = new Set(index.data.userIds);
        const gone = Object.keys(current.users).filter((id) => !listed.has(id));
        return withRows(current, rows, [...removed, ...gone], newPages);
      });
    };
    browser.storage.onChanged.addListener(onChanged);
    return () => {
      live = false;
      browser.storage.onChanged.removeListener(onChanged);
    };
  }, [connectionId]);
  return matrix;
}
