import { browser } from 'wxt/browser';
import { InvalidRequestError } from '../../shared/client';
import { SlidingWindowLimiter, systemClock } from '../../shared/rate-limit';
import type { PagePermissions } from '../../shared/schemas';
import { activeConnection, connectionsItem } from '../connection/connections-item';
import { currentSession, sessionFor } from '../connection/session';
import type { BulkPlanRequest } from '../messaging/protocol';
import { learnFromPermissions } from '../permissions/permission-reads';
import { keepAliveWhile } from '../worker/keep-alive';
import { CANCEL, runBatch, undoPlan } from './batch-runner';
import { usesRolesOf } from './bulk-plan';
import { type MatrixStore, matrixStore } from './matrix-store';
import { recordRead } from './scan-bookkeeping';
import { runScan } from './scan-runner';
import {
  type BatchState,
  type ScanState,
  teamBatchItem,
  teamBatchOutcomesItem,
  teamMatrixItem,
  teamScanItem,
  teamScanProgressItem,
} from './team-access-storage';

// The Team access page's background work: the scan and the bulk changes of each connection (organization), each run
// by at most one task per connection in this worker, resumed from storage when a stopped worker wakes (start-up, the
// alarm, or the page's nudge). The page's messages act on the connection the popup is on.

export const TEAM_ACCESS_ALARM = 'team-access-resume';
export const TEAM_ACCESS_MENU = 'open-team-access';
const SCAN_PENDING: ScanState[] = ['listing', 'running', 'rate-limited', 'offline'];
const BATCH_PENDING: BatchState[] = ['running', 'rate-limited', 'offline'];

const matrices = new Map<string, MatrixStore>();
const matrixOf = (connectionId: string): MatrixStore => {
  let store = matrices.get(connectionId);
  if (!store) {
    store = matrixStore(teamMatrixItem(connectionId));
    matrices.set(connectionId, store);
  }
  return store;
};

interface Task {
  controller: AbortController;
  done: Promise<void>;
}
const scanTasks = new Map<string, Task>();
const batchTasks = new Map<string, Task>();

/** The connection the popup is on: the page's messages are about it. */
async function activeId(): Promise<string> {
  const connection = activeConnection(await connectionsItem.getValue());
  if (connection) return connection.id;
  return (await currentSession()).connectionId; // throws the "set up a key first" error
}

function run(work: (signal: AbortSignal) => Promise<void>, onEnd: (task: Task) => void): Task {
  const controller = new AbortController();
  const task: Task = { controller, done: Promise.resolve() };
  task.done = keepAliveWhile(work(controller.signal).catch((error: unknown) => console.warn('[statuspage-toolkit] team access:', error))).finally(
    () => onEnd(task),
  );
  return task;
}

const sleep = (ms: number, signal: AbortSignal) => systemClock.sleep(ms, signal);

async function scanWork(connectionId: string, signal: AbortSignal, fresh: boolean): Promise<void> {
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
      client,
      organizationId,
      now: Date.now,
      sleep,
      timeLeftMs: (count) => (limiter instanceof SlidingWindowLimiter ? limiter.estimateWaitMs(count, 'background') : count * 1_000),
      matrix: matrixOf(connectionId),
      scan: scanItem,
      progress: teamScanProgressItem(connectionId),
      learn: (pages) => learnFromPermissions(session.connectionId, pages),
    },
    { signal, fresh },
  );
}

function startScan(connectionId: string, fresh: boolean): void {
  scanTasks.set(
    connectionId,
    run(
      (signal) => scanWork(connectionId, signal, fresh),
      (task) => {
        if (scanTasks.get(connectionId) === task) scanTasks.delete(connectionId);
      },
    ),
  );
}

async function batchWork(connectionId: string, signal: AbortSignal): Promise<void> {
  const { client, organizationId } = await sessionFor(connectionId);
  const matrix = matrixOf(connectionId);
  const usesRoles = usesRolesOf((await matrix.get()).pages);
  await runBatch(
    {
      client,
      organizationId,
      now: Date.now,
      sleep,
      batch: teamBatchItem(connectionId),
      outcomes: teamBatchOutcomesItem(connectionId),
      usesRoles,
      onPermissions: async (userId: string, pages: PagePermissions) => {
        await matrix.update((current) => recordRead(current, userId, pages, Date.now()));
      },
    },
    signal,
  );
}

function startBatch(connectionId: string): void {
  batchTasks.set(
    connectionId,
    run(
      (signal) => batchWork(connectionId, signal),
      (task) => {
        if (batchTasks.get(connectionId) === task) batchTasks.delete(connectionId);
      },
    ),
  );
}

async function stop(task: Task | undefined, reason: string): Promise<void> {
  if (!task) return;
  task.controller.abort(reason);
  await task.done;
}

export async function scanAction(action: 'start' | 'pause' | 'resume' | 'nudge', connectionId?: string): Promise<null> {
  const id = connectionId ?? (await activeId());
  const scanItem = teamScanItem(id);
  const scan = await scanItem.getValue();
  const scanTask = scanTasks.get(id);
  if (action === 'start') {
    await stop(scanTask, 'restart');
    startScan(id, true);
  } else if (action === 'pause') {
    if (scanTask) await stop(scanTask, 'pause');
    else if (scan && SCAN_PENDING.includes(scan.state))
      await scanItem.setValue({ ...scan, state: 'paused', retryAt: undefined, updatedAt: Date.now() });
  } else if (!scanTask && scan && (SCAN_PENDING.includes(scan.state) || (action === 'resume' && scan.state === 'paused'))) {
    startScan(id, false);
  }
  return null;
}

