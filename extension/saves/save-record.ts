import { storage } from 'wxt/utils/storage';
import type { PagePermissions, StatuspageErrorJSON, StatusEmbedConfigChanges } from '../../shared';

export interface SaveEmbedRequest {
  pageId: string;
  /** The page's name, for messages ("… the embed of Acme Cloud"). */
  label: string;
  changes: StatusEmbedConfigChanges;
  /** The draft this save came from: it is cleared after the save only if it has not been edited since. */
  draftUpdatedAt?: number;
}

export interface SavePermissionsRequest {
  userId: string;
  /** The user's name, for messages. */
  label: string;
  /** The permissions when the editor opened them: the save goes ahead only if the server still has exactly these. */
  base: PagePermissions;
  /** The complete mapping the user should have: a page left out loses access. */
  pages: PagePermissions;
  draftUpdatedAt?: number;
}

export type SaveRequest = { kind: 'embed'; request: SaveEmbedRequest } | { kind: 'permissions'; request: SavePermissionsRequest };

/**
 * A save that has not (yet) succeeded. `saving`: in flight; `waiting`: rate limited, retried at `retryAt`;
 * `offline`: retried when the connection is back; `failed`: stopped, `error` says why; `conflict`: someone
 * else changed the permissions, `current` is what they are now.
 */
export type SaveRecord = SaveRequest & {
  id: string;
  state: 'saving' | 'waiting' | 'offline' | 'failed' | 'conflict';
  retryAt?: number;
  error?: StatuspageErrorJSON;
  current?: PagePermissions;
  updatedAt: number;
};

/** A save still under way (in flight, or waiting out a rate limit or a lost connection): the editor is locked. */
export function isSaveInProgress(save: SaveRecord | undefined): boolean {
  return save?.state === 'saving' || save?.state === 'waiting' || save?.state === 'offline';
}

export function saveId(kind: SaveRequest['kind'], targetId: string): string {
  return `${kind}:${targetId}`;
}

/** Written by the background only; the popup watches it (countdowns, errors), the badge follows it. */
export const savesItem = storage.defineItem<Record<string, SaveRecord>>('local:saves', { version: 1, fallback: {} });

/** The shared rate limiter's memory, so a restarted service worker still knows the key's recent requests. */
export const rateLimiterStateItem = storage.defineItem<unknown>('local:rateLimiter', { version: 1, fallback: null });
