import { type JobProgress, type ProgressReport, type ProgressStore, SETTLED } from './job-progress';
import type { StopReason } from './job-kind';

/** One running job's progress: reports merged into one small record, written in order (never an older over a newer). */
export interface ProgressTracker {
  report(update: ProgressReport): Promise<void>;
  /** The run ended: a record still saying running or waiting settles as the end says. */
  settle(outcome: { error?: unknown; stopped?: StopReason }): Promise<void>;
}

export function progressTracker(store: ProgressStore | undefined, kind: string, id: string, now: () => number): ProgressTracker {
  let record: JobProgress = { kind, state: 'running', updatedAt: now() };
  let writing: Promise<void> = Promise.resolve();
  const write = (): Promise<void> => {
    if (!store) return Promise.resolve();
    const snapshot = record;
    writing = writing.then(() => store.write(kind, id, snapshot)).catch(() => {}); // progress never fails a job
    return writing;
  };
  return {
    report(update) {
      const next: JobProgress = { ...record, ...update, kind, updatedAt: now() };
      if (next.reason !== undefined) next.reason = next.reason.slice(0, 500);
      // Waits end with the wait: a running record carries no retry time or reason unless it says so.
      if (update.state === 'running' && update.retryAt === undefined) delete next.retryAt;
      if (update.state === 'running' && update.reason === undefined) delete next.reason;
      record = next;
      return write();
    },
    settle({ error, stopped }) {
      if (SETTLED.includes(record.state)) return write();
      const state = stopped === 'pause' ? 'paused' : stopped ? 'cancelled' : error !== undefined ? 'failed' : 'done';
      const reason = state === 'failed' ? (error instanceof Error ? error.message : String(error)).slice(0, 500) : undefined;
      record = { ...record, state, updatedAt: now() };
      delete record.retryAt;
      delete record.timeLeftMs;
      if (reason !== undefined) record.reason = reason;
      return write();
    },
  };
}
