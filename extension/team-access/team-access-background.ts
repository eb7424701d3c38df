import { browser } from 'wxt/browser';
import { InvalidRequestError } from '../../shared/client';
import { SlidingWindowLimiter, systemClock } from '../../shared/rate-limit';
import type { PagePermissions } from '../../shared/schemas';
import { currentSession } from '../connection/session';
import type { BulkPlanRequest } from '../messaging/protocol';
import { learnFromPermissions } from '../permissions/permission-reads';
import { keepAliveWhile } from '../worker/keep-alive';
import { CANCEL, runBatch, undoPlan } from './batch-runner';
import { usesRolesOf } from './bulk-plan';
import { matrixStore } from './matrix-store';
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

// The Team access page's background work: the scan and the bulk changes, each run by at most one task in this
// worker, resumed from storage when a stopped worker wakes (start-up, the alarm, or the page's nudge).

export const TEAM_ACCESS_ALARM = 'team-access-resume';
export const TEAM_ACCESS_MENU = 'open-team-access';
const SCAN_PENDING: ScanState[] = ['listing', 'running', 'rate-limited', 'offline'];
const BATCH_PENDING: BatchState[] = ['running', 'rate-limited', 'offline'];

const matrix = matrixStore(teamMatrixItem);

interface Task {
  controller: AbortController;
  done: Promise<void>;
}
let scanTask: Task | undefined;
let batchTask: Task | undefined;

function run(work: (signal: AbortSignal) => Promise<void>, onEnd: (task: Task) => void): Task {
  const controller = new AbortController();
  const task: Task = { controller, done: Promise.resolve() };
  task.done = keepAliveWhile(work(controller.signal).catch((error: unknown) => console.warn('[statuspage-toolkit] team access:', error))).finally(
    () => onEnd(task),
  );
  return task;
}

const sleep = (ms: number, signal: AbortSignal) => systemClock.sleep(ms, signal);

async function scanWork(signal: AbortSignal, fresh: boolean): Promise<void> {
  const session = await currentSession().catch(async (error: unknown) => {
    const scan = await teamScanItem.getValue();
    if (scan)
      await teamScanItem.setValue({ ...scan, state: 'failed', error: error instanceof Error ? error.message : String(error), updatedAt: Date.now() });
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
      matrix,
      scan: teamScanItem,
      progress: teamScanProgressItem,
      learn: (pages) => learnFromPermissions(session.connectionId, pages),
    },
    { signal, fresh },
  );
}

function startScan(fresh: boolean): void {
  scanTask = run(
    (signal) => scanWork(signal, fresh),
    (task) => {
      if (scanTask === task) scanTask = undefined;
    },
  );
}

async function batchWork(signal: AbortSignal): Promise<void> {
  const { client, organizationId } = await currentSession();
  const usesRoles = usesRolesOf((await matrix.get()).pages);
  await runBatch(
    {
      client,
      organizationId,
      now: Date.now,
      sleep,
      batch: teamBatchItem,
      outcomes: teamBatchOutcomesItem,
      usesRoles,
      onPermissions: async (userId: string, pages: PagePermissions) => {
        await matrix.update((current) => recordRead(current, userId, pages, Date.now()));
      },
    },
    signal,
  );
}

function startBatch(): void {
  batchTask = run(batchWork, (task) => {
    if (batchTask === task) batchTask = undefined;
  });
}

async function stop(task: Task | undefined, reason: string): Promise<void> {
  if (!task) return;
  task.controller.abort(reason);
  await task.done;
}

export async function scanAction(action: 'start' | 'pause' | 'resume' | 'nudge'): Promise<null> {
  const scan = await teamScanItem.getValue();
  if (action === 'start') {
    await stop(scanTask, 'restart');
    startScan(true);
  } else if (action === 'pause') {
    if (scanTask) await stop(scanTask, 'pause');
    else if (scan && SCAN_PENDING.includes(scan.state))
      await teamScanItem.setValue({ ...scan, state: 'paused', retryAt: undefined, updatedAt: Date.now() });
  } else if (!scanTask && scan && (SCAN_PENDING.includes(scan.state) || (action === 'resume' && scan.state === 'paused'))) {
    startScan(false);
  }
  return null;
}

export async function runBatchRequest(plan: BulkPlanRequest, undoOf?: string): Promise<null> {
  const current = await teamBatchItem.getValue();
  if (batchTask || (current && (BATCH_PENDING.includes(current.state) || current.state === 'paused'))) {
    throw new InvalidRequestError('A bulk change is under way: let it finish, or cancel it, first');
  }
  const now = Date.now();
  const id = `b${now.toString(36)}${Math.random().toString(36).slice(2, 8)}`;
  await teamBatchOutcomesItem.setValue({ batchId: id, users: {} });
  await teamBatchItem.setValue({ id, plan, state: 'running', createdAt: now, updatedAt: now, ...(undoOf && { undoOf }) });
  startBatch();
  return null;
}

export async function batchAction(action: 'pause' | 'resume' | 'cancel' | 'undo' | 'nudge'): Promise<null> {
  const batch = await teamBatchItem.getValue();
  if (!batch) return null;
  if (action === 'pause' || action === 'cancel') {
    if (batchTask) await stop(batchTask, action === 'cancel' ? CANCEL : 'pause');
    else if (action === 'cancel' && batch.state !== 'done' && batch.state !== 'cancelled') {
      // Not running in this worker: cancel what is stored (a run over an aborted signal marks the rest cancelled).
      const controller = new AbortController();
      controller.abort(CANCEL);
      await batchWork(controller.signal);
    } else if (action === 'pause' && BATCH_PENDING.includes(batch.state)) {
      await teamBatchItem.setValue({ ...batch, state: 'paused', retryAt: undefined, updatedAt: Date.now() });
    }
  } else if (action === 'undo') {
    if (batch.state !== 'done' && batch.state !== 'cancelled') throw new InvalidRequestError('Let the batch finish (or cancel it) before undoing it');
    const plan = undoPlan(batch, await teamBatchOutcomesItem.getValue());
    if (!plan) throw new InvalidRequestError('This batch changed nobody: there is nothing to undo');
    await runBatchRequest(plan, batch.id);
  } else if (!batchTask && (BATCH_PENDING.includes(batch.state) || (action === 'resume' && batch.state === 'paused'))) {
    startBatch();
  }
  return null;
}

/** While a scan or a batch is pending, an alarm wakes a stopped worker to go on with it. */
async function scheduleWake(): Promise<void> {
  const [scan, batch] = await Promise.all([teamScanItem.getValue(), teamBatchItem.getValue()]);
  const pending = (scan && SCAN_PENDING.includes(scan.state)) || (batch && BATCH_PENDING.includes(batch.state));
  const alarm = await browser.alarms.get(TEAM_ACCESS_ALARM);
  if (pending && !alarm) await browser.alarms.create(TEAM_ACCESS_ALARM, { periodInMinutes: 0.5 });
  else if (!pending && alarm) await browser.alarms.clear(TEAM_ACCESS_ALARM);
}

async function resumePending(): Promise<void> {
  await scanAction('nudge');
  await batchAction('nudge');
}

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
  teamScanItem.watch(() => void scheduleWake().catch(() => {}));
  teamBatchItem.watch(() => void scheduleWake().catch(() => {}));
  // Storage cleared (a reset, a removed connection): the copy in memory goes too, and so does work on it.
  teamMatrixItem.watch((value) => {
    if (Object.keys(value.users).length === 0 && value.pages.length === 0) matrix.forget();
  });
  void resumePending()
    .then(scheduleWake)
    .catch(() => {});
}
