import { type PagePermissions, ROLES, type Role } from '../../../shared/schemas';
import { type CellCode, codeToRoles, decodePermissions, rolesToCode } from '../matrix/cell-code';
import { parseCsv, stringifyCsv } from './csv';
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

export interface CsvImport {
  problems: CsvProblem[];
  /** Every user the file names, with their permissions now and as the file wants them (only when no problems). */
  entries: Array<{ user: MatrixUser; before: PagePermissions; after: PagePermissions }>;
}

/** Reads a file of the export's format as a plan: every problem listed by row and column, and no entries unless clean. */
export function importMatrixCsv(text: string, matrix: TeamMatrix): CsvImport {
  const parsed = parseCsv(text);
  const problems: CsvProblem[] = [];
  if (parsed.error) return { problems: [{ row: parsed.rows.length + 1, column: 1, columnName: '', message: parsed.error }], entries: [] };
  const [header, ...rows] = parsed.rows;
  if (!header || FIXED_COLUMNS.some((name, index) => header[index]?.trim().toLowerCase() !== name)) {
    return {
      problems: [{ row: 1, column: 1, columnName: header?.[0] ?? '', message: `The first columns must be ${FIXED_COLUMNS.join(', ')}` }],
      entries: [],
    };
  }
  const pagesById = new Map(matrix.pages.map((page) => [page.id, page]));
  const columns: Array<string | undefined> = header.slice(FIXED_COLUMNS.length).map((name, index) => {
    const id = /\(([\w-]+)\)\s*$/.exec(name)?.[1];
    const column = FIXED_COLUMNS.length + index + 1;
    if (!id)
      problems.push({ row: 1, column, columnName: name, message: 'A page column must end with the page id in brackets: "Acme Cloud (abc123)"' });
    else if (!pagesById.has(id)) problems.push({ row: 1, column, columnName: name, message: `No page with id ${id} in this organization` });
    return id && pagesById.has(id) ? id : undefined;
  });
  const entries: CsvImport['entries'] = [];
  const seen = new Set<string>();
  for (const [index, cells] of rows.entries()) {
    const row = index + 2;
    if (cells.length === 1 && cells[0]?.trim() === '') continue; // a blank line
    const userId = (cells[0] ?? '').trim();
    const user = matrix.users[userId];
    const rowProblem = !user
      ? `No user with id "${userId}" in this organization`
      : seen.has(userId)
        ? `${user.name} is on more than one row`
        : !user.cells
          ? `${user.name} is not scanned yet: scan first`
          : undefined;
    if (!user?.cells || rowProblem) {
      problems.push({ row, column: 1, columnName: 'user_id', message: rowProblem ?? 'not scanned yet' });
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
        problems.push({
          row,
          column,
          columnName,
          message: `"${text}" is not none, access, or roles (configure, incidents, maintenances) joined by +`,
        });
        return;
      }
      if (cell.kind === 'access' && cell.code && page?.usesRoles === false) {
        problems.push({ row, column, columnName, message: `${page.name} has no role based access control: only none or access` });
        return;
      }
      if (cell.kind === 'none') delete wanted[pageId];
      else wanted[pageId] = cell.code;
    });
    const usesRoles = (pageId: string) => pagesById.get(pageId)?.usesRoles;
    entries.push({ user, before: decodePermissions(user.cells, usesRoles), after: decodePermissions(wanted, usesRoles) });
  }
  return { problems, entries: problems.length ? [] : entries };
}
