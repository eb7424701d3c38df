import type { StatuspageClient } from '../../../shared/client';
import { AbortedError, HttpError, RateLimitedError } from '../../../shared/client';
import type { PagePermissions } from '../../../shared/schemas';
import { guardedReplace } from '../../access/guarded-replace';
import type { PermissionsPlan } from '../../access/permissions-plan';
import type { ProgressReport } from '../../jobs/job-progress';
import { type OnWait, type Waiter, waitWith } from '../../jobs/wait-out';
import type { ValueStore } from '../matrix/matrix-store';
import type { BatchOutcomes, TeamBatch, UserOutcome } from '../team-access-storage';
import { applyChange, batchUsers } from './bulk-plan';

export type BatchDeps = Waiter & {
  client: Pick<StatuspageClient, 'getUserPermissions' | 'replaceUserPermissions'>;
  organizationId: string;
  batch: ValueStore<TeamBatch | null>;
  outcomes: ValueStore<BatchOutcomes | null>;
  /** Whether a page uses role based access control, as the scans learnt it (for the PUT's complete mapping). */
  usesRoles(pageId: string): boolean | undefined;
  /** What the server has for a user now (after a read or a PUT): the matrix shows it. */
  onPermissions(userId: string, pages: PagePermissions): Promise<void>;
  /** The job's progress record (the engine's `context.report`): users settled of the plan's. */
  report?(update: ProgressReport): Promise<unknown>;
};

/** Cancelling, as the abort reason (a pause is any other reason). */
export const CANCEL = 'cancel';
const BACKGROUND = { priority: 'background' } as const;

/**
 * Runs the stored batch, user by user: read again, skip a user whose permissions changed since the plan was made
 * (a conflict, never overwritten), else PUT the complete mapping. A user not read when it was planned gets the change
 * applied to what this read finds (recorded with the outcome, so that an undo puts back what was there), or nothing
 * when that is already so. Each outcome is stored before the next user, and `sending` before the PUT (with the
 * mapping found and the one sent): a resumed batch re-reads such a user, and if the server already has the plan it
 * counts as done, so nothing is sent twice.
 */
export async function runBatch(deps: BatchDeps, signal: AbortSignal): Promise<void> {
  let batch = await deps.batch.getValue();
  if (!batch) return;
  const stored = await deps.outcomes.getValue();
  const outcomes: BatchOutcomes = stored?.batchId === batch.id ? stored : { batchId: batch.id, users: {} };
  const update = async (changes: Partial<TeamBatch>) => {
    batch = { ...(batch as TeamBatch), ...changes, updatedAt: deps.now() };
    await deps.batch.setValue(batch);
  };
  const record = async (userId: string, outcome: Omit<UserOutcome, 'at'>) => {
    outcomes.users[userId] = { ...outcome, at: deps.now() };
    await deps.outcomes.setValue(outcomes);
    const settled = Object.values(outcomes.users).filter((one) => one.status !== 'sending').length;
    await deps.report?.({ done: settled, total: batchUsers((batch as TeamBatch).plan).length });
  };
  const onWait: OnWait = (state, info) => update({ state, retryAt: info?.retryAt });
  const wait = waitWith(deps, signal);
  const { client, organizationId } = deps;
  try {
    await update({ state: 'running', retryAt: undefined, error: undefined });
    const unread = batch.plan.unread;
    for (const user of batchUsers(batch.plan)) {
      if (signal.aborted) throw signal.reason;
      const outcome = outcomes.users[user.userId];
      if (outcome && outcome.status !== 'sending') continue;
      // A user not read when planned whose PUT may have landed: the mapping found and the one sent, as recorded.
      const recorded = outcome?.before && outcome.after && { before: outcome.before, after: outcome.after };
      let found: PermissionsPlan | undefined = recorded || undefined;
      const planned =
        user.plan ??
        found ??
        ((current: PagePermissions) => {
          found = { before: current, after: applyChange(current, unread!.change, { usesRoles: deps.usesRoles, copied: unread!.copied }) };
          return found;
        });
      try {
        const onPermissions = (pages: PagePermissions) => deps.onPermissions(user.userId, pages);
        const beforeSend = () => record(user.userId, { status: 'sending', ...found });
        const call = <T>(request: () => Promise<T>) => wait(request, onWait);
        const result = await guardedReplace(
          { client, organizationId, usesRoles: deps.usesRoles, onPermissions, beforeSend, call },
          user.userId,
          planned,
          {
            ...BACKGROUND,
            signal,
            // `sending` on record: the PUT may have landed before the worker stopped.
            mayHaveLanded: outcome?.status === 'sending',
          },
        );
        if (result.outcome === 'conflict') await record(user.userId, { status: 'conflict', current: result.current, ...found });
        else if (found && !result.sent && !recorded) await record(user.userId, { status: 'unchanged', before: found.before });
        else await record(user.userId, { status: 'done', ...found });
      } catch (error) {
        if (signal.aborted || !(error instanceof HttpError) || error instanceof RateLimitedError) throw error;
        // Refused for this user (404: left the organization; 422: the server's words): the others go on.
        await record(user.userId, { status: 'failed', error: error.message });
      }
    }
    await update({ state: 'done' });
  } catch (error) {
    if (signal.aborted && signal.reason === CANCEL) {
      for (const user of batchUsers(batch.plan)) {
        const outcome = outcomes.users[user.userId];
        if (!outcome) outcomes.users[user.userId] = { status: 'cancelled', at: deps.now() };
      }
      await deps.outcomes.setValue(outcomes);
      await update({ state: 'cancelled', retryAt: undefined });
    } else if (signal.aborted || error instanceof AbortedError) {
      await update({ state: 'paused', retryAt: undefined });
    } else {
      // Not worth retrying by itself (a revoked key...): paused with the reason, resumable once it is fixed.
      await update({ state: 'paused', retryAt: undefined, error: error instanceof Error ? error.message : String(error) });
    }
  }
}
