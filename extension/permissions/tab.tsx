import { Loading } from '../ui/Loading';
import type { PopupTabDefinition } from '../ui/popup-tab';
import { RefreshNote } from '../ui/RefreshNote';
import { PermissionsTab } from './PermissionsTab';

export const permissionsTab: PopupTabDefinition = {
  id: 'permissions',
  label: 'Permissions',
  needsUsers: true,
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
