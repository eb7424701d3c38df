import type { EngineDeps, JobKind, StopReason } from './job-kind';
import { progressTracker } from './progress-tracker';
import { type OnWait, waitOut } from './wait-out';
import { nextWakeAt } from './wake-time';

interface Task {
  controller: AbortController;
  done: Promise<unknown>;
}

export interface JobEngine {
  /** Adds a kind (at worker start, before any message or alarm is handled); its record changes move the alarm. */
  define(kind: JobKind): void;
  /**
   * Runs the stored job `id` of `kind` in this worker: a run of the same job under way is stopped first. Not before
   * `notBefore` (a job resumed by a new worker keeps the retry time it had). Resolves with the job's result.
   */
  start<T = unknown>(kind: string, id: string, notBefore?: number): Promise<T>;
  /** Stops a job: the running task is aborted with `reason` (and awaited), a stored one is settled by its kind. */
  stop(kind: string, id: string, reason: StopReason): Promise<void>;
  isRunning(kind: string, id: string): boolean;
  /** The jobs of `kind` running in this worker. */
  running(kind: string): string[];
  /** Carries on with every pending job this worker is not running (start-up, the alarm, a page's nudge). */
  resume(): Promise<void>;
  /** Sets the one alarm from every kind's pending jobs. */
  schedule(): Promise<void>;
  /** A connection is being removed: every job of it stops (`removed`), and the kinds forget their records. */
  forgetConnection(connectionId: string): Promise<void>;
}

/** The background's one job engine: it owns running, waiting out, resuming, stopping, and the one alarm. */
export function createEngine(deps: EngineDeps): JobEngine {
  const kinds = new Map<string, JobKind>();
  const tasks = new Map<string, Task>();
  const key = (kind: string, id: string) => `${kind}\u0000${id}`;
  const kindOf = (name: string) => {
    const kind = kinds.get(name);
    if (!kind) throw new TypeError(`No job kind "${name}"`);
    return kind;
  };

  let scheduling: Promise<void> = Promise.resolve();
  const engine: JobEngine = {
    define(kind) {
      if (kinds.has(kind.name)) throw new TypeError(`Job kind "${kind.name}" is defined twice`);
      kinds.set(kind.name, kind);
      kind.watch(() => void engine.schedule().catch(() => {}));
    },

    async start<T>(kindName: string, id: string, notBefore?: number): Promise<T> {
      const kind = kindOf(kindName);
      const k = key(kindName, id);
      const previous = tasks.get(k);
      if (previous) {
        previous.controller.abort('replace' satisfies StopReason);
        await previous.done.catch(() => {});
      }
      const controller = new AbortController();
      const { signal } = controller;
      const progress = progressTracker(deps.progress, kindName, id, deps.now);
      // Every wait the engine's way shows in the job's progress record, whatever the kind does with it.
      const reportWait: OnWait = (state, info) => progress.report({ state, retryAt: info?.retryAt, reason: info?.error?.message });
      const context = {
        signal,
        now: deps.now,
        report: progress.report,
        waitOut: <R>(call: () => Promise<R>, onWait: OnWait) =>
          waitOut(call, deps, async (state, info) => (await Promise.all([reportWait(state, info), onWait(state, info)]))[1], signal, {
            keepTrying: kind.keepTrying === true,
          }),
      };
      const work = (async () => {
        if (notBefore !== undefined && notBefore > deps.now()) await deps.sleep(notBefore - deps.now(), signal);
        await progress.report({ state: 'running' });
        try {
          const result = (await kind.run(id, context)) as T;
          await progress.settle({ stopped: signal.aborted ? (signal.reason as StopReason) : undefined });
          return result;
        } catch (error) {
          await progress.settle(signal.aborted ? { stopped: signal.reason as StopReason } : { error });
          throw error;
        }
      })();
      const task: Task = { controller, done: work };
      tasks.set(k, task);
      try {
        return await deps.keepAlive(work);
      } finally {
        if (tasks.get(k) === task) tasks.delete(k);
        void engine.schedule().catch(() => {});
      }
    },

    async stop(kindName, id, reason) {
      const kind = kindOf(kindName);
      const task = tasks.get(key(kindName, id));
      if (task) {
        task.controller.abort(reason);
        await task.done.catch(() => {}); // how it ended is in its record
      } else if (reason !== 'removed') await kind.stopStored?.(id, reason);
    },

    isRunning: (kind, id) => tasks.has(key(kind, id)),
    running: (kind) => [...tasks.keys()].filter((k) => k.startsWith(`${kind}\u0000`)).map((k) => k.slice(kind.length + 1)),

    async resume() {
      for (const kind of kinds.values()) {
        for (const job of await kind.pending()) {
          // Reported in the job's own record: nobody awaits a resumed run.
          if (!tasks.has(key(kind.name, job.id))) engine.start(kind.name, job.id, job.retryAt).catch(() => {});
        }
      }
    },

    async forgetConnection(connectionId) {
      for (const kind of kinds.values()) {
        const ids = (await kind.jobsOf?.(connectionId)) ?? [];
        for (const id of ids) await engine.stop(kind.name, id, 'removed');
        await kind.forgetRecords?.(ids);
        for (const id of ids) await deps.progress?.remove(kind.name, id);
      }
    },

    schedule() {
      // One at a time, so that an older reading never sets the alarm after a newer one.
      scheduling = scheduling.then(async () => {
        const pending = (await Promise.all([...kinds.values()].map((kind) => kind.pending()))).flat();
        await deps.setAlarm(nextWakeAt(pending, deps.now()));
      });
      const next = scheduling;
      scheduling = next.catch(() => {});
      return next;
    },
  };
  return engine;
}
