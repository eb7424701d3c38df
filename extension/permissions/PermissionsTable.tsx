import { Fragment } from 'preact';
import { ROLE_LABELS, ROLES, type Page, type PagePermissions, type PageRoles, type Role } from '../../shared/index';
import { statusDomain } from '../organization/status-domain';
import type { RoleBasedAccess } from '../access/role-based-access';

interface Props {
  /** The organization's pages, plus any page id the permissions name that is not among them. */
  rows: Array<{ id: string; page?: Page }>;
  permissions: PagePermissions;
  roleBasedAccess: RoleBasedAccess;
  /** Still reading whether some pages use roles. */
  learningRoles?: boolean;
  userName: string;
  disabled: boolean;
  /** The server's 422 message about a page, shown in that page's row. */
  rowErrors?: Record<string, string>;
  onChange(next: PagePermissions): void;
}

/**
 * A host name that may wrap only before a dot: each label is unbreakable (a browser would otherwise break after the
 * hyphen of "acme-cloud"), and a <wbr> before each dot is the only place a line may end.
 */
function breakableDomain(domain: string) {
  return domain.split('.').map((part, index) => (
    // biome-ignore lint/suspicious/noArrayIndexKey: the labels of one host name, a fixed list: the position is the identity
    <span key={index}>
      {index > 0 && <wbr />}
      <span class="domain-label">{index === 0 ? part : `.${part}`}</span>
    </span>
  ));
}

/** One row a page: access, and the three roles where the page has role based access control. */
export function PermissionsTable({ rows, permissions, roleBasedAccess, learningRoles = false, userName, disabled, rowErrors = {}, onChange }: Props) {
  function setAccess(pageId: string, access: boolean): void {
    const next = { ...permissions };
    if (!access) delete next[pageId];
    // `{}` is right for a page without roles, and read-only access on a page with them (or not known yet).
    else next[pageId] = roleBasedAccess[pageId] === true ? { page_configuration: false, incident_manager: false, maintenance_manager: false } : {};
    onChange(next);
  }

  function setRole(pageId: string, role: Role, given: boolean): void {
    // Giving a role on a page without access gives access too.
    const roles: PageRoles = { ...(permissions[pageId] ?? {}), [role]: given };
    onChange({ ...permissions, [pageId]: roles });
  }

  return (
    <table aria-label={`Permissions of ${userName}`}>
      <thead>
        <tr>
          <th scope="col">Page</th>
          <th scope="col" class="check access">
            Access
          </th>
          {ROLES.map((role) => (
            <th scope="col" class="check" key={role}>
              {ROLE_LABELS[role]}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map(({ id, page }) => {
          const name = page?.name ?? `Page ${id}`;
          const roles = permissions[id];
          const rbac = roleBasedAccess[id];
          return (
            <Fragment key={id}>
              <tr data-page-id={id} aria-describedby={rowErrors[id] ? `row-error-${id}` : undefined}>
                <th scope="row">
                  {name}
                  <span class="sub">{page ? breakableDomain(statusDomain(page)) : "not among the organization's pages"}</span>
                </th>
                <td class="check access">
                  <input
                    type="checkbox"
                    aria-label={`Access to ${name}`}
                    checked={roles !== undefined}
                    disabled={disabled}
                    onChange={(e) => setAccess(id, e.currentTarget.checked)}
                  />
                </td>
                {rbac === false ? (
                  <td colSpan={3} class="hint">
                    Access only: this page has no role based access control
                  </td>
                ) : rbac === undefined && !roles?.page_configuration && !roles?.incident_manager && !roles?.maintenance_manager ? (
                  // Never offer a role the API may refuse (422): the page list does not say whether a page takes roles.
                  <td colSpan={3} class="hint">
                    {learningRoles ? 'Checking whether this page uses roles…' : 'Roles show once Statuspage says whether this page uses them'}
                  </td>
                ) : (
                  ROLES.map((role) => (
                    <td class="check" key={role}>
                      <input
                        type="checkbox"
                        aria-label={`${ROLE_LABELS[role]} on ${name}`}
                        checked={roles?.[role] === true}
                        disabled={disabled}
                        onChange={(e) => setRole(id, role, e.currentTarget.checked)}
                      />
                    </td>
                  ))
                )}
              </tr>
              {rowErrors[id] && (
                <tr class="row-error-row">
                  <td colSpan={2 + ROLES.length}>
                    <p class="error row-error" role="alert" id={`row-error-${id}`}>
                      Statuspage about {name}: {rowErrors[id]}
                    </p>
                  </td>
                </tr>
              )}
            </Fragment>
          );
        })}
      </tbody>
    </table>
  );
}
