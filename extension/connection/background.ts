import { jobs } from '../jobs/browser-engine';
import { defineBackgroundPart } from '../jobs/background-part';
import { refreshPages, refreshUsers } from '../organization/reads';
import { connect, removeConnection, renameConnection, switchConnection } from './connect';
import { connectionMessages } from './messages';
import { currentSession } from './session';

export const background = defineBackgroundPart({
  messages: connectionMessages,
  handlers: {
    connect,
    switchConnection,
    renameConnection,
    removeConnection: async (connectionId) => {
      // Its jobs stop first (saves, scan, batch): their records go with the connection's data.
      await removeConnection(connectionId, (id) => jobs.forgetConnection(id));
      return null;
    },
    refreshPages: async () => refreshPages(await currentSession()),
    refreshUsers: async () => refreshUsers(await currentSession()),
  },
});
