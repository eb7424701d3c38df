import { useMemo, useState } from 'preact/hooks';
import type { MatrixUser } from '../team-access-storage';

/** The rows the table holds in place: for which view (filter and sort), and whose (user ids), in order. */
export interface HeldRows {
  key: string;
  ids: string[];
}

export interface StableView {
  /** The rows to draw: the held ones (each user's row as it is now), or all matching rows when nothing is held. */
  rows: MatrixUser[];
  /** Users that match now but are not drawn: "N more now match: show them". */
  waiting: number;
  /** What to hold from now on: set when holding starts (or the view changed), else the same as before. */
  held: HeldRows | null;
}

/**
 * The rows to draw, pure. While `hold` (a scan runs), the rows of this view keep their places: each shows its user
 * as now (a read updates its cells), a user who now matches waits in `waiting`, and a user who no longer exists is
 * left out. A new view (another filter or sort) takes the rows as they are now; so does holding when it starts.
 */
export function stableView(
  matching: MatrixUser[],
  users: Readonly<Record<string, MatrixUser>>,
  hold: boolean,
  viewKey: string,
  held: HeldRows | null,
): StableView {
  if (!hold) return { rows: matching, waiting: 0, held: null }; // holding again later starts from the rows then
  if (held?.key !== viewKey) {
    const now = matching.length > 0 ? { key: viewKey, ids: matching.map((row) => row.id) } : null;
    return { rows: matching, waiting: 0, held: now };
  }
  const ids = new Set(held.ids);
  const rows = held.ids.map((id) => users[id]).filter((user): user is MatrixUser => user !== undefined);
  return { rows, waiting: matching.filter((row) => !ids.has(row.id)).length, held };
}

/**
 * While the scan runs, the table keeps the rows it shows where they are (each row's cells still update): users that
 * come to match the filter as they are read wait behind "N more match, show", as new mail does in a mail client, so
 * nothing moves under the pointer. A new filter or sort, or "show", takes the rows as they are now.
 */
export function useStableRows(rows: MatrixUser[], users: Record<string, MatrixUser>, hold: boolean, viewKey: string) {
  const [held, setHeld] = useState<HeldRows | null>(null);
  const view = useMemo(() => stableView(rows, users, hold, viewKey, held), [rows, users, hold, viewKey, held]);
  if (view.held !== held) setHeld(view.held);
  return useMemo(
    () => ({ rows: view.rows, waiting: view.waiting, show: () => setHeld({ key: viewKey, ids: rows.map((row) => row.id) }) }),
    [view, rows, viewKey],
  );
}
