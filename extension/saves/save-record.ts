import * as z from 'zod/mini';
import { StatuspageErrorJSON } from '../../shared/client/error-json-schema';
import { PagePermissions } from '../../shared/schemas';
import { SaveEmbedRequest, type SaveKind, SavePermissionsRequest } from './save-requests';
import { storedItem } from '../storage/stored-item';

export type { SaveEmbedRequest, SavePermissionsRequest };

/**
 * `saving`: in flight; `waiting`: rate limited, retried at `retryAt`; `offline`: retried when the connection is
 * back (or at `retryAt`); `failed`: stopped, `error` says why; `conflict`: someone else changed the permissions,
 * `current` is what they are now.
 */
export const SaveState = z.enum(['saving', 'waiting', 'offline', 'failed', 'conflict']);
export type SaveState = z.infer<typeof SaveState>;

const recordFields = {
  id: z.string(),
  state: SaveState,
  retryAt: z.optional(z.number()),
  error: z.optional(StatuspageErrorJSON),
  current: z.optional(PagePermissions),
  updatedAt: z.number(),
};

/** A save that has not (yet) succeeded, with what it sends, so a restarted worker can send it again. */
export const SaveRecord = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('embed'), request: SaveEmbedRequest, ...recordFields }),
  z.object({ kind: z.literal('permissions'), request: SavePermissionsRequest, ...recordFields }),
]);
export type SaveRecord = z.infer<typeof SaveRecord>;
/** What a save sends, by kind: the part of its record that a restarted worker sends again. */
export type SaveRequest<K extends SaveKind = SaveKind> = Extract<SaveRecord, { kind: K }>['request'];

/** A save still under way (in flight, or waiting out a rate limit or a lost connection): the editor is locked. */
export function isSaveInProgress(save: SaveRecord | undefined): boolean {
  return save?.state === 'saving' || save?.state === 'waiting' || save?.state === 'offline';
}

/** `embed:<connection id>:<page id>`: one save at a time per page or user of each connection. */
export function saveId(kind: SaveKind, connectionId: string, targetId: string): string {
  return `${kind}:${connectionId}:${targetId}`;
}

/**
 * Every connection's pending saves (each request names its connection). Written by the background only; the popup
 * watches it (countdowns, errors), the badge follows it.
 */
export const savesItem = storedItem('local:saves', {
  schema: z.record(z.string(), SaveRecord),
  fallback: {},
  version: 2,
  migrations: { 2: savesV1ToV2 },
});

/**
 * Version 2 names a permissions save's guard and target as a bulk change does: `base`/`pages` became `before`/`after`.
 * A record already of version 2 passes unchanged: storage cleared under a running worker leaves its later writes
 * without a version mark, and another context would read them as version 1.
 */
export function savesV1ToV2(v1: Record<string, { kind?: unknown; request?: Record<string, unknown> }> | null): unknown {
  if (!v1 || typeof v1 !== 'object') return v1;
  return Object.fromEntries(
    Object.entries(v1).map(([id, record]) => {
      if (record?.kind !== 'permissions' || !record.request || !('base' in record.request)) return [id, record];
      const { base, pages, ...request } = record.request;
      return [id, { ...record, request: { ...request, before: base, after: pages } }];
    }),
  );
}
