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

type StorageChanges = Record<string, { newValue?: unknown }>;

interface Opened {
  loader: MatrixLoader;
  /** The storage keys read. */
  keys: string[];
  /** Storage changes since the read began, in order (and stops collecting them): the page applies them over it. */
  changesSince(): StorageChanges[];
}

// Read before the first render (start-page.tsx): the index, the pages and the first screen's rows.
const preloaded = new Map<string, Opened>();

/** The index, the pages and the first screen's rows: from a read made ahead where it holds them unchanged. */
async function openMatrix(connectionId: string, ahead?: ReadAhead): Promise<Opened> {
  const since: StorageChanges[] = [];
  const collect = (changes: StorageChanges, area: string) => {
    if (area === 'local') since.push(changes);
  };
  browser.storage.onChanged.addListener(collect);
  try {
    const items = [matrixIndexItem(connectionId), matrixPagesItem(connectionId)] as const;
    const [index, pages] = await readItems(items, ahead);
    const prefix = rowPrefix(connectionId);
    const firstKeys = index.userIds.slice(0, FIRST_ROWS).map((id) => prefix + id);
    const answer = ahead && firstKeys.every(ahead.fresh) ? ahead.answer : await browser.storage.local.get(firstKeys);
    const first = parseRows(Object.fromEntries(firstKeys.map((key) => [key, answer[key]])), prefix);
    return {
      loader: new MatrixLoader(index.userIds, pages, first),
      keys: [...items.flatMap((item) => item.readKeys), ...firstKeys],
      changesSince() {
        browser.storage.onChanged.removeListener(collect);
        return since.splice(0);
      },
    };
  } catch (error) {
    browser.storage.onChanged.removeListener(collect);
    throw error;
  }
}

/** Reads the first screen before the first render (start-page.tsx); returns the storage keys it read. */
export async function preloadMatrix(connectionId: string, ahead?: ReadAhead): Promise<string[]> {
  const opened = await openMatrix(connectionId, ahead);
  preloaded.set(connectionId, opened);
  return opened.keys;
}

const EMPTY: LoadedMatrix = { matrix: { users: {}, pages: [] }, loading: undefined };

/**
 * The stored matrix, kept up to date row by row: the first screen's rows at once, the rest a chunk per task after
 * the first frame (`loading` says how far), and then a scan's read changes one row item, and only that row is
 * parsed and replaced here (untouched rows keep their identity, so the table redraws only what changed).
 */
export function useMatrix(connectionId: string): LoadedMatrix {
  const [state, setState] = useState<LoadedMatrix>(() => preloaded.get(connectionId)?.loader.value ?? EMPTY);
  useEffect(() => {
    let live = true;
    let loader: MatrixLoader | undefined;
    const prefix = rowPrefix(connectionId);
    const indexKey = matrixIndexItem(connectionId).key.replace(/^local:/, '');
    const pagesKey = matrixPagesItem(connectionId).key.replace(/^local:/, '');
    const publish = () => live && loader && setState(loader.value);

    // One chain of chunk reads at a time. A chunk's read (storage's answer turned into objects, then checked) and the
    // page's redraw with its rows are two tasks, each well under 50 ms; input is handled between them.
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
      setTimeout(() => {
        publish();
        setTimeout(() => void readMore(), 0);
      }, 0);
    };
    const readRest = () => {
      if (reading) return;
      reading = true;
      setTimeout(() => void readMore(), 0);
    };

    /** A storage change into the copy; whether it brought a new index (new users to read). */
    const apply = (changes: StorageChanges): boolean => {
      if (!loader) return false;
      if (indexKey in changes && changes[indexKey]?.newValue === undefined) {
        loader = new MatrixLoader([], []); // the connection's data was cleared
        return false;
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
      if (rows.length === 0 && removed.length === 0 && !index?.success && !pages?.success) return false;
      loader.applyChanges({ rows, removed, ...(index?.success && { order: index.data.userIds }), ...(pages?.success && { pages: pages.data }) });
      return index?.success === true;
    };

    // Changes that come before the first read answered wait for it (then they are applied over it, in order).
    const early: StorageChanges[] = [];
    const onChanged = (changes: StorageChanges, area: string) => {
      if (area !== 'local' || !live) return;
      if (!loader) {
        early.push(changes);
        return;
      }
      const relisted = apply(changes);
      publish();
      if (relisted) readRest(); // a new list: its new users' rows are read the same way
    };
    const start = (opened: Opened, before: StorageChanges[]) => {
      if (!live) return;
      loader = opened.loader;
      for (const changes of before) apply(changes);
      publish();
      readRest();
    };

    const opened = preloaded.get(connectionId);
    preloaded.delete(connectionId);
    // Synchronously from here to the listener: no change falls between what was collected and what is watched.
    if (opened) start(opened, opened.changesSince());
    browser.storage.onChanged.addListener(onChanged);
    if (!opened) {
      void openMatrix(connectionId).then(
        (read) => {
          read.changesSince(); // its own collection stops: `early` has every change since before the read began
          start(read, early.splice(0));
        },
        () => start({ loader: new MatrixLoader([], []), keys: [], changesSince: () => [] }, early.splice(0)),
      );
    }
    return () => {
      live = false;
      browser.storage.onChanged.removeListener(onChanged);
    };
  }, [connectionId]);
  return state;
}