export async function runBatchRequest(plan: BulkPlanRequest, undoOf?: string, connectionId?: string): Promise<null> {
  const id = connectionId ?? (await activeId());
  const batchItem = teamBatchItem(id);
  const current = await batchItem.getValue();
  if (batchTasks.has(id) || (current && (BATCH_PENDING.includes(current.state) || current.state === 'paused'))) {
    throw new InvalidRequestError('A bulk change is under way: let it finish, or cancel it, first');
  }
  const now = Date.now();
  const batchId = `b${now.toString(36)}${Math.random().toString(36).slice(2, 8)}`;
  await teamBatchOutcomesItem(id).setValue({ batchId, users: {} });
  await batchItem.setValue({ id: batchId, plan, state: 'running', createdAt: now, updatedAt: now, ...(undoOf && { undoOf }) });
  startBatch(id);
  return null;
}

export async function batchAction(action: 'pause' | 'resume' | 'cancel' | 'undo' | 'nudge', connectionId?: string): Promise<null> {
  const id = connectionId ?? (await activeId());
  const batchItem = teamBatchItem(id);
  const batch = await batchItem.getValue();
  const batchTask = batchTasks.get(id);
  if (!batch) return null;
  if (action === 'pause' || action === 'cancel') {
    if (batchTask) await stop(batchTask, action === 'cancel' ? CANCEL : 'pause');
    else if (action === 'cancel' && batch.state !== 'done' && batch.state !== 'cancelled') {
      // Not running in this worker: cancel what is stored (a run over an aborted signal marks the rest cancelled).
      const controller = new AbortController();
      controller.abort(CANCEL);
      await batchWork(id, controller.signal);
    } else if (action === 'pause' && BATCH_PENDING.includes(batch.state)) {
      await batchItem.setValue({ ...batch, state: 'paused', retryAt: undefined, updatedAt: Date.now() });
    }
  } else if (action === 'undo') {
    if (batch.state !== 'done' && batch.state !== 'cancelled') throw new InvalidRequestError('Let the batch finish (or cancel it) before undoing it');
    const plan = undoPlan(batch, await teamBatchOutcomesItem(id).getValue());
    if (!plan) throw new InvalidRequestError('This batch changed nobody: there is nothing to undo');
    await runBatchRequest(plan, batch.id, id);
  } else if (!batchTask && (BATCH_PENDING.includes(batch.state) || (action === 'resume' && batch.state === 'paused'))) {
    startBatch(id);
  }
  return null;
}

const connectionIds = async (): Promise<string[]> => (await connectionsItem.getValue()).list.map((connection) => connection.id);

/** Whether a connection has a scan or a batch under way, to be resumed by a new worker. */
async function hasPending(connectionId: string): Promise<boolean> {
  const [scan, batch] = await Promise.all([teamScanItem(connectionId).getValue(), teamBatchItem(connectionId).getValue()]);
  return Boolean((scan && SCAN_PENDING.includes(scan.state)) || (batch && BATCH_PENDING.includes(batch.state)));
}

/** While any connection's scan or batch is pending, an alarm wakes a stopped worker to go on with it. */
async function scheduleWake(): Promise<void> {
  const pending = (await Promise.all((await connectionIds()).map(hasPending))).some(Boolean);
  const alarm = await browser.alarms.get(TEAM_ACCESS_ALARM);
  if (pending && !alarm) await browser.alarms.create(TEAM_ACCESS_ALARM, { periodInMinutes: 0.5 });
  else if (!pending && alarm) await browser.alarms.clear(TEAM_ACCESS_ALARM);
}

async function resumePending(): Promise<void> {
  for (const id of await connectionIds()) {
    await scanAction('nudge', id);
    await batchAction('nudge', id);
  }
}

/** Work of a connection that was removed stops with it (its storage is already gone). */
async function forgetRemoved(): Promise<void> {
  const ids = new Set(await connectionIds());
  for (const [id, task] of [...scanTasks, ...batchTasks]) if (!ids.has(id)) task.controller.abort('removed');
  for (const id of matrices.keys()) if (!ids.has(id)) matrices.delete(id);
}

// `org.<connection id>.teamAccess.(scan|batch|matrix)` changed from elsewhere.
const TEAM_KEY = /^org\.(c[a-z0-9]+)\.teamAccess\.(scan|batch|matrix)$/;

export function openTeamAccessPage(): void {
  void browser.tabs.create({ url: browser.runtime.getURL('/team-access.html') });
}

/** Called by background/start.ts at every worker start: listeners first and synchronously, then resumption. */
export function startTeamAccess(): void {
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === TEAM_ACCESS_ALARM) void resumePending();
  });
  browser.runtime.onInstalled.addListener(() => {
    const context = browser.runtime.getManifest().manifest_version === 3 ? 'action' : 'browser_action';
    browser.contextMenus?.create({ id: TEAM_ACCESS_MENU, title: 'Open Team access', contexts: [context] }, () => void browser.runtime.lastError);
  });
  browser.contextMenus?.onClicked.addListener((info) => {
    if (info.menuItemId === TEAM_ACCESS_MENU) openTeamAccessPage();
  });
  browser.storage.onChanged.addListener((changes, area) => {
    if (area !== 'local') return;
    for (const [key, change] of Object.entries(changes)) {
      const match = TEAM_KEY.exec(key);
      if (!match) continue;
      // Storage cleared (a reset, a removed connection): the copy in memory goes too.
      if (match[2] === 'matrix') {
        if (change.newValue === undefined) matrices.get(match[1]!)?.forget();
      } else void scheduleWake().catch(() => {});
    }
  });
  connectionsItem.watch(() => void forgetRemoved().catch(() => {}));
  void resumePending()
    .then(scheduleWake)
    .catch(() => {});
}
