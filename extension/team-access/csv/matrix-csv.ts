import { type PagePermissions, ROLES, type Role } from '../../../shared/schemas';
import { type CellCode, codeToRoles, decodePermissions, rolesToCode } from '../matrix/cell-code';
import { DELIMITER_NAMES, type Delimiter, detectDelimiter, parseCsv, stringifyCsv } from './csv';
import type { MatrixUser, TeamMatrix } from '../team-access-storage';

/**
 * The CSV vocabulary of a cell (documented in docs/team-access.md): `none` (no access), `access` (access, no role),
 * or role names joined by `+` (`incidents+maintenances`), any case. Empty: not scanned yet when exported, "leave
 * as it is" when imported.
 */
export const CSV_ROLE_NAMES: Record<Role, string> = {
  page_configuration: 'configure',
  incident_manager: 'incidents',
  maintenance_manager: 'maintenances',
};
const FIXED_COLUMNS = ['user_id', 'name', 'email'];

export function cellToCsv(code: CellCode | undefined): string {
  if (code === undefined) return 'none';
  if (code === '') return 'access';
  return codeToRoles(code)
    .map((role) => CSV_ROLE_NAMES[role])
    .join('+');
}

export type CsvCell = { kind: 'keep' } | { kind: 'none' } | { kind: 'access'; code: CellCode } | { kind: 'invalid' };

/** What a cell of an imported file asks for. */
export function csvToCell(text: string): CsvCell {
  const value = text.trim().toLowerCase();
  if (value === '') return { kind: 'keep' };
  if (value === 'none') return { kind: 'none' };
  if (value === 'access') return { kind: 'access', code: '' };
  const names = value.split('+').map((name) => name.trim());
  const roles = ROLES.filter((role) => names.includes(CSV_ROLE_NAMES[role]));
  if (roles.length !== names.length || new Set(names).size !== names.length) return { kind: 'invalid' };
  return { kind: 'access', code: rolesToCode(Object.fromEntries(roles.map((role) => [role, true]))) };
}

const pageHeader = (page: { id: string; name: string }) => `${page.name} (${page.id})`;

/** One row per user (id, name, email, then each page's cell), in the order given. */
export function exportMatrixCsv(matrix: TeamMatrix, users: MatrixUser[]): string {
  const header = [...FIXED_COLUMNS, ...matrix.pages.map(pageHeader)];
  const rows = users.map((user) => [
    user.id,
    user.name,
    user.email,
    ...matrix.pages.map((page) => (user.cells ? cellToCsv(user.cells[page.id]) : '')),
  ]);
  return stringifyCsv([header, ...rows]);
}

export interface CsvProblem {
  /** 1-based, the header being row 1, as a spreadsheet numbers them. */
  row: number;
  /** 1-based column, and its header. */
  column: number;
  columnName: string;
  message: string;
}

/** What an import reads at most: bigger files are refused whole, with these numbers in the message. */
export const CSV_MAX_BYTES = 10 * 1024 * 1024;
export const CSV_MAX_ROWS = 100_000;
/** Problems listed at most (with the total): a broken file of 100,000 rows must not draw 100,000 lines. */
export const CSV_MAX_PROBLEMS = 100;
/** Rows read between two pauses for the page (the import runs in chunks, never blocking it for long). */
const ROWS_PER_CHUNK = 2_000;

export interface CsvImport {
  /** The first CSV_MAX_PROBLEMS problems, in file order. */
  problems: CsvProblem[];
  problemCount: number;
  /** Every user the file names, with their permissions now and as the file wants them (only when no problems). */
  entries: Array<{ user: MatrixUser; before: PagePermissions; after: PagePermissions }>;
  delimiter: Delimiter;
  /** Pages of the organization the file has no column for: left as they are. */
  missingPages: string[];
  /** Rows of users not scanned yet whose cells are all empty ("leave as is"): nothing to plan for them. */
  leftAsIs: number;
}

const TOO_LARGE = `The file is larger than ${CSV_MAX_BYTES / 1024 / 1024} MB: split it, or export fewer rows`;

/** A file refused before it is read (larger than CSV_MAX_BYTES). */
export const tooLargeCsv = (): CsvImport => ({
  problems: [{ row: 1, column: 1, columnName: '', message: TOO_LARGE }],
  problemCount: 1,
  entries: [],
  delimiter: ',',
  missingPages: [],
  leftAsIs: 0,
});

/** Reads a file of the export's format as a plan: every problem listed by row and column, and no entries unless clean. */
export function importMatrixCsv(text: string, matrix: TeamMatrix): CsvImport {
  const steps = importSteps(text, matrix);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/** The same, pausing every few thousand rows so that the page stays responsive on a file of 100,000. */
export async function importMatrixCsvInChunks(
  text: string,
  matrix: TeamMatrix,
  pause: () => Promise<void> = () => new Promise((resolve) => setTimeout(resolve, 0)),
): Promise<CsvImport> {
  const steps = importSteps(text, matrix);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
    await pause();
  }
}

