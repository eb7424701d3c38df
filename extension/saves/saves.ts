import { jobs } from '../jobs/browser-engine';
import type { SaveKind } from './save-requests';
import { type SaveRecord, type SaveRequest, saveId } from './save-record';
import { putSave, removeSave } from './save-records';
import { saveJobName } from './save-kind';

const kindOfId = (id: string): SaveKind => id.slice(0, id.indexOf(':')) as SaveKind;

/**
 * Records a save and runs it on the job engine: a save of the same page or user under way is stopped first (the new
 * one carries the latest edit). Resolves with what the server answered, once the kind has settled it.
 */
export async function startSave<K extends SaveKind, Result>(kind: K, targetId: string, request: SaveRequest<K>): Promise<Result> {
  const id = saveId(kind, request.connectionId, targetId);
  await jobs.stop(saveJobName(kind), id, 'replace');
  await putSave({ id, kind, request, state: 'saving', updatedAt: Date.now() } as SaveRecord);
  return jobs.start<Result>(saveJobName(kind), id);
}

/** Stops a save that is waiting (rate limit, offline); it then counts as failed. */
export async function cancelSave(id: string): Promise<void> {
  await jobs.stop(saveJobName(kindOfId(id)), id, 'cancel');
}

export async function dismissSave(id: string): Promise<void> {
  await jobs.stop(saveJobName(kindOfId(id)), id, 'cancel');
  await removeSave(id);
}
