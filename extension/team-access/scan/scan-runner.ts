import type { StatuspageClient } from '../../../shared/client';
import { NotFoundError } from '../../../shared/client';
import type { PagePermissions } from '../../../shared/schemas';
import type { MatrixStore, ValueStore } from '../matrix/matrix-store';
import { dropUser, mergeOrganization, readByScan, recordRead, scanCounts, scanOrder } from './scan-bookkeeping';
import type { TeamScan, TeamScanProgress } from '../team-access-storage';
import { type OnWait, type Waiter, waitWith } from '../../jobs/wait-out';

export type ScanDeps = Waiter & {
  client: Pick<StatuspageClient, 'listUsers' | 'listPages' | 'getUserPermissions'>;
  organizationId: string;
  /** Milliseconds until `count` more background calls would have their slots, by the limiter's own schedule. */
  timeLeftMs(count: number): number;
  matrix: MatrixStore;
  scan: ValueStore<TeamScan | null>;
  progress: ValueStore<TeamScanProgress | null>;
  /** Tells the rest of the extension what a read showed (which pages use role based access control). */
  learn?(pages: PagePermissions): Promise<void>;
};

const BACKGROUND = { priority: 'background' } as const;

/**
 * Reads every user's permissions, one call each at background priority, oldest rows first. Each answer is stored
 * before the next call, so a stopped worker resumes where it was (`fresh: false`): users read since the scan
 * started are skipped. An abort (pause) leaves the scan `paused`; a 420/429 or a lost link is waited out the job
 * engine's way (jobs/wait-out.ts) and it goes on.
 */
export async function runScan(deps: ScanDeps, { signal, fresh }: { signal: AbortSignal; fresh: boolean }): Promise<void> {
  const { client, organizationId } = deps;
  let scan = await deps.scan.getValue();
  const update = async (changes: Partial<TeamScan>) => {
    scan = { ...(scan as TeamScan), ...changes, updatedAt: deps.now() };
    await deps.scan.setValue(scan);
  };
  const onWait: OnWait = (state, info) => update({ state, retryAt: info?.retryAt });
  const wait = waitWith(deps, signal);
  const call = <T>(request: () => Promise<T>) => wait(request, onWait);
  try {
    if (fresh || !scan || scan.state === 'done' || scan.state === 'failed' || scan.state === 'listing' || scan.order.length === 0) {
      // A scan stopped while listing lists again, keeping its start: nothing of it was read yet.
      const restarting = scan && !fresh && scan.state !== 'done' && scan.state !== 'failed' ? scan : undefined;
      const startedAt = restarting?.startedAt ?? deps.now();
      const previousStartedAt = restarting ? restarting.previousStartedAt : scan?.startedAt;
      scan = { state: 'listing', startedAt, order: [], updatedAt: deps.now(), ...(previousStartedAt !== undefined && { previousStartedAt }) };
      await deps.scan.setValue(scan);
      const users = await call(() => client.listUsers(organizationId, { ...BACKGROUND, signal }));
      const pages = await call(() => client.listPages({ ...BACKGROUND, signal }));
      const matrix = await deps.matrix.update((current) => mergeOrganization(current, users, pages, deps.now()));
      await update({ state: 'running', order: scanOrder(matrix.users) });
    } else {
      await update({ state: 'running', retryAt: undefined, error: undefined });
    }
    const current = scan as TeamScan;
    let { done, left } = scanCounts(current, await deps.matrix.get());
    const report = () => deps.progress.setValue({ done, total: done + left, timeLeftMs: deps.timeLeftMs(left), updatedAt: deps.now() });
    await report();
    for (const userId of current.order) {
      if (signal.aborted) throw signal.reason;
      const user = (await deps.matrix.get()).users[userId];
      if (!user || readByScan(user, current)) continue;
      try {
        const { pages } = await call(() => client.getUserPermissions(organizationId, userId, { ...BACKGROUND, signal }));
        await deps.matrix.update((matrix) => recordRead(matrix, userId, pages, deps.now()));
        await deps.learn?.(pages).catch(() => {});
        done++;
      } catch (error) {
        if (!(error instanceof NotFoundError) || signal.aborted) throw error;
        // Removed from the organization since the list was read.
        await deps.matrix.update((matrix) => dropUser(matrix, userId));
      }
      left--;
      await report();
    }
    await update({ state: 'done', finishedAt: deps.now(), retryAt: undefined });
  } catch (error) {
    if (signal.aborted) {
      await update({ state: 'paused', retryAt: undefined });
      return;
    }
    await update({ state: 'failed', error: error instanceof Error ? error.message : String(error), retryAt: undefined });
  }
}
