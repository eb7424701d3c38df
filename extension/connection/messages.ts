import * as z from 'zod/mini';
import { PageList, UserList } from '../../shared/schemas';
import { ConnectionId, defineMessages, NoData, POPUP } from '../messaging/protocol';
import { Connection } from './connection-schema';

export const ConnectRequest = z.strictObject({
  apiKey: z.string().check(z.maxLength(500)),
  organizationId: z.string().check(z.maxLength(200)),
  apiBaseUrl: z.string().check(z.maxLength(2048)),
  /** The connection whose key (or organization, or API) is being changed; absent: a new connection. */
  connectionId: z.optional(ConnectionId),
  label: z.optional(z.string().check(z.maxLength(80))),
});
export type ConnectRequest = z.infer<typeof ConnectRequest>;

/** What a person calls a connection ("Acme production"): shown in the popup's bar. */
export const ConnectionLabel = z.string().check(z.trim(), z.minLength(1, 'give it a name'), z.maxLength(80, 'at most 80 characters'));
export const RenameConnectionRequest = z.strictObject({ connectionId: ConnectionId, label: ConnectionLabel });

export const connectionMessages = defineMessages({
  /** Checks key and organization with one call (GET users, which also fills the user cache), keeps them, switches to them. */
  connect: { from: POPUP, request: ConnectRequest, response: Connection },
  switchConnection: { from: POPUP, request: ConnectionId, response: Connection },
  renameConnection: { from: POPUP, request: RenameConnectionRequest, response: Connection },
  /** Deletes the connection's key and every piece of its data (its jobs stop); the next connection (if any) becomes current. */
  removeConnection: { from: POPUP, request: ConnectionId, response: z.null() },
  /** The organization's pages and users, read again (the caches the popup draws from are refreshed too). */
  refreshPages: { from: POPUP, request: NoData, response: PageList },
  refreshUsers: { from: POPUP, request: NoData, response: UserList },
});
