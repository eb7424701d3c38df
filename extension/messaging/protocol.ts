import { defineExtensionMessaging } from '@webext-core/messaging';
import * as z from 'zod/mini';
import { isReservedKey, PageList, PagePermissions, StatusEmbedConfig, StatusEmbedConfigChanges, UserList } from '../../shared/schemas';
import { PermissionsPlan } from '../access/permissions-plan';
import { ConnectionId } from '../storage/org-item';
import type { Outcome } from './outcome';
import type { SenderKind } from './sender';

// Every message the popup can send the background (the only holder of the key), declared once as schemas: the
// types come from them, the background's route table is built from them, and both ends parse what they receive.
// Requests are strict objects: a field one side sends and the other does not know is refused, never dropped.
// Content scripts may ask nothing (the in-page preview is fed by the popup over its own port).

// An id becomes a key of maps and of storage items: `__proto__` and its kin are never ids.
export const Id = z.string().check(
  z.minLength(1),
  z.maxLength(100),
  z.regex(/^[\w-]+$/, 'must be an id'),
  z.refine((id) => !isReservedKey(id), 'cannot be an id'),
);
/** A page's or a user's name, for messages ("... the embed of Acme Cloud"). */
const Label = z.string().check(z.maxLength(300));
const NoData = z.optional(z.null());

export { ConnectionId };
/** What a person calls a connection ("Acme production"): shown in the popup's bar. */
export const ConnectionLabel = z.string().check(z.trim(), z.minLength(1, 'give it a name'), z.maxLength(80, 'at most 80 characters'));

export const ConnectRequest = z.strictObject({
  apiKey: z.string().check(z.maxLength(500)),
  organizationId: z.string().check(z.maxLength(200)),
  apiBaseUrl: z.string().check(z.maxLength(2048)),
  /** The connection whose key (or organization, or API) is being changed; absent: a new connection. */
  connectionId: z.optional(ConnectionId),
  label: z.optional(z.string().check(z.maxLength(80))),
});
export type ConnectRequest = z.infer<typeof ConnectRequest>;

/** One organization reached with one key: not secret (the key is stored apart), so the popup reads it to draw at once. */
export const Connection = z.object({
  id: ConnectionId,
  label: z.string(),
  organizationId: z.string(),
  apiBaseUrl: z.string(),
  /** When the key was last checked and accepted (epoch ms). */
  verifiedAt: z.number(),
});
export type Connection = z.infer<typeof Connection>;

export const RenameConnectionRequest = z.strictObject({ connectionId: ConnectionId, label: ConnectionLabel });

export const SaveEmbedRequest = z.strictObject({
  /** The connection the popup showed when the save was asked for: a switch meanwhile does not redirect it. */
  connectionId: ConnectionId,
  pageId: Id,
  label: Label,
  changes: StatusEmbedConfigChanges,
  /** The draft this save came from: it is cleared after the save only if it has not been edited since. */
  draftUpdatedAt: z.optional(z.number()),
});
export type SaveEmbedRequest = z.infer<typeof SaveEmbedRequest>;

export const SavePermissionsRequest = z.strictObject({
  connectionId: ConnectionId,
  userId: Id,
  label: Label,
  /** `before`: the permissions when the editor opened them; `after`: the complete mapping to save. */
  ...PermissionsPlan,
  draftUpdatedAt: z.optional(z.number()),
});
export type SavePermissionsRequest = z.infer<typeof SavePermissionsRequest>;

export const SavePermissionsResult = z.discriminatedUnion('outcome', [
  z.object({ outcome: z.literal('saved'), pages: PagePermissions }),
  z.object({ outcome: z.literal('conflict'), current: PagePermissions }),
]);
export type SavePermissionsResult = z.infer<typeof SavePermissionsResult>;

export const SaveKind = z.enum(['embed', 'permissions']);
export type SaveKind = z.infer<typeof SaveKind>;
export const SaveId = z.string().check(z.regex(/^(embed|permissions):c[a-z0-9]{4,32}:[\w-]+$/, 'must be a save id'));

