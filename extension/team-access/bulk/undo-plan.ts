import { diffPermissions, pagesLosingAccess } from '../../access/permission-diff';
import type { BatchOutcomes, TeamBatch } from '../team-access-storage';
import { batchUsers, type BulkPlan, type PlannedUser } from './bulk-plan';

/** An undo's label: "Undo of Give access to Acme Labs", said once however the batch was named. */
export const undoLabel = (label: string): string => `Undo of ${label}`.slice(0, 300);

/**
 * The plan that puts back, for every user the batch changed, what they had before it: shown, with every loss named,
 * and confirmed like any other change. None for a batch that changed nobody, or that is itself an undo.
 */
export function undoBulkPlan(batch: TeamBatch, outcomes: BatchOutcomes | null): BulkPlan | undefined {
  if (batch.undoOf !== undefined || outcomes?.batchId !== batch.id) return undefined;
  const users: PlannedUser[] = [];
  for (const user of batchUsers(batch.plan)) {
    const outcome = outcomes.users[user.userId];
    if (outcome?.status !== 'done') continue;
    // A user not read when planned: what the read just before the write found, never a guess.
    const plan = user.plan ?? (outcome.before && outcome.after && { before: outcome.before, after: outcome.after });
    if (!plan) continue;
    users.push({
      userId: user.userId,
      label: user.label,
      before: plan.after,
      after: plan.before,
      changes: diffPermissions(plan.after, plan.before),
      losses: pagesLosingAccess(plan.after, plan.before),
    });
  }
  if (users.length === 0) return undefined;
  return {
    label: undoLabel(batch.plan.label),
    users,
    unchanged: 0,
    lossCount: users.reduce((sum, user) => sum + user.losses.length, 0),
    undoOf: batch.id,
  };
}
