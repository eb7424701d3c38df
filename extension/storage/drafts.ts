import type { PagePermissions } from '../../shared/schemas';
import type { EmbedDraft } from '../embed/embed-draft';
import { keyedItem } from './keyed-item';

export type { EmbedDraft };

/** A user's permissions as they are being edited, and what they were when the editor opened them. */
export interface PermissionsDraft {
  userId: string;
  /** The permissions read when editing started: a save first checks the server still has exactly these. */
  base: PagePermissions;
  draft: PagePermissions;
  /** The user whose permissions were copied in with "Copy from user...", if any. */
  copiedFrom?: string;
  updatedAt: number;
}

/**
 * Written by the popup as the admin types, one item per page and per user. Only extension pages read them: the
 * in-page preview gets the draft's five public fields from the popup over its port, never from storage.
 */
export const embedDraftItem = keyedItem<EmbedDraft>('local:draft.embed.');
export const permissionsDraftItem = keyedItem<PermissionsDraft>('local:draft.permissions.');
