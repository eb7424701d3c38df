import { useState } from 'preact/hooks';
import { ROLE_LABELS, ROLES, type Role } from '../../../shared/schemas';
import type { BulkChange } from './bulk-plan';
import type { MatrixPage, MatrixUser } from '../team-access-storage';

interface Props {
  pages: MatrixPage[];
  users: MatrixUser[];
  selectedCount: number;
  onPlan(change: BulkChange): void;
}

type Kind = 'grant' | 'set-role' | 'clear-role' | 'remove' | 'copy';
const KINDS: Array<[Kind, string]> = [
  ['grant', 'Give access to pages'],
  ['set-role', 'Set a role on a page'],
  ['clear-role', 'Clear a role on a page'],
  ['remove', 'Remove access to a page'],
  ['copy', "Copy one user's access"],
];

/** One change for every selected user; "Preview the plan" shows what it does before anything is sent. */
export function BulkChangeForm({ pages, users, selectedCount, onPlan }: Props) {
  const [kind, setKind] = useState<Kind>('grant');
  const [pageIds, setPageIds] = useState<string[]>([]);
  const [roles, setRoles] = useState<Role[]>([]);
  const [pageId, setPageId] = useState('');
  const [role, setRole] = useState<Role>('incident_manager');
  const [fromUserId, setFromUserId] = useState('');
  const rolePages = pages.filter((page) => page.usesRoles !== false);
  const onePage = pageId || (kind === 'set-role' || kind === 'clear-role' ? rolePages[0]?.id : pages[0]?.id) || '';

  const change = (): BulkChange | undefined => {
    if (kind === 'grant') return pageIds.length ? { kind, pageIds, roles } : undefined;
    if (kind === 'set-role' || kind === 'clear-role')
      return onePage ? { kind: 'set-role', pageId: onePage, role, value: kind === 'set-role' } : undefined;
    if (kind === 'remove') return onePage ? { kind, pageId: onePage } : undefined;
    return fromUserId || users[0] ? { kind, fromUserId: fromUserId || (users[0]?.id ?? '') } : undefined;
  };
  const ready = change();
  const toggle = <T,>(list: T[], item: T, on: boolean) => (on ? [...list, item] : list.filter((x) => x !== item));

  return (
    <form
      id="bulk-change"
      // The skip link's target: focus lands on the form (a landmark), the next Tab on its first control.
      tabIndex={-1}
      class="bulk"
      aria-labelledby="bulk-title"
      onSubmit={(event) => {
        event.preventDefault();
        if (ready) onPlan(ready);
      }}
    >
      <h2 id="bulk-title">Change the selected users</h2>
      <fieldset>
        <legend>Change</legend>
        {KINDS.map(([value, label]) => (
          <label class="inline" key={value}>
            <input type="radio" name="bulk-kind" value={value} checked={kind === value} onChange={() => setKind(value)} />
            {label}
          </label>
        ))}
      </fieldset>
      {kind === 'grant' && (
        <>
          <fieldset>
            <legend>Pages to give access to</legend>
            {pages.map((page) => (
              <label class="inline" key={page.id}>
                <input
                  type="checkbox"
                  checked={pageIds.includes(page.id)}
                  onChange={(event) => setPageIds(toggle(pageIds, page.id, event.currentTarget.checked))}
                />
                {page.name}
              </label>
            ))}
          </fieldset>
          <fieldset>
            <legend>With roles (on pages that use them)</legend>
            {ROLES.map((candidate) => (
              <label class="inline" key={candidate}>
                <input
                  type="checkbox"
                  checked={roles.includes(candidate)}
                  onChange={(event) => setRoles(toggle(roles, candidate, event.currentTarget.checked))}
                />
                {ROLE_LABELS[candidate]}
              </label>
            ))}
          </fieldset>
        </>
      )}
      {kind !== 'grant' && kind !== 'copy' && (
        <div class="field">
          <label htmlFor="bulk-page-for-the-change">Page for the change</label>{' '}
          <select id="bulk-page-for-the-change" value={onePage} onChange={(event) => setPageId(event.currentTarget.value)}>
            {(kind === 'remove' ? pages : rolePages).map((page) => (
              <option key={page.id} value={page.id}>
                {page.name}
              </option>
            ))}
          </select>
        </div>
      )}
      {(kind === 'set-role' || kind === 'clear-role') && (
        <div class="field">
          <label htmlFor="bulk-role-for-the-change">Role for the change</label>{' '}
          <select id="bulk-role-for-the-change" value={role} onChange={(event) => setRole(event.currentTarget.value as Role)}>
            {ROLES.map((candidate) => (
              <option key={candidate} value={candidate}>
                {ROLE_LABELS[candidate]}
              </option>
            ))}
          </select>
        </div>
      )}
      {kind === 'copy' && (
        <div class="field">
          <label htmlFor="bulk-copy-the-access-of">Copy the access of</label>{' '}
          <select id="bulk-copy-the-access-of" value={fromUserId || users[0]?.id} onChange={(event) => setFromUserId(event.currentTarget.value)}>
            {users.map((user) => (
              <option key={user.id} value={user.id}>
                {user.name} ({user.email})
              </option>
            ))}
          </select>
        </div>
      )}
      <div class="actions">
        <button type="submit" class="primary" disabled={!ready || selectedCount === 0}>
          Preview the plan for {selectedCount} selected
        </button>
      </div>
    </form>
  );
}
