import { browser } from 'wxt/browser';
import { SlidingWindowLimiter } from '../../shared/rate-limit';
import type { PagePermissions } from '../../shared/schemas';
import { learnFromPermissions } from '../access/learn-from-permissions';
import { connectionsItem } from '../connection/connections-item';
import { sessionFor } from '../connection/session';
import type { JobContext, JobKind, PendingJob, StopReason } from '../jobs/job-kind';
import { CANCEL, runBatch } from './bulk/batch-runner';
import { usesRolesOf } from './bulk/bulk-plan';
import { type MatrixStore, matrixStore } from './matrix/matrix-store';
import { storedMatrixRows } from './matrix/stored-matrix';
import { freshLists, rememberLists } from '../organization/reads';
import { recordRead } from './scan/scan-bookkeeping';
import { runScan } from './scan/scan-runner';
import {
  BATCH_JOB,
  SCAN_JOB,
  type BatchState,
  type ScanState,
  scanOrderItem,
  teamBatchItem,
  teamBatchOutcomesItem,
  teamScanItem,
} from './team-access-storage';
import { readFirstOf } from './scan/read-first';

// The Team access page's two job kinds, one job of each per connection (organization): the job's id is the
// connection's id, its records are the connection's `teamAccess.*` items.

export { BATCH_JOB, SCAN_JOB };
export const SCAN_PENDING: ScanState[] = ['listing', 'running', 'rate-limited', 'offline'];
export const BATCH_PENDING: BatchState[] = ['running', 'rate-limited', 'offline'];

const matrices = new Map<string, MatrixStore>();
export function matrixOf(connectionId: string): MatrixStore {
  let store = matrices.get(connectionId);
  if (!store) {
    store = matrixStore(storedMatrixRows(connectionId));
    matrices.set(connectionId, store);
  }
  return store;
}

const connectionIds = async (): Promise<string[]> => (await connectionsItem.getValue()).list.map((connection) => connection.id);

// `org.<connection id>.teamAccess.(scan|batch|matrix)` changed (here, or from elsewhere: a reset, a removal).
const TEAM_KEY = /^org\.(c[a-z0-9]+)\.teamAccess\.(scan|batch|matrix)$/;
function watchRecords(part: 'scan' | 'batch', onChange: () => void): void {
  browser.storage.onChanged.addListener((changes, area) => {
    if (area !== 'local') return;
    for (const [key, change] of Object.entries(changes)) {
      const match = TEAM_KEY.exec(key);
      // Storage cleared: the matrix's copy in memory goes too.
      if (match?.[2] === 'matrix' && change.newValue === undefined) matrices.get(match[1]!)?.forget();
      if (match?.[2] === part) onChange();
    }
  });
  connectionsItem.watch(() => {
    for (const id of matrices.keys()) void connectionIds().then((ids) => ids.includes(id) || matrices.delete(id));
    onChange();
  });
}

const waitingUntil = (record: { state: string; retryAt?: number }): PendingJob['retryAt'] =>
  record.state === 'rate-limited' || record.state === 'offline' ? record.retryAt : undefined;

async function pendingOf(part: 'scan' | 'batch'): Promise<PendingJob[]> {
  const pending: PendingJob[] = [];
  for (const id of await connectionIds()) {
    const record = part === 'scan' ? await teamScanItem(id).getValue() : await teamBatchItem(id).getValue();
    const states: string[] = part === 'scan' ? SCAN_PENDING : BATCH_PENDING;
    if (record && states.includes(record.state)) {
      const retryAt = waitingUntil(record);
      pending.push({ id, ...(retryAt !== undefined && { retryAt }) });
    }
  }
  return pending;
}

/**
 * What the scan and the batch have in common: one job per connection, its id the connection's (its records go with
 * the connection's data, cleared by the removal), background work that keeps trying through a failing link.
 */
const perConnection = (name: string, part: 'scan' | 'batch') => ({
  name,
  keepTrying: true,
  jobsOf: async (connectionId: string) => [connectionId],
  pending: () => pendingOf(part),
  watch: (onChange: () => void) => watchRecords(part, onChange),
});

export const scanJob: JobKind<void> = {
  ...perConnection(SCAN_JOB, 'scan'),
  async run(connectionId, context) {
    const scanItem = teamScanItem(connectionId);
    const session = await sessionFor(connectionId).catch(async (error: unknown) => {
      const scan = await scanItem.getValue();
      if (scan)
        await scanItem.setValue({ ...scan, state: 'failed', error: error instanceof Error ? error.message : String(error), updatedAt: Date.now() });
      throw error;
    });
    const { client, organizationId } = session;
    const limiter = client.rateLimiter;
    await runScan(
      {
        now: context.now,
        waitOut: context.waitOut,
        client,
        organizationId,
        timeLeftMs: (count) => (limiter instanceof SlidingWindowLimiter ? limiter.estimateWaitMs(count, 'background') : count * 1_000),
        matrix: matrixOf(connectionId),
        scan: scanItem,
        order: scanOrderItem(connectionId),
        report: context.report,
        freshLists: () => freshLists(connectionId),
        rememberLists: (lists) => rememberLists(connectionId, lists),
        readFirst: async () => readFirstOf(connectionId),
        ...(limiter instanceof SlidingWindowLimiter && {
          watchPeople: (onChange: (waiting: boolean) => void) => limiter.watchQueue((waiting) => onChange(waiting.interactive > 0)),
        }),
        learn: (pages) => learnFromPermissions(connectionId, pages),
      },
      { signal: context.signal, fresh: false },
    );
  },
  async stopStored(connectionId, reason: StopReason) {
    const item = teamScanItem(connectionId);
    const scan = await item.getValue();
    if (reason === 'pause' && scan && SCAN_PENDING.includes(scan.state))
      await item.setValue({ ...scan, state: 'paused', retryAt: undefined, updatedAt: Date.now() });
  },
};

async function runBatchOf(
  connectionId: string,
  context: Pick<JobContext, 'now' | 'waitOut' | 'signal'> & Partial<Pick<JobContext, 'report'>>,
): Promise<void> {
  const { client, organizationId } = await sessionFor(connectionId);
  const matrix = matrixOf(connectionId);
  const usesRoles = usesRolesOf((await matrix.get()).pages);
  await runBatch(
    {
      now: context.now,
      waitOut: context.waitOut,
      client,
      organizationId,
      batch: teamBatchItem(connectionId),
      outcomes: teamBatchOutcomesItem(connectionId),
      usesRoles,
      ...(context.report && { report: context.report }),
      onPermissions: async (userId: string, pages: PagePermissions) => {
        await matrix.update((current) => recordRead(current, userId, pages, Date.now()));
      },
    },
    context.signal,
  );
}

export const batchJob: JobKind<void> = {
  ...perConnection(BATCH_JOB, 'batch'),
  run: (connectionId, context) => runBatchOf(connectionId, context),
  async stopStored(connectionId, reason) {
    const item = teamBatchItem(connectionId);
    const batch = await item.getValue();
    if (!batch) return;
    if (reason === 'cancel' && batch.state !== 'done' && batch.state !== 'cancelled') {
      // Not running in this worker: a run over an aborted signal marks the rest cancelled.
      const controller = new AbortController();
      controller.abort(CANCEL);
      await runBatchOf(connectionId, { now: Date.now, signal: controller.signal, waitOut: (call) => call() });
    } else if (reason === 'pause' && BATCH_PENDING.includes(batch.state)) {
      await item.setValue({ ...batch, state: 'paused', retryAt: undefined, updatedAt: Date.now() });
    }
  },
};
