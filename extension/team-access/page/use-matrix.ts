import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { type ReadAhead, readItems } from '../../storage/stored-item';
import { matrixIndexItem, matrixPagesItem, parseRows, readRows, rowPrefix } from '../matrix/stored-matrix';
import { MatrixIndex, MatrixPages, type MatrixUser } from '../team-access-storage';
import { type LoadedMatrix, MatrixLoader } from './matrix-loader';

/** The rows of the first screen (12 in view and the grid's overscan), with room: what the first frame draws. */
export const FIRST_ROWS = 40;
/**
 * The rows read at a time after the first frame: reading 500 rows from extension storage and checking them takes
 * about 15 ms of the page's main thread on a busy machine, so the page keeps scrolling and answering while the
 * rest of a 5,000-user organization comes in (all 5,000 in one read block it for 120 ms and more).
 */
export const CHUNK_ROWS = 500;

// Read before the first render (start-page.tsx): the index, the pages and the first screen's rows.
const preloaded = new Map<string, MatrixLoader>();

/** The index, the pages and the first screen's rows: from a read made ahead where it holds them unchanged. */
async function openMatrix(connectionId: string, ahead?: ReadAhead): Promise<{ loader: MatrixLoader; keys: string[] }> {
  const items = [matrixIndexItem(connectionId), matrixPagesItem(connectionId)] as const;
  const [index, pages] = await readItems(items, ahead);
  const prefix = rowPrefix(connectionId);
  const firstKeys = index.userIds.slice(0, FIRST_ROWS).map((id) => prefix + id);
  const answer = ahead && firstKeys.every(ahead.fresh) ? ahead.answer : await browser.storage.local.get(firstKeys);
  const first = parseRows(Object.fromEntries(firstKeys.map((key) => [key, answer[key]])), prefix);
  return { loader: new MatrixLoader(index.userIds, pages, first), keys: [...items.flatMap((item) => item.readKeys), ...firstKeys] };
}

/** Reads the first screen before the first render (start-page.tsx); returns the storage keys it read. */
export async function preloadMatrix(connectionId: string, ahead?: ReadAhead): Promise<string[]> {
  const { loader, keys } = await openMatrix(connectionId, ahead);
  preloaded.set(connectionId, loader);
  return keys;
}

const EMPTY: LoadedMatrix = { matrix: { users: {}, pages: [] }, loading: undefined };

/**
 * The stored matrix, kept up to date row by row: the first screen's rows at once, the rest a chunk per task after
 * the first frame (`loading` says how far), and then a scan's read changes one row item, and only that row is
 * parsed and replaced here (untouched rows keep their identity, so the table redraws only what changed).
 */
export function useMatrix(connectionId: string): LoadedMatrix {
  const [state, setState] = useState<LoadedMatrix>(() => preloaded.get(connectionId)?.value ?? EMPTY);
  useEffect(() => {
    let live = true;
    let loader = preloaded.get(connectionId);
    preloaded.delete(connectionId);
    const prefix = rowPrefix(connectionId);
    const indexKey = matrixIndexItem(connectionId).key.replace(/^local:/, '');
    const pagesKey = matrixPagesItem(connectionId).key.replace(/^local:/, '');
    // Changes that come before the index was read wait for it.
    const early: Parameters<MatrixLoader['applyChanges']>[0][] = [];
    const publish = () => live && loader && setState(loader.value);

    // One chain of chunk reads at a time, each chunk its own task: the frame with its rows is drawn, and any input
    // handled, before the next read.
    let reading = false;
    const readMore = async () => {
      const from = loader;
      const ids = live && from ? from.nextChunk(CHUNK_ROWS) : [];
      if (ids.length === 0 || !from) {
        reading = false;
        return;
      }
      const rows = await readRows(connectionId, ids).catch(() => []);
      from.addChunk(ids, rows); // a cleared connection's new copy (below) is another loader
      publish();
      setTimeout(() => void readMore(), 0);
    };
    const readRest = () => {
      if (reading) return;
      reading = true;
      setTimeout(() => void readMore(), 0);
    };
    void (async () => {
      loader ??= await openMatrix(connectionId).then(
        (opened) => opened.loader,
        () => new MatrixLoader([], []),
      );
      if (!live) return;
      for (const change of early.splice(0)) loader.applyChanges(change);
      publish();
      readRest();
    })();

    const onChanged = (changes: Record<string, { newValue?: unknown }>, area: string) => {
      if (area !== 'local' || !live) return;
      if (indexKey in changes && changes[indexKey]?.newValue === undefined) {
        // The connection's data was cleared.
        loader = new MatrixLoader([], []);
        early.length = 0;
        publish();
        return;
      }
      const rows: MatrixUser[] = [];
      const removed: string[] = [];
      for (const [key, change] of Object.entries(changes)) {
        if (!key.startsWith(prefix)) continue;
        if (change.newValue === undefined) removed.push(key.slice(prefix.length));
        else rows.push(...parseRows({ [key]: change.newValue }, prefix));
      }
      const index = indexKey in changes ? MatrixIndex.safeParse(changes[indexKey]?.newValue) : undefined;
      const pages = pagesKey in changes ? MatrixPages.safeParse(changes[pagesKey]?.newValue) : undefined;
      if (rows.length === 0 && removed.length === 0 && !index?.success && !pages?.success) return;
      const change = { rows, removed, ...(index?.success && { order: index.data.userIds }), ...(pages?.success && { pages: pages.data }) };
      if (!loader) {
        early.push(change);
        return;
      }
      loader.applyChanges(change);
      publish();
      // A new list once everything was read: its new users' rows are read the same way.
      if (index?.success) readRest();
    };
    browser.storage.onChanged.addListener(onChanged);
    return () => {
      live = false;
      browser.storage.onChanged.removeListener(onChanged);
    };
  }, [connectionId]);
  return state;
}
