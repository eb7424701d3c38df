import type { MatrixPage, MatrixUser, TeamMatrix } from '../team-access-storage';
import { idsByName } from './row-order';

/** What one update did to the matrix: the rows to write, the rows to remove, the index when the users or their names changed, the pages when they did. */
export interface MatrixChanges {
  rows: MatrixUser[];
  removed: string[];
  index?: { userIds: string[] };
  pages?: MatrixPage[];
}

/** The rows that differ between two matrices (by reference: updates copy only the rows they change), in O(users). */
export function matrixChanges(before: TeamMatrix, after: TeamMatrix): MatrixChanges {
  const rows: MatrixUser[] = [];
  const removed: string[] = [];
  for (const [id, row] of Object.entries(after.users)) if (before.users[id] !== row) rows.push(row);
  for (const id of Object.keys(before.users)) if (!Object.hasOwn(after.users, id)) removed.push(id);
  // The index keeps the table's first order (by name): a new list (users who came or left, a name changed) rewrites it.
  const relisted = rows.some((row) => before.users[row.id]?.name !== row.name);
  const changes: MatrixChanges = { rows, removed };
  if (relisted || removed.length > 0) changes.index = { userIds: idsByName(Object.values(after.users)) };
  if (before.pages !== after.pages) changes.pages = after.pages;
  return changes;
}

export const noChanges = (changes: MatrixChanges): boolean =>
  changes.rows.length === 0 && changes.removed.length === 0 && !changes.index && !changes.pages;

/** A matrix with some rows replaced or gone (the page, as storage reports changes): untouched rows keep their identity. */
export function withRows(matrix: TeamMatrix, rows: Iterable<MatrixUser>, removed: Iterable<string> = [], pages = matrix.pages): TeamMatrix {
  const users = { ...matrix.users };
  for (const row of rows) users[row.id] = row;
  for (const id of removed) delete users[id];
  return { users, pages };
}
