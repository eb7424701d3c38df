import { MAX_EMAIL_LENGTH, MAX_USER_NAME_LENGTH, type NewUser } from '../../shared/schemas';
import { parseCsv } from '../team-access/csv/csv';

/** What "Add people" takes at once: a paste or a file bigger than this is refused whole, never cut silently. */
export const MAX_PEOPLE_TEXT = 200_000;
export const MAX_PEOPLE = 500;

/** One @, something before it, a dot in the domain, no spaces: what Statuspage would accept. */
const EMAIL = /^[^\s@]+@[^\s@.]+(?:\.[^\s@.]+)+$/;

export interface PeopleInput {
  people: NewUser[];
  /** Each line that was left out, and why ("line 3: “bob” is not an email address"). */
  problems: string[];
}

type Columns = { email: number; first?: number; last?: number; name?: number };

// A header names its columns; without one, a CSV is email, first name, last name.
function columnsOf(header: string[]): Columns | undefined {
  const find = (...names: string[]) => {
    const index = header.findIndex((cell) =>
      names.includes(
        cell
          .trim()
          .toLowerCase()
          .replaceAll(/[\s-]+/g, '_'),
      ),
    );
    return index >= 0 ? index : undefined;
  };
  const email = find('email', 'e_mail', 'email_address');
  if (email === undefined) return undefined;
  return {
    email,
    first: find('first_name', 'firstname', 'given_name'),
    last: find('last_name', 'lastname', 'surname', 'family_name'),
    name: find('name', 'user'),
  };
}

/**
 * The people in a paste or a CSV file: one email a line, or CSV rows (a header naming `email`, `first_name`,
 * `last_name` or `name`; or email, first name, last name without one). The same email twice (any case) counts once.
 */
export function parsePeople(text: string): PeopleInput {
  if (text.length > MAX_PEOPLE_TEXT)
    return { people: [], problems: [`The list is longer than ${MAX_PEOPLE_TEXT.toLocaleString('en')} characters: split it`] };
  const parsed = parseCsv(text);
  if (parsed.error) return { people: [], problems: [parsed.error] };
  const rows = parsed.rows.map((row, index) => ({ row, line: index + 1 })).filter(({ row }) => row.some((cell) => cell.trim() !== ''));
  const header = rows[0] && !rows[0].row.some((cell) => cell.includes('@')) ? columnsOf(rows[0].row) : undefined;
  const columns: Columns = header ?? { email: 0, first: 1, last: 2 };
  const people: NewUser[] = [];
  const problems: string[] = [];
  const seen = new Set<string>();
  for (const { row, line } of header ? rows.slice(1) : rows) {
    const cell = (index: number | undefined) => (index === undefined ? '' : (row[index] ?? '').trim());
    const email = cell(columns.email);
    if (!EMAIL.test(email) || email.length > MAX_EMAIL_LENGTH) {
      problems.push(`line ${line}: “${email.slice(0, 80)}” is not an email address`);
      continue;
    }
    if (seen.has(email.toLowerCase())) {
      problems.push(`line ${line}: ${email} is listed already`);
      continue;
    }
    if (people.length === MAX_PEOPLE) {
      problems.push(`More than ${MAX_PEOPLE} people: the rest, from line ${line}, are left out`);
      break;
    }
    const [first, last] =
      columns.name !== undefined && columns.first === undefined ? splitName(cell(columns.name)) : [cell(columns.first), cell(columns.last)];
    if (first.length > MAX_USER_NAME_LENGTH || last.length > MAX_USER_NAME_LENGTH) {
      problems.push(`line ${line}: a name longer than ${MAX_USER_NAME_LENGTH} characters`);
      continue;
    }
    seen.add(email.toLowerCase());
    people.push({ email, ...(first && { firstName: first }), ...(last && { lastName: last }) });
  }
  return { people, problems };
}

/** "Ada King Lovelace" -> ["Ada", "King Lovelace"]. */
function splitName(name: string): [string, string] {
  const space = name.indexOf(' ');
  return space < 0 ? [name, ''] : [name.slice(0, space), name.slice(space + 1).trim()];
}
