import { browser } from 'wxt/browser';
import { InvalidRequestError } from '../../shared/client';
import { activeConnection, connectionsItem } from '../connection/connections-item';
import { currentSession } from '../connection/session';
import { defineBackgroundPart } from '../jobs/background-part';
import { jobs } from '../jobs/browser-engine';
import { type BulkPlanRequest, teamAccessMessages } from './messages';
import { BATCH_JOB, BATCH_PENDING, batchJob, SCAN_JOB, SCAN_PENDING, scanJob } from './jobs';
import { setReadFirst } from './scan/read-first';
import { teamBatchItem, teamBatchOutcomesItem, teamScanItem } from './team-access-storage';

// The Team access page's messages: they act on the connection the popup is on, through the job engine.

export const TEAM_ACCESS_MENU = 'open-team-access';

/** The connection the popup is on: the page's messages are about it. */
async function activeId(): Promise<string> {
  const connection = activeConnection(await connectionsItem.getValue());
  if (connection) return connection.id;
  return (await currentSession()).connectionId; // throws the "set up a key first" error
}

/** Resolves once the job has started (its end is reported in its records, which the page watches). */
const begin = (kind: string, id: string): void => void jobs.start(kind, id).catch(() => {});

export async function scanAction(action: 'start' | 'pause' | 'resume' | 'nudge'): Promise<null> {
  const id = await activeId();
  const scanItem = teamScanItem(id);
  if (action === 'start') {
    await jobs.stop(SCAN_JOB, id, 'replace');
    // A new scan: nothing of it read yet; users first seen after the last one's start are "new since the last scan".
    const previous = await scanItem.getValue();
    const now = Date.now();
    await scanItem.setValue({
      state: 'listing',
      startedAt: now,
      updatedAt: now,
      ...(previous && { previousStartedAt: previous.startedAt }),
    });
    begin(SCAN_JOB, id);
  } else if (action === 'pause') await jobs.stop(SCAN_JOB, id, 'pause');
  else if (action === 'resume') {
    const scan = await scanItem.getValue();
    if (!jobs.isRunning(SCAN_JOB, id) && scan && (scan.state === 'paused' || SCAN_PENDING.includes(scan.state))) begin(SCAN_JOB, id);
  } else await jobs.resume();
  return null;
}

export async function runBatchRequest(plan: BulkPlanRequest): Promise<null> {
  const id = await activeId();
  const batchItem = teamBatchItem(id);
  const current = await batchItem.getValue();
  if (jobs.isRunning(BATCH_JOB, id) || (current && (BATCH_PENDING.includes(current.state) || current.state === 'paused'))) {
    throw new InvalidRequestError('A bulk change is under way: let it finish, or cancel it, first');
  }
  const { undoOf } = plan;
  // One undo per batch: the batch undone must be the last one (an undo replaces it, so a second undo finds nothing).
  if (undoOf !== undefined && (current?.id !== undoOf || current.undoOf !== undefined))
    throw new InvalidRequestError('That bulk change was undone already, or is not the last one');
  const now = Date.now();
  const batchId = `b${now.toString(36)}${Math.random().toString(36).slice(2, 8)}`;
  await teamBatchOutcomesItem(id).setValue({ batchId, users: {} });
  await batchItem.setValue({ id: batchId, plan, state: 'running', createdAt: now, updatedAt: now, ...(undoOf && { undoOf }) });
  begin(BATCH_JOB, id);
  return null;
}

export async function batchAction(action: 'pause' | 'resume' | 'cancel' | 'nudge'): Promise<null> {
  const id = await activeId();
  const batch = await teamBatchItem(id).getValue();
  if (!batch) return null;
  if (action === 'pause' || action === 'cancel') await jobs.stop(BATCH_JOB, id, action);
  else if (action === 'resume') {
    if (!jobs.isRunning(BATCH_JOB, id) && (batch.state === 'paused' || BATCH_PENDING.includes(batch.state))) begin(BATCH_JOB, id);
  } else await jobs.resume();
  return null;
}

export function openTeamAccessPage(): void {
  void browser.tabs.create({ url: browser.runtime.getURL('/team-access.html') });
}

/** A connection gone from storage by other means than its removal (a reset, a cleared profile): its jobs stop. */
function stopJobsOfGoneConnections(): void {
  connectionsItem.watch(({ list }) => {
    for (const kind of [SCAN_JOB, BATCH_JOB])
      for (const id of jobs.running(kind)) if (!list.some((connection) => connection.id === id)) void jobs.stop(kind, id, 'removed');
  });
}

/** At every worker start: the toolbar button's context menu entry "Open Team access", and the watch above. */
export function startTeamAccess(): void {
  stopJobsOfGoneConnections();
  browser.runtime.onInstalled.addListener(() => {
    const context = browser.runtime.getManifest().manifest_version === 3 ? 'action' : 'browser_action';
    browser.contextMenus?.create({ id: TEAM_ACCESS_MENU, title: 'Open Team access', contexts: [context] }, () => void browser.runtime.lastError);
  });
  browser.contextMenus?.onClicked.addListener((info) => {
    if (info.menuItemId === TEAM_ACCESS_MENU) openTeamAccessPage();
  });
}

export const background = defineBackgroundPart({
  messages: teamAccessMessages,
  handlers: {
    teamAccessScan: scanAction,
    teamAccessRunBatch: runBatchRequest,
    teamAccessBatch: batchAction,
    teamAccessReadFirst: async (userIds) => {
      setReadFirst(await activeId(), userIds);
      return null;
    },
  },
  jobs: [scanJob, batchJob],
  start: startTeamAccess,
});
