import { type PagePermissions, type PageRoles, ROLE_LABELS, ROLES, type Role } from '../../shared/schemas';
import type { MatrixPage } from '../team-access/team-access-storage';

interface Props {
  pages: MatrixPage[];
  value: PagePermissions;
  onChange(value: PagePermissions): void;
}

const noRoles = (): PageRoles => Object.fromEntries(ROLES.map((role) => [role, false])) as PageRoles;

/** Access page by page, and on a page with role based access control the roles: the exact mapping a person gets. */
export function PagesRolesPicker({ pages, value, onChange }: Props) {
  const setPage = (page: MatrixPage, on: boolean) => {
    const next = { ...value };
    if (on) next[page.id] = page.usesRoles === false ? {} : noRoles();
    else delete next[page.id];
    onChange(next);
  };
  const setRole = (page: MatrixPage, role: Role, on: boolean) => onChange({ ...value, [page.id]: { ...(value[page.id] ?? noRoles()), [role]: on } });
  return (
    <ul class="members-pages">
      {pages.map((page) => (
        <li key={page.id}>
          <label class="inline">
            <input type="checkbox" checked={Object.hasOwn(value, page.id)} onChange={(event) => setPage(page, event.currentTarget.checked)} />
            {page.name}
          </label>
          {page.usesRoles !== false &&
            ROLES.map((role) => (
              <label class="inline" key={role}>
                <input
                  type="checkbox"
                  aria-label={`${ROLE_LABELS[role]} on ${page.name}`}
                  checked={value[page.id]?.[role] === true}
                  onChange={(event) => setRole(page, role, event.currentTarget.checked)}
                />
                {ROLE_LABELS[role]}
              </label>
            ))}
        </li>
      ))}
    </ul>
  );
}
