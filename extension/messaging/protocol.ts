import { defineExtensionMessaging } from '@webext-core/messaging';
import type { Page, PagePermissions, StatusEmbedConfig, User } from '../../shared';
import type { Connection } from '../connection/connection-item';
import type { SaveEmbedRequest, SavePermissionsRequest } from '../saves/save-record';
import type { Outcome } from './outcome';

export interface ConnectRequest {
  apiKey: string;
  organizationId: string;
  apiBaseUrl: string;
}

export type SavePermissionsResult = { outcome: 'saved'; pages: PagePermissions } | { outcome: 'conflict'; current: PagePermissions };

/**
 * Everything the popup can ask the background (the only holder of the key); content scripts may ask nothing
 * (the in-page preview is fed by the popup over its own port). Add a message here, give it a sender policy in
 * background/handlers.ts, and both sides are typed.
 */
export interface BackgroundProtocol {
  /** Checks key and organization with one call (GET users, which also fills the user cache) and keeps them. */
  connect(request: ConnectRequest): Outcome<Connection>;
  disconnect(): Outcome<null>;
  refreshPages(): Outcome<Page[]>;
  refreshUsers(): Outcome<User[]>;
  refreshEmbedConfig(pageId: string): Outcome<StatusEmbedConfig>;
  refreshPermissions(userId: string): Outcome<PagePermissions>;
  /** PATCH with only the changed fields; rate limits and lost connections are waited out, see storage/saves.ts. */
  saveEmbed(request: SaveEmbedRequest): Outcome<StatusEmbedConfig>;
  /** Re-reads, refuses on a change made elsewhere, then PUTs the complete mapping. */
  savePermissions(request: SavePermissionsRequest): Outcome<SavePermissionsResult>;
  /** Stops a save that is waiting (rate limit, offline); it then counts as failed. */
  cancelSave(saveId: string): Outcome<null>;
  /** Forgets a failed save (the admin reverted or reloaded). */
  dismissSave(saveId: string): Outcome<null>;
}

// No `logger`: the library would log every message, and `connect` carries the key.
export const messenger = defineExtensionMessaging<BackgroundProtocol>();
