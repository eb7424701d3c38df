import { browser } from 'wxt/browser';
import { userDisplayName, type Page, type User } from '../../shared/index';
import { ask } from './ask';
import { Loading } from '../ui/Loading';
import { RefreshNote } from '../ui/RefreshNote';
import { useConnectionId } from '../ui/connection-context';
import { useStored } from '../ui/use-stored';
import { useRefresh } from '../ui/use-refresh';
import { permissionsCache, roleBasedAccessCache } from '../access/permissions-cache';
import { permissionsDraftItem } from './permissions-draft-item';
import { hasPermissionEdits } from './use-permissions-draft';
import { saveId, savesItem } from '../saves/save-record';
import { PermissionsEditor } from './PermissionsEditor';
import { UserPicker } from './UserPicker';
import './permissions.css';

interface Props {
  pages: Page[];
  users: User[];
  userId: string | undefined;
  onUserChange(userId: string): void;
  /** The tab's URL named a user that is not among the organization's users. */
  unknownUserId?: string;
  /** The tab's URL named another organization than the one the extension is set up for. */
  otherOrganizationId?: string;
  /** Focus the user picker when the tab appears (the popup just opened). */
  focusFirstField: boolean;
}

export function PermissionsTab({ pages, users, userId, onUserChange, unknownUserId, otherOrganizationId, focusFirstField }: Props) {
  const user = users.find((candidate) => candidate.id === userId);
  const connectionId = useConnectionId();
  const permissions = useStored(user ? permissionsCache(connectionId, user.id) : undefined);
  const draft = useStored(user ? permissionsDraftItem(connectionId, user.id) : undefined);
  const roleBasedAccess = useStored(roleBasedAccessCache(connectionId));
  const saves = useStored(savesItem);
  const refresh = useRefresh(
    user && `permissions:${user.id}`,
    () => ask('refreshPermissions', user!.id),
    user && { kind: 'user', name: userDisplayName(user) },
  );

  // Roles are offered only on pages known to take them: learn the unknown ones first (a few permission reads).
  const unknownRoles = roleBasedAccess.loaded ? pages.filter((page) => roleBasedAccess.value?.[page.id] === undefined).map((page) => page.id) : [];
  // One round of reads per list of pages (not per page learned, which would start it again mid-way), and again when
  // the users arrive after the pages (the reads go through them).
  const rolesKey = unknownRoles.length && users.length ? `roles:${users.length}:${pages.map((page) => page.id).join(',')}` : undefined;
  const rolesRefresh = useRefresh(rolesKey, () => ask('learnPageRoles', unknownRoles));

  const serverPermissions = (hasPermissionEdits(draft.value) ? draft.value.base : undefined) ?? permissions.value?.value;
  return (
    <div class="stack">
      <UserPicker
        id="user-picker"
        label="User"
        users={users}
        selected={user}
        onSelect={(picked) => onUserChange(picked.id)}
        autoFocus={focusFirstField}
      />
      {otherOrganizationId && (
        <p class="notice warn" role="status">
          This tab shows organization {otherOrganizationId}; the extension is set up for another one. Change it under Connection.
        </p>
      )}
      {unknownUserId && (
        <p class="notice warn" role="status">
          This tab shows user {unknownUserId}, who is not among this organization's users.
        </p>
      )}
      {user && serverPermissions && draft.loaded && (
        <>
          <RefreshNote state={refresh} what={`${userDisplayName(user)}'s permissions`} />
          <PermissionsEditor
            key={user.id}
            user={user}
            users={users}
            pages={pages}
            serverPermissions={serverPermissions}
            storedDraft={draft.value ?? null}
            roleBasedAccess={roleBasedAccess.value ?? {}}
            learningRoles={rolesRefresh.refreshing === true}
            save={saves.value?.[saveId('permissions', connectionId, user.id)]}
          />
        </>
      )}
      {user && !serverPermissions && permissions.loaded && draft.loaded && (
        <Loading refresh={refresh} what={`${userDisplayName(user)}'s permissions`} />
      )}
      {!user && <p class="hint">Choose a user to see and change their roles on each page.</p>}
      <p class="hint">
        <button type="button" class="link" onClick={() => void browser.tabs.create({ url: browser.runtime.getURL('/team-access.html') })}>
          Open Team access
        </button>{' '}
        to see and change everyone's access, on every page, at once.
      </p>
    </div>
  );
}
