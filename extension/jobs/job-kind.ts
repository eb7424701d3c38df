import type { ProgressReport, ProgressStore } from './job-progress';
import type { OnWait, WaitClock } from './wait-out';

/** A stored job of some kind that has not settled: the engine resumes it, and its one alarm wakes a stopped worker for it. */
export interface PendingJob {
  id: string;
  /** Waiting (a rate limit, a back-off) until then; absent: in flight, looked at again soon should the worker stop. */
  retryAt?: number;
}

/** Why a job is stopped: `pause` keeps it to resume, `cancel` ends it, `replace` makes way for a newer run of it. */
export type StopReason = 'pause' | 'cancel' | 'replace' | 'removed';

/** What the engine gives a step function. */
export interface JobContext {
  /** Aborted with a `StopReason` on pause, cancel or replacement. */
  signal: AbortSignal;
  now(): number;
  /** Runs one call, waiting out 420/429s and a lost link the engine's one way, telling `onWait` as it goes. */
  waitOut<T>(call: () => Promise<T>, onWait: OnWait): Promise<T>;
  /** Tells the UI where the job stands (done/total, time left, a wait's reason): the engine keeps one small record per job. */
  report(update: ProgressReport): Promise<void>;
}

/**
 * A kind of background work (a save, the Team access scan, a bulk change): its records live in its own stored
 * items (each parsed by its schema); the engine runs it, resumes it, stops it and wakes the worker for it.
 */
export interface JobKind<Result = unknown> {
  readonly name: string;
  /** Background work nobody waits on (the scan, a batch): past the back-off table, a failing link is tried again at its last step. */
  readonly keepTrying?: boolean;
  /** The stored jobs of this kind not settled yet. */
  pending(): Promise<PendingJob[]>;
  /** Calls `onChange` when this kind's records change (the engine's alarm follows them). */
  watch(onChange: () => void): void;
  /** Runs the stored job `id` to its end (or to a stop: it settles its own record as paused, cancelled or failed). */
  run(id: string, context: JobContext): Promise<Result>;
  /** A stop asked for a job this worker is not running: settle its record as the stop says. */
  stopStored?(id: string, reason: StopReason): Promise<void>;
  /** A connection is being removed: the ids of its jobs (the engine stops them), whose records then go. */
  jobsOf?(connectionId: string): Promise<string[]>;
  forgetRecords?(ids: string[]): Promise<void>;
}

export interface EngineDeps extends WaitClock {
  /** Keeps the worker alive while a job runs (Chrome stops an idle service worker after 30 s). */
  keepAlive<T>(work: Promise<T>): Promise<T>;
  /** Sets the engine's one alarm for this time (epoch ms), or clears it (undefined). */
  setAlarm(when: number | undefined): Promise<void>;
  /** Where each job's progress record is kept (absent: nowhere, as in a test that does not look). */
  progress?: ProgressStore;
}
