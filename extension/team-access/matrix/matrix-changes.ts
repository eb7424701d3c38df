import type { MatrixPage, MatrixUser, TeamMatrix } from '../team-access-storage';

/** What one update did to the matrix: the rows to write, the rows to remove, the index when the set of users changed, the pages when they did. */
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
  const added = rows.some((row) => !Object.hasOwn(before.users, row.id));
  const changes: MatrixChanges = { rows, removed };
  if (added || removed.length > 0) changes.index = { userIds: Object.keys(after.users) };
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
