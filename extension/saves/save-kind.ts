import { AbortedError } from '../../shared/client';
import type { JobKind, PendingJob } from '../jobs/job-kind';
import type { WaitState } from '../jobs/wait-out';
import { errorToJSON } from '../messaging/outcome';
import type { SaveKind } from './save-requests';
import { isSaveInProgress, type SaveRecord, type SaveRequest, type SaveState, savesItem } from './save-record';
import { putSave, removeSave, updateSaves } from './save-records';

/** What a feature brings to make its edits a save (embed, permissions): the rest is the same for every save. */
export interface SaveKindSpec<K extends SaveKind, Result> {
  kind: K;
  /** Sends it, each call through `wait` (the job engine's waiter: a rate limit or a lost link is waited out). */
  perform(request: SaveRequest<K>, signal: AbortSignal, wait: <T>(call: () => Promise<T>) => Promise<T>): Promise<Result>;
  /** After it is sent: caches take the answer, the draft goes unless edited since. A returned conflict stays on record. */
  settle(request: SaveRequest<K>, result: Result): Promise<Pick<SaveRecord, 'current'> | undefined>;
}

const WAIT_STATE: Record<WaitState, SaveState> = { 'rate-limited': 'waiting', offline: 'offline', running: 'saving' };

export const saveJobName = (kind: SaveKind): string => `save:${kind}`;

/**
 * A save as a job kind: its record (in `local:saves`, which the popup and the badge follow) holds the request, so a
 * restarted worker sends it again; a cancel ends it as failed with the draft kept.
 */
export function defineSaveKind<K extends SaveKind, Result>(spec: SaveKindSpec<K, Result>): JobKind<Result> {
  const name = saveJobName(spec.kind);
  const ofKind = (record: SaveRecord | undefined): record is Extract<SaveRecord, { kind: K }> => record?.kind === spec.kind;
  return {
    name,
    async pending(): Promise<PendingJob[]> {
      return Object.values(await savesItem.getValue())
        .filter((save) => ofKind(save) && isSaveInProgress(save))
        .map((save) => ({ id: save.id, ...(save.state !== 'saving' && save.retryAt !== undefined && { retryAt: save.retryAt }) }));
    },
    watch: (onChange) => void savesItem.watch(onChange),
    jobsOf: async (connectionId) =>
      Object.values(await savesItem.getValue())
        .filter((save) => ofKind(save) && save.request.connectionId === connectionId)
        .map((save) => save.id),
    forgetRecords: (ids) =>
      updateSaves((saves) => {
        for (const id of ids) delete saves[id];
      }),
    async run(id, context) {
      const record = (await savesItem.getValue())[id];
      if (!ofKind(record)) throw new AbortedError('This save is no longer on record');
      const request = record.request as SaveRequest<K>;
      const report = (state: SaveState, extra: Partial<SaveRecord> = {}) =>
        putSave({ id, kind: spec.kind, request, state, ...extra, updatedAt: context.now() } as SaveRecord);
      try {
        await report('saving');
        const onWait = (state: WaitState, info: Partial<SaveRecord> = {}) => report(WAIT_STATE[state], info);
        const result = await spec.perform(request, context.signal, (call) => context.waitOut(call, onWait));
        const conflict = await spec.settle(request, result);
        if (conflict) await report('conflict', conflict);
        else await removeSave(id);
        return result;
      } catch (error) {
        const { signal } = context;
        if (signal.aborted && signal.reason === 'removed') throw error; // its connection went, and its record with it
        const failure = signal.aborted ? new AbortedError('Save cancelled: the draft is kept, save again when ready') : error;
        await report('failed', { error: errorToJSON(failure) });
        throw failure;
      }
    },
  };
}
