import type { MatrixUser } from '../team-access-storage';

// One collator for every comparison: String.localeCompare builds one per call, which sorting 5,000 rows feels.
const collator = new Intl.Collator();

export const compareNames = (a: Pick<MatrixUser, 'name'>, b: Pick<MatrixUser, 'name'>): number => collator.compare(a.name, b.name);
export const compareEmails = (a: Pick<MatrixUser, 'email'>, b: Pick<MatrixUser, 'email'>): number => collator.compare(a.email, b.email);

/** The table's first order (by name, ties by id): every sort's tie-break, and the order the stored index keeps. */
export const byName = (a: Pick<MatrixUser, 'id' | 'name'>, b: Pick<MatrixUser, 'id' | 'name'>): number =>
  compareNames(a, b) || a.id.localeCompare(b.id);

/** The user ids in the table's first order: the index is stored so, and the page reads the first screen's rows first. */
export const idsByName = (users: Iterable<Pick<MatrixUser, 'id' | 'name'>>): string[] => [...users].sort(byName).map((user) => user.id);
