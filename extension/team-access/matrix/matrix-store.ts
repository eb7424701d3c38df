import type { TeamMatrix } from '../team-access-storage';
import { type MatrixChanges, matrixChanges, noChanges, withRows } from './matrix-changes';

/** What the runners need of a stored value: the storage item in the extension, a plain variable in a test. */
export interface ValueStore<T> {
  getValue(): Promise<T>;
  setValue(value: T): Promise<void>;
}

/** Where the matrix lives: row by row, so that recording one user's read writes one user's row. */
export interface MatrixRows {
  load(): Promise<TeamMatrix>;
  write(changes: MatrixChanges): Promise<void>;
}

export interface MatrixStore {
  get(): Promise<TeamMatrix>;
  /** Applies `change` to the latest matrix and stores the rows it changed; updates run one at a time, in order. */
  update(change: (matrix: TeamMatrix) => TeamMatrix): Promise<TeamMatrix>;
  /** Storage was changed from elsewhere (cleared): read it again next time. */
  forget(): void;
}

/**
 * The scan and a bulk change both write the matrix, from the same worker: one queue of updates over a copy in
 * memory (the background is the only writer), so neither loses the other's rows, and each writes only what changed.
 */
export function matrixStore(rows: MatrixRows): MatrixStore {
  let latest: Promise<TeamMatrix> | undefined;
  const get = () => {
    latest ??= rows.load();
    return latest;
  };
  return {
    get,
    update(change) {
      const next = get().then(async (matrix) => {
        const changed = change(matrix);
        const changes = matrixChanges(matrix, changed);
        if (!noChanges(changes)) await rows.write(changes);
        return changed;
      });
      // A failed write leaves the last good copy in place for the next update.
      latest = next.catch(() => rows.load());
      return next;
    },
    forget() {
      latest = undefined;
    },
  };
}

/** The matrix in memory (a test, the bench's Node runs), counting what each write would store as JSON. */
export function memoryMatrixRows(initial: TeamMatrix = { users: {}, pages: [] }) {
  let matrix = structuredClone(initial);
  const rows = {
    bytesWritten: 0,
    writes: 0,
    /** Writes of the index (the user ids): once per new list, never per read. */
    indexWrites: 0,
    get value(): TeamMatrix {
      return matrix;
    },
    load: async () => structuredClone(matrix),
    async write(changes: MatrixChanges) {
      rows.writes++;
      if (changes.index) rows.indexWrites++;
      rows.bytesWritten +=
        JSON.stringify(changes.rows).length + JSON.stringify(changes.index ?? '').length + JSON.stringify(changes.pages ?? '').length;
      matrix = withRows(matrix, structuredClone(changes.rows), changes.removed, changes.pages ?? matrix.pages);
    },
  };
  return rows satisfies MatrixRows;
}
