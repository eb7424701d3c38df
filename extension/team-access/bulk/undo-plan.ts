import { diffPermissions, pagesLosingAccess } from '../../access/permission-diff';
import type { BatchOutcomes, TeamBatch } from '../team-access-storage';
import type { BulkPlan, PlannedUser } from './bulk-plan';

/** An undo's label: "Undo of Give access to Acme Labs", said once however the batch was named. */
export const undoLabel = (label: string): string => `Undo of ${label}`.slice(0, 300);

/**
 * The plan that puts back, for every user the batch changed, what they had before it: shown, with every loss named,
 * and confirmed like any other change. None for a batch that changed nobody, or that is itself an undo.
 */
export function undoBulkPlan(batch: TeamBatch, outcomes: BatchOutcomes | null): BulkPlan | undefined {
  if (batch.undoOf !== undefined) return undefined;
  const done = batch.plan.users.filter((user) => outcomes?.batchId === batch.id && outcomes.users[user.userId]?.status === 'done');
  if (done.length === 0) return undefined;
  const users: PlannedUser[] = done.map((user) => ({
    userId: user.userId,
    label: user.label,
    before: user.after,
    after: user.before,
    changes: diffPermissions(user.after, user.before),
    losses: pagesLosingAccess(user.after, user.before),
  }));
  return {
    label: undoLabel(batch.plan.label),
    users,
    unchanged: 0,
    notRead: [],
    lossCount: users.reduce((sum, user) => sum + user.losses.length, 0),
    undoOf: batch.id,
  };
}
