import type { SaveKind } from '../messaging/protocol';
import { realSaveDeps } from './real-save-deps';
import { isSaveInProgress, type SaveRecord, type SaveRequest, savesItem } from './save-record';
import { removeSave, updateSaves } from './save-records';
import { runSave } from './save-runner';

// What runs the saves of each kind: the embed and permissions folders own their saves, the background registers them.
type Resume = (record: SaveRecord) => Promise<unknown>;
const resumers = new Map<SaveKind, Resume>();

export function registerSaveKind(kind: SaveKind, resume: Resume): void {
  resumers.set(kind, resume);
}

const running = new Map<string, AbortController>();

/**
 * Runs one save (see save-runner.ts) under its id: a new save of the same thing replaces a waiting one, and a cancel
 * or dismiss reaches it. `notBefore`: a save resumed by a new worker waits out the retry time it had.
 */
export async function runTrackedSave<T>(
  save: SaveRequest & { id: string },
  perform: (signal: AbortSignal) => Promise<T>,
  notBefore?: number,
): Promise<T> {
  running.get(save.id)?.abort();
  const controller = new AbortController();
  running.set(save.id, controller);
  try {
    return await runSave(save, perform, realSaveDeps, { signal: controller.signal, notBefore });
  } finally {
    if (running.get(save.id) === controller) running.delete(save.id);
  }
}

export function cancelSave(id: string): void {
  running.get(id)?.abort();
}

export async function dismissSave(id: string): Promise<void> {
  running.get(id)?.abort();
  await removeSave(id);
}

/** A connection is being removed: its saves stop, and their records go. */
export async function forgetSavesOf(connectionId: string): Promise<void> {
  await updateSaves((saves) => {
    for (const [id, save] of Object.entries(saves)) {
      if (save.request.connectionId !== connectionId) continue;
      running.get(id)?.abort();
      delete saves[id];
    }
  });
}

/** After the worker restarted: carry on with the saves that were under way or waiting. */
export async function resumeSaves(): Promise<void> {
  const saves = await savesItem.getValue();
  const unfinished = Object.values(saves).filter((save) => isSaveInProgress(save) && !running.has(save.id));
  for (const save of unfinished)
    resumers
      .get(save.kind)?.(save)
      .catch(() => {}); // reported in the saves record
}
