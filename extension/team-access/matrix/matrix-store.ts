import type { TeamMatrix } from '../team-access-storage';

/** What the runners need of a stored value: the storage item in the extension, a plain variable in the bench. */
export interface ValueStore<T> {
  getValue(): Promise<T>;
  setValue(value: T): Promise<void>;
}

export interface MatrixStore {
  get(): Promise<TeamMatrix>;
  /** Applies `change` to the latest matrix and stores it; updates run one at a time, in order. */
  update(change: (matrix: TeamMatrix) => TeamMatrix): Promise<TeamMatrix>;
  /** Storage was changed from elsewhere (cleared): read it again next time. */
  forget(): void;
}

/**
 * The scan and a bulk change both write the matrix, from the same worker: one queue of updates over a copy in
 * memory (the background is the only writer), so neither loses the other's rows and nothing re-parses 2 MB per read.
 */
export function matrixStore(item: ValueStore<TeamMatrix>): MatrixStore {
  let latest: Promise<TeamMatrix> | undefined;
  const get = () => {
    latest ??= item.getValue();
    return latest;
  };
  return {
    get,
    update(change) {
      const next = get().then(async (matrix) => {
        const changed = change(matrix);
        if (changed !== matrix) await item.setValue(changed);
        return changed;
      });
      // A failed write leaves the last good copy in place for the next update.
      latest = next.catch(() => item.getValue());
      return next;
    },
    forget() {
      latest = undefined;
    },
  };
}
