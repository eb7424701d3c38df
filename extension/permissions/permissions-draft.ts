import * as z from 'zod/mini';
import { PagePermissions } from '../../shared/schemas';
import { diffPermissions } from '../access/permission-diff';

/**
 * A user's permissions as they are being edited: what they were when the editor opened them (`base`: a save first
 * checks the server still has exactly these), the mapping as edited, the user copied from ("Copy from user..."),
 * and when each page was last edited (`stamps`), so two popups editing the same user keep both people's edits.
 */
export const PermissionsDraft = z.object({
  userId: z.string(),
  base: PagePermissions,
  draft: PagePermissions,
  copiedFrom: z.optional(z.string()),
  stamps: z.record(z.string(), z.number()),
  updatedAt: z.number(),
});
export type PermissionsDraft = z.infer<typeof PermissionsDraft>;

/** Version 1 had no per-page stamps: every page the draft changed counts as edited when the draft was. */
export function permissionsDraftV1ToV2(v1: { base?: PagePermissions; draft?: PagePermissions; updatedAt?: unknown }): unknown {
  const at = typeof v1?.updatedAt === 'number' ? v1.updatedAt : 0;
  const changed = v1?.base && v1?.draft ? diffPermissions(v1.base, v1.draft).map((change) => change.pageId) : [];
  return { ...v1, stamps: Object.fromEntries(changed.map((pageId) => [pageId, at])) };
}

const sameBase = (a: PermissionsDraft, b: PermissionsDraft) => JSON.stringify(a.base) === JSON.stringify(b.base);

/**
 * Two popups editing the same user: each page keeps its latest edit (access and roles together; a tie goes to the
 * larger value, so both popups settle on the same draft). Drafts begun from different server states: the newer wins.
 */
export function mergePermissionsDrafts(local: PermissionsDraft, stored: PermissionsDraft): PermissionsDraft {
  if (!sameBase(local, stored)) return stored.updatedAt >= local.updatedAt ? stored : local;
  const draft: PagePermissions = { ...stored.draft };
  const stamps = { ...stored.stamps };
  for (const [pageId, mine] of Object.entries(local.stamps)) {
    const theirs = Object.hasOwn(stored.stamps, pageId) ? (stored.stamps[pageId] ?? -1) : -1;
    const tieWon = mine === theirs && JSON.stringify(local.draft[pageId] ?? null) > JSON.stringify(stored.draft[pageId] ?? null);
    if (mine < theirs || (mine === theirs && !tieWon)) continue;
    if (Object.hasOwn(local.draft, pageId)) draft[pageId] = local.draft[pageId]!;
    else delete draft[pageId];
    stamps[pageId] = mine;
  }
  const newer = local.updatedAt > stored.updatedAt ? local : stored;
  return { ...stored, draft, stamps, copiedFrom: newer.copiedFrom, updatedAt: Math.max(local.updatedAt, stored.updatedAt) };
}
