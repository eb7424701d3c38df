import { ROLE_LABELS } from '../../../shared/schemas';
import { codeToRoles } from './cell-code';
import type { MatrixPage, MatrixUser } from '../team-access-storage';

/** What a cell says to a screen reader: "Ada Lovelace on Acme Cloud: access, Manage incidents". */
export function cellLabel(user: MatrixUser, page: MatrixPage, who = user.name): string {
  return `${who} on ${page.name}: ${cellText(user, page)}`;
}

/** Names two or more people share: their rows' controls add the email, so that every accessible name is unique. */
export function sharedNames(users: Iterable<MatrixUser>): ReadonlySet<string> {
  const seen = new Set<string>();
  const shared = new Set<string>();
  for (const user of users) {
    if (seen.has(user.name)) shared.add(user.name);
    seen.add(user.name);
  }
  return shared;
}

/** How a row's controls name its person: "Amara Khan", or "Amara Khan (amara.k@acme.example)" when the name is shared. */
export const personLabel = (user: MatrixUser, shared: ReadonlySet<string>): string =>
  shared.has(user.name) ? `${user.name} (${user.email})` : user.name;

export function cellText(user: MatrixUser, page: MatrixPage): string {
  if (!user.cells) return 'not scanned yet';
  const code = user.cells[page.id];
  if (code === undefined) return 'no access';
  const roles = page.usesRoles === false ? [] : codeToRoles(code).map((role) => ROLE_LABELS[role]);
  return ['access', ...roles].join(', ');
}

const SHORT = { page_configuration: 'C', incident_manager: 'I', maintenance_manager: 'M' } as const;

/** What a cell shows: "–" no access, "✓" access, then role letters (C I M). */
export function cellGlyphs(user: MatrixUser, page: MatrixPage): string {
  if (!user.cells) return '?';
  const code = user.cells[page.id];
  if (code === undefined) return '–';
  return ['✓', ...codeToRoles(code).map((role) => SHORT[role])].join(' ');
}
