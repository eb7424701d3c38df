import { withRows } from '../matrix/matrix-changes';
import type { MatrixPage, MatrixUser, TeamMatrix } from '../team-access-storage';

/** How far the page got reading the stored rows: `read` of the index's `total` users (a row that cannot be read counts as read). */
export interface LoadProgress {
  read: number;
  total: number;
}

/** The matrix as the page holds it: `loading` until every user the index lists has been read. */
export interface LoadedMatrix {
  matrix: TeamMatrix;
  loading: LoadProgress | undefined;
}

/**
 * The page's copy of the stored matrix, filled a chunk of rows at a time in the index's order (the table's first
 * order, so the first screen comes first), while the scan's changes come in: a row a change brought is newer than
 * the same row in a chunk read before it landed, so a chunk never overwrites it, nor brings back a row removed since.
 */
export class MatrixLoader {
  #matrix: TeamMatrix;
  /** The index: every user the page will have. */
  #order: string[];
  #orderSet: Set<string>;
  /** Users a chunk asked for (each is asked once). */
  #asked = new Set<string>();
  /** Users read by a chunk, or set or removed by a change: nothing left to read for them. */
  #done = new Set<string>();
  /** Users a change set or removed: a chunk's copy of them is older. */
  #changed = new Set<string>();
  /** How many of the index's users are done (kept as they change: the page asks after every chunk). */
  #read = 0;
  #cursor = 0;

  constructor(order: readonly string[], pages: MatrixPage[], first: readonly MatrixUser[] = []) {
    this.#order = [...order];
    this.#orderSet = new Set(order);
    this.#matrix = { users: {}, pages };
    this.addChunk(
      first.map((row) => row.id),
      first,
    );
  }

  /** The last value handed out, handed out again while nothing changed: the page's state then stays the same. */
  #value: LoadedMatrix | undefined;

  /**
   * The matrix and how far loading got: the same object until either changes, so setting it as a component's state
   * again draws nothing (the page's first effect publishes what its first render already drew).
   */
  get value(): LoadedMatrix {
    const total = this.#order.length;
    const loading = this.#read < total ? { read: this.#read, total } : undefined;
    const last = this.#value;
    if (last && last.matrix === this.#matrix && last.loading?.read === loading?.read && last.loading?.total === loading?.total) return last;
    this.#value = { matrix: this.#matrix, loading };
    return this.#value;
  }

  #markDone(id: string): void {
    if (this.#done.has(id)) return;
    this.#done.add(id);
    if (this.#orderSet.has(id)) this.#read++;
  }

  /** The next users to read, at most `count`, in the index's order (marked as asked: each is read once). */
  nextChunk(count: number): string[] {
    const ids: string[] = [];
    while (ids.length < count && this.#cursor < this.#order.length) {
      const id = this.#order[this.#cursor++] as string;
      if (this.#asked.has(id) || this.#done.has(id)) continue;
      this.#asked.add(id);
      ids.push(id);
    }
    return ids;
  }

  /** A chunk's answer: `asked`, the ids it was for; `rows`, those it found readable. */
  addChunk(asked: readonly string[], rows: readonly MatrixUser[]): void {
    for (const id of asked) this.#markDone(id);
    const fresh = rows.filter((row) => this.#orderSet.has(row.id) && !this.#changed.has(row.id));
    if (fresh.length > 0) this.#matrix = withRows(this.#matrix, fresh);
  }

  /** Changes from storage: rows written or removed, a new index (a new user list), new pages. */
  applyChanges({ rows = [], removed = [], order, pages }: { rows?: MatrixUser[]; removed?: string[]; order?: string[]; pages?: MatrixPage[] }): void {
    for (const row of rows) this.#changed.add(row.id);
    for (const id of removed) this.#changed.add(id);
    for (const id of [...rows.map((row) => row.id), ...removed]) this.#markDone(id);
    const gone = [...removed];
    if (order) {
      this.#order = [...order];
      this.#orderSet = new Set(order);
      this.#read = order.filter((id) => this.#done.has(id)).length;
      this.#cursor = 0;
      for (const id of Object.keys(this.#matrix.users)) if (!this.#orderSet.has(id)) gone.push(id);
    }
    const kept = rows.filter((row) => this.#orderSet.has(row.id) || !order);
    this.#matrix = withRows(this.#matrix, kept, gone, pages ?? this.#matrix.pages);
  }
}
