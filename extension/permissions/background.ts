import { defineBackgroundPart } from '../jobs/background-part';
import { startSave } from '../saves/saves';
import { permissionsMessages } from './messages';
import { learnPageRoles, refreshPermissions } from './permission-reads';
import { permissionsSave } from './save-permissions';

export const background = defineBackgroundPart({
  messages: permissionsMessages,
  handlers: {
    refreshPermissions,
    learnPageRoles,
    savePermissions: (request) => startSave('permissions', request.userId, request),
  },
  jobs: [permissionsSave],
});
