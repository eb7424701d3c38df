import { useMemo, useState } from 'preact/hooks';
import type { MatrixUser } from '../team-access-storage';

/**
 * While the scan runs, the table keeps the rows it shows where they are (each row's cells still update): users that
 * come to match the filter as they are read wait behind "N more match, show", as new mail does in a mail client, so
 * nothing moves under the pointer. A new filter or sort, or "show", takes the rows as they are now.
 */
export function useStableRows(rows: MatrixUser[], users: Record<string, MatrixUser>, hold: boolean, viewKey: string) {
  const [held, setHeld] = useState<{ key: string; ids: string[] } | null>(null);
  const current = hold && held?.key === viewKey ? held : null;
  if (hold && !current && rows.length > 0) setHeld({ key: viewKey, ids: rows.map((row) => row.id) });
  return useMemo(() => {
    const show = () => setHeld({ key: viewKey, ids: rows.map((row) => row.id) });
    if (!current) return { rows, waiting: 0, show };
    const ids = new Set(current.ids);
    const shown = current.ids.map((id) => users[id]).filter((user): user is MatrixUser => user !== undefined);
    return { rows: shown, waiting: rows.filter((row) => !ids.has(row.id)).length, show };
  }, [rows, users, current, viewKey]);
}
