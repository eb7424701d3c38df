import { browser } from 'wxt/browser';
import { InvalidRequestError } from '../../shared/client/errors';
import { connect, removeConnection, renameConnection, switchConnection } from '../connection/connect';
import { currentSession } from '../connection/session';
import { refreshEmbedConfig } from '../embed/embed-reads';
import { type Outcome, toOutcome } from '../messaging/outcome';
import { parseMessage } from '../messaging/parse-message';
import { type MessageName, messenger, PROTOCOL, type RequestOf, type ResponseOf } from '../messaging/protocol';
import { senderKind } from '../messaging/sender';
import { refreshPages, refreshUsers } from '../organization/reads';
import { refreshPermissions } from '../permissions/permission-reads';
import { cancelSave, dismissSave, forgetSavesOf, startSave } from '../saves/saves';
import { batchAction, runBatchRequest, scanAction } from '../team-access/background';

type Sender = Parameters<Parameters<typeof messenger.onMessage>[1]>[0]['sender'];
type Handlers = { [K in MessageName]: (request: RequestOf<K>) => Promise<ResponseOf<K>> };

/** What each message does; which senders may send it and what it carries come from PROTOCOL. */
const HANDLERS: Handlers = {
  connect,
  switchConnection,
  renameConnection,
  removeConnection: async (connectionId) => {
    await removeConnection(connectionId, forgetSavesOf);
    return null;
  },
  refreshPages: async () => refreshPages(await currentSession()),
  refreshUsers: async () => refreshUsers(await currentSession()),
  refreshEmbedConfig,
  refreshPermissions,
  saveEmbed: (request) => startSave('embed', request.pageId, request),
  savePermissions: (request) => startSave('permissions', request.userId, request),
  cancelSave: async (id) => {
    await cancelSave(id);
    return null;
  },
  dismissSave: async (id) => {
    await dismissSave(id);
    return null;
  },
  teamAccessScan: scanAction,
  teamAccessRunBatch: (plan) => runBatchRequest(plan),
  teamAccessBatch: batchAction,
};

function senderKindOf(sender: Sender) {
  return senderKind(sender, browser.runtime.id, browser.runtime.getURL('/'));
}

/** Answers every message of the protocol, each only from the senders it allows and only with data of its shape. */
export function registerHandlers(): void {
  for (const type of Object.keys(PROTOCOL) as MessageName[]) {
    const spec = PROTOCOL[type];
    const handle = HANDLERS[type] as (request: unknown) => Promise<unknown>;
    messenger.onMessage(
      type,
      ({ data, sender }) =>
        toOutcome(async () => {
          // Even our own pages' messages are checked: a message is data from another context.
          if (!spec.from.includes(senderKindOf(sender) as never)) throw new InvalidRequestError(`Refused "${type}" from this sender`);
          return handle(parseMessage(spec.request, data, `"${type}" message`));
        }) as Promise<Outcome<never>>,
    );
  }
}
