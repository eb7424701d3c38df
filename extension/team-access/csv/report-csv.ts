import { stringifyCsv } from './csv';
import { batchUsers } from '../bulk/bulk-plan';
import { conflictText, permissionsText } from '../bulk/permissions-text';
import type { BatchOutcomes, MatrixPage, TeamBatch } from '../team-access-storage';

/**
 * The batch's report as CSV: one row per planned user, with the outcome and the server's words or the conflict. A user
 * not read when planned has the access the read just before the write found, and what was put (not read: not run yet).
 */
export function batchReportCsv(batch: TeamBatch, outcomes: BatchOutcomes | null, pages: MatrixPage[]): string {
  const rows = batchUsers(batch.plan).map((user) => {
    const outcome = outcomes?.batchId === batch.id ? outcomes.users[user.userId] : undefined;
    const status = outcome?.status ?? 'not run';
    const before = user.plan?.before ?? outcome?.before;
    const after = user.plan?.after ?? outcome?.after ?? (outcome?.status === 'unchanged' ? before : undefined);
    const detail = outcome?.status === 'conflict' && outcome.current ? conflictText(before ?? {}, outcome.current, pages) : (outcome?.error ?? '');
    const text = (permissions: typeof before) => (permissions ? permissionsText(permissions, pages) : 'not read yet');
    return [user.userId, user.label, status === 'conflict' ? 'skipped (conflict)' : status, text(before), text(after), detail];
  });
  return stringifyCsv([['user_id', 'user', 'outcome', 'before', 'after', 'detail'], ...rows]);
}
