import { browser } from 'wxt/browser';
import { organizationPrefix } from '../../storage/org-item';
import { readItems, type StoredItem, storedItem } from '../../storage/stored-item';
import { MatrixIndex, MatrixPages, MatrixUser, TeamMatrix } from '../team-access-storage';
import type { MatrixChanges } from './matrix-changes';
import type { MatrixRows } from './matrix-store';
import { idsByName } from './row-order';

// The matrix in extension storage: an index (`org.<id>.teamAccess.matrix`, version 3: the user ids, by name), the
// pages (`org.<id>.teamAccess.pages`) and one item per user (`org.<id>.teamAccess.row.<user id>`). Version 1 kept the
// whole matrix in one item: about 2 MB rewritten per read at 5,000 users; its migration splits it into rows once.
// Version 2's ids were in the organization's order; version 3 keeps the table's first order, so that the page reads
// the rows of its first screen first and the rest after it is drawn (a read of all 5,000 rows takes 120 ms and more).

const EMPTY_INDEX: MatrixIndex = { userIds: [] };
const indexItems = new Map<string, StoredItem<MatrixIndex>>();
const pagesItems = new Map<string, StoredItem<MatrixPages>>();

export function matrixPagesItem(connectionId: string): StoredItem<MatrixPages> {
  let item = pagesItems.get(connectionId);
  if (!item) {
    item = storedItem(`local:${organizationPrefix(connectionId)}teamAccess.pages`, { schema: MatrixPages, fallback: [] });
    pagesItems.set(connectionId, item);
  }
  return item;
}

export const rowPrefix = (connectionId: string): string => `${organizationPrefix(connectionId)}teamAccess.row.`;
const rowKey = (connectionId: string, userId: string) => `${rowPrefix(connectionId)}${userId}`;

/** Version 1 to 2: the one-item matrix's rows and pages go to their own items; what stays is the index. */
async function splitMatrix(connectionId: string, old: unknown): Promise<unknown> {
  const parsed = TeamMatrix.safeParse(old);
  if (!parsed.success) return old; // read as empty (with a warning) and kept, like any damaged value
  const { users, pages } = parsed.data;
  await browser.storage.local.set({
    ...Object.fromEntries(Object.values(users).map((user) => [rowKey(connectionId, user.id), user])),
    [`${organizationPrefix(connectionId)}teamAccess.pages`]: pages,
  });
  return { userIds: Object.keys(users) } satisfies MatrixIndex;
}

/** Version 2 to 3: the same ids in the table's first order (rows that cannot be read keep theirs, at the end). */
async function sortIndex(connectionId: string, old: unknown): Promise<unknown> {
  const parsed = MatrixIndex.safeParse(old);
  if (!parsed.success) return old;
  const rows = await readRows(connectionId, parsed.data.userIds);
  const named = new Set(rows.map((row) => row.id));
  return { userIds: [...idsByName(rows), ...parsed.data.userIds.filter((id) => !named.has(id))] } satisfies MatrixIndex;
}

export function matrixIndexItem(connectionId: string): StoredItem<MatrixIndex> {
  let item = indexItems.get(connectionId);
  if (!item) {
    item = storedItem(`local:${organizationPrefix(connectionId)}teamAccess.matrix`, {
      schema: MatrixIndex,
      fallback: EMPTY_INDEX,
      version: 3,
      migrations: { 2: (old: unknown) => splitMatrix(connectionId, old), 3: (old: unknown) => sortIndex(connectionId, old) },
    });
    indexItems.set(connectionId, item);
  }
  return item;
}

/** Rows as stored, each checked by its schema: a damaged row reads as not scanned (its user stays listed). */
export function parseRows(values: Record<string, unknown>, prefix: string): MatrixUser[] {
  const rows: MatrixUser[] = [];
  for (const [key, value] of Object.entries(values)) {
    if (!key.startsWith(prefix)) continue;
    const parsed = MatrixUser.safeParse(value);
    if (parsed.success && parsed.data.id === key.slice(prefix.length)) rows.push(parsed.data);
  }
  return rows;
}

/** Some users' rows as stored (a user without a readable row is left out): the page reads them a chunk at a time. */
export async function readRows(connectionId: string, ids: readonly string[]): Promise<MatrixUser[]> {
  if (ids.length === 0) return [];
  const prefix = rowPrefix(connectionId);
  return parseRows(await browser.storage.local.get(ids.map((id) => prefix + id)), prefix);
}

/** The rows of `ids`, in their order, as a matrix's users. */
function usersInOrder(ids: readonly string[], rows: readonly MatrixUser[]): Record<string, MatrixUser> {
  const byId = new Map(rows.map((row) => [row.id, row]));
  const users: Record<string, MatrixUser> = {};
  for (const id of ids) {
    const row = byId.get(id);
    if (row) users[id] = row;
  }
  return users;
}

/** The whole matrix, as the background first needs it (the page reads it in chunks: page/matrix-loader.ts). */
export async function loadMatrix(connectionId: string): Promise<TeamMatrix> {
  const [index, pages] = await readItems([matrixIndexItem(connectionId), matrixPagesItem(connectionId)]);
  return { users: usersInOrder(index.userIds, await readRows(connectionId, index.userIds)), pages };
}

/** The background's matrix store over extension storage: each update writes the rows it changed. */
export function storedMatrixRows(connectionId: string): MatrixRows {
  const prefix = rowPrefix(connectionId);
  return {
    load: () => loadMatrix(connectionId),
    async write({ rows, removed, index, pages }: MatrixChanges) {
      // New rows before the index that lists them; the index before the removal of rows it no longer lists.
      if (rows.length > 0) await browser.storage.local.set(Object.fromEntries(rows.map((row) => [prefix + row.id, MatrixUser.parse(row)])));
      if (pages) await matrixPagesItem(connectionId).setValue(pages);
      if (index) await matrixIndexItem(connectionId).setValue(index);
      if (removed.length > 0) await browser.storage.local.remove(removed.map((id) => prefix + id));
    },
  };
}