function* importSteps(text: string, matrix: TeamMatrix): Generator<void, CsvImport> {
  const delimiter = detectDelimiter(text);
  const problems: CsvProblem[] = [];
  let problemCount = 0;
  const problem = (found: CsvProblem) => {
    problemCount++;
    if (problems.length < CSV_MAX_PROBLEMS) problems.push(found);
  };
  const result = (extra: Partial<CsvImport> = {}): CsvImport => ({
    problems,
    problemCount,
    entries: [],
    delimiter,
    missingPages: [],
    leftAsIs: 0,
    ...extra,
  });
  const whole = (message: string) => {
    problem({ row: 1, column: 1, columnName: '', message });
    return result();
  };
  if (text.length > CSV_MAX_BYTES) return whole(TOO_LARGE);
  if (text.replace(/^\ufeff/, '').trim() === '') return whole('The file is empty');
  const parsed = parseCsv(text, delimiter);
  if (parsed.error) return whole(parsed.error);
  const [header, ...rows] = parsed.rows;
  if (rows.length > CSV_MAX_ROWS) return whole(`The file has ${rows.length} rows: at most ${CSV_MAX_ROWS} are read at once`);
  if (!header || FIXED_COLUMNS.some((name, index) => header[index]?.trim().toLowerCase() !== name)) {
    return whole(`The first columns must be ${FIXED_COLUMNS.join(', ')} (read with ${DELIMITER_NAMES[delimiter]} between cells)`);
  }
  const pagesById = new Map(matrix.pages.map((page) => [page.id, page]));
  const columns: Array<string | undefined> = header.slice(FIXED_COLUMNS.length).map((name, index) => {
    const id = /\(([\w-]+)\)\s*$/.exec(name)?.[1];
    const column = FIXED_COLUMNS.length + index + 1;
    if (!id) problem({ row: 1, column, columnName: name, message: 'A page column must end with the page id in brackets: "Acme Cloud (abc123)"' });
    else if (!pagesById.has(id)) problem({ row: 1, column, columnName: name, message: `No page with id ${id} in this organization` });
    return id && pagesById.has(id) ? id : undefined;
  });
  const missingPages = matrix.pages.filter((page) => !columns.includes(page.id)).map((page) => page.name);
  const entries: CsvImport['entries'] = [];
  const seen = new Set<string>();
  let leftAsIs = 0;
  for (const [index, cells] of rows.entries()) {
    if (index > 0 && index % ROWS_PER_CHUNK === 0) yield;
    const row = index + 2;
    if (cells.length === 1 && cells[0]?.trim() === '') continue; // a blank line
    const userId = (cells[0] ?? '').trim();
    const user = Object.hasOwn(matrix.users, userId) ? matrix.users[userId] : undefined;
    const asksForChange = columns.some((pageId, offset) => pageId !== undefined && (cells[FIXED_COLUMNS.length + offset] ?? '').trim() !== '');
    if (user && !user.cells && !asksForChange && !seen.has(userId)) {
      // Not scanned yet and nothing asked: the page's own export mid-scan comes back as it went.
      seen.add(userId);
      leftAsIs++;
      continue;
    }
    const rowProblem = !user
      ? `No user with id "${userId.slice(0, 100)}" in this organization`
      : seen.has(userId)
        ? `${user.name} is on more than one row`
        : !user.cells
          ? `${user.name} is not scanned yet: scan first, or leave their cells empty`
          : undefined;
    if (!user?.cells || rowProblem) {
      problem({ row, column: 1, columnName: 'user_id', message: rowProblem ?? 'not scanned yet' });
      continue;
    }
    seen.add(userId);
    const wanted = { ...user.cells };
    columns.forEach((pageId, offset) => {
      const column = FIXED_COLUMNS.length + offset + 1;
      const text = cells[column - 1] ?? '';
      if (!pageId) return;
      const page = pagesById.get(pageId);
      const columnName = header[column - 1] ?? '';
      const cell = csvToCell(text);
      if (cell.kind === 'keep') return;
      if (cell.kind === 'invalid') {
        problem({
          row,
          column,
          columnName,
          message: `"${text.slice(0, 60)}" is not none, access, or roles (configure, incidents, maintenances) joined by +`,
        });
        return;
      }
      if (cell.kind === 'access' && cell.code && page?.usesRoles === false) {
        problem({ row, column, columnName, message: `${page.name} has no role based access control: only none or access` });
        return;
      }
      if (cell.kind === 'none') delete wanted[pageId];
      else wanted[pageId] = cell.code;
    });
    const usesRoles = (pageId: string) => pagesById.get(pageId)?.usesRoles;
    entries.push({ user, before: decodePermissions(user.cells, usesRoles), after: decodePermissions(wanted, usesRoles) });
  }
  return result({ entries: problemCount ? [] : entries, missingPages, leftAsIs });
}
