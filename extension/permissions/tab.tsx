import { Loading } from '../ui/Loading';
import type { PopupTabDefinition } from '../ui/popup-tab';
import { RefreshNote } from '../ui/RefreshNote';
import { permissionsCache, roleBasedAccessCache } from '../access/permissions-cache';
import { permissionsDraftItem } from './permissions-draft-item';
import { lazyComponent } from '../ui/lazy-component';

// The tab's code comes apart from the popup's bundle: the popup opens on the Embed tab far more often.
const PermissionsTab = lazyComponent(() => import('./PermissionsTab').then((module) => module.PermissionsTab));

export const tab: PopupTabDefinition = {
  id: 'permissions',
  label: 'Permissions',
  needsUsers: true,
  loadPanel: () => PermissionsTab.load(),
  startItems: (connectionId, { userId }) => [
    roleBasedAccessCache(connectionId),
    ...(userId ? [permissionsCache(connectionId, userId), permissionsDraftItem(connectionId, userId)] : []),
  ],
  Panel: ({ pages, users, usersRefresh, userId, onUserChange, unknownUserId, otherOrganizationId, focusFirstField }) => (
    <>
      {users && pages ? (
        <PermissionsTab
          pages={pages}
          users={users}
          userId={userId}
          onUserChange={onUserChange}
          unknownUserId={unknownUserId}
          otherOrganizationId={otherOrganizationId}
          focusFirstField={focusFirstField}
        />
      ) : (
        <Loading refresh={usersRefresh} what="the users" loading="the organization's users" />
      )}
      {users && <RefreshNote state={usersRefresh} what="the users" />}
    </>
  ),
};