/** One user's part of a bulk change on the Team access page: their permissions as the scan read them, and after. */
export const BulkPlanUser = z.strictObject({
  userId: Id,
  label: Label,
  /** `before`: as the scan read them; `after`: the complete mapping to put. */
  ...PermissionsPlan,
});
export type BulkPlanUser = z.infer<typeof BulkPlanUser>;

/** A confirmed bulk change (or a CSV import): only users whose plan changes something. */
export const BulkPlanRequest = z.strictObject({
  /** What it does, for the report ("Give access to Acme Cloud"). */
  label: Label,
  users: z.array(BulkPlanUser).check(z.minLength(1), z.maxLength(100_000)),
});
export type BulkPlanRequest = z.infer<typeof BulkPlanRequest>;

/** The Team access scan: start a new one (oldest rows first), pause, resume; `nudge` wakes a stopped worker to go on. */
export const TeamScanAction = z.enum(['start', 'pause', 'resume', 'nudge']);
/** The bulk change under way: pause, resume, cancel, undo (a finished batch), nudge (as for the scan). */
export const TeamBatchAction = z.enum(['pause', 'resume', 'cancel', 'undo', 'nudge']);

interface MessageSpec {
  /** Who may send it. */
  from: readonly SenderKind[];
  request: z.ZodMiniType;
  response: z.ZodMiniType;
}

const POPUP = ['extension-page'] as const;

export const PROTOCOL = {
  /** Checks key and organization with one call (GET users, which also fills the user cache), keeps them, switches to them. */
  connect: { from: POPUP, request: ConnectRequest, response: Connection },
  switchConnection: { from: POPUP, request: ConnectionId, response: Connection },
  renameConnection: { from: POPUP, request: RenameConnectionRequest, response: Connection },
  /** Deletes the connection's key and every piece of its data; the next connection (if any) becomes current. */
  removeConnection: { from: POPUP, request: ConnectionId, response: z.null() },
  refreshPages: { from: POPUP, request: NoData, response: PageList },
  refreshUsers: { from: POPUP, request: NoData, response: UserList },
  refreshEmbedConfig: { from: POPUP, request: Id, response: StatusEmbedConfig },
  refreshPermissions: { from: POPUP, request: Id, response: PagePermissions },
  /** PATCH with only the changed fields; rate limits and lost connections are waited out (saves/). */
  saveEmbed: { from: POPUP, request: SaveEmbedRequest, response: StatusEmbedConfig },
  /** Re-reads, refuses on a change made elsewhere, then PUTs the complete mapping. */
  savePermissions: { from: POPUP, request: SavePermissionsRequest, response: SavePermissionsResult },
  /** Stops a save that is waiting (rate limit, offline); it then counts as failed. */
  cancelSave: { from: POPUP, request: SaveId, response: z.null() },
  /** Forgets a failed save (the admin reverted or reloaded). */
  dismissSave: { from: POPUP, request: SaveId, response: z.null() },
  /** Team access page: the organization's permission scan, run in the background under the key's one limiter. */
  teamAccessScan: { from: POPUP, request: TeamScanAction, response: z.null() },
  /** Team access page: stores the plan and runs it user by user (re-read, conflict check, PUT). */
  teamAccessRunBatch: { from: POPUP, request: BulkPlanRequest, response: z.null() },
  teamAccessBatch: { from: POPUP, request: TeamBatchAction, response: z.null() },
} as const satisfies Record<string, MessageSpec>;

export type MessageName = keyof typeof PROTOCOL;
export type RequestOf<K extends MessageName> = z.output<(typeof PROTOCOL)[K]['request']>;
export type ResponseOf<K extends MessageName> = z.output<(typeof PROTOCOL)[K]['response']>;

type ProtocolMap = { [K in MessageName]: (data: RequestOf<K>) => Outcome<ResponseOf<K>> };

// No `logger`: the library would log every message, and `connect` carries the key.
export const messenger = defineExtensionMessaging<ProtocolMap>();
