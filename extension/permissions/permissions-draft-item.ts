import * as z from 'zod/mini';
import { orgKeyedItem } from '../storage/org-item';
import { PermissionsDraft, permissionsDraftV1ToV2 } from './permissions-draft';

/** Written by the popup as the admin edits, one item per user; only extension pages read it. */
export const permissionsDraftItem = orgKeyedItem('draft.permissions.', {
  schema: z.nullable(PermissionsDraft),
  fallback: null,
  version: 2,
  migrations: { 2: permissionsDraftV1ToV2 },
});
