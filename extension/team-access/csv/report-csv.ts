import { stringifyCsv } from './csv';
import { conflictText, permissionsText } from '../bulk/permissions-text';
import type { BatchOutcomes, MatrixPage, TeamBatch } from '../team-access-storage';

/** The batch's report as CSV: one row per planned user, with the outcome and the server's words or the conflict. */
export function batchReportCsv(batch: TeamBatch, outcomes: BatchOutcomes | null, pages: MatrixPage[]): string {
  const rows = batch.plan.users.map((user) => {
    const outcome = outcomes?.batchId === batch.id ? outcomes.users[user.userId] : undefined;
    const status = outcome?.status ?? 'not run';
    const detail = outcome?.status === 'conflict' && outcome.current ? conflictText(user.before, outcome.current, pages) : (outcome?.error ?? '');
    return [
      user.userId,
      user.label,
      status === 'conflict' ? 'skipped (conflict)' : status,
      permissionsText(user.before, pages),
      permissionsText(user.after, pages),
      detail,
    ];
  });
  return stringifyCsv([['user_id', 'user', 'outcome', 'before', 'after', 'detail'], ...rows]);
}
