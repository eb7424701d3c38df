import type { PendingJob } from './job-kind';

/** How soon a job in flight is looked at again, should the worker be stopped under it (Chrome's alarm floor). */
export const IN_FLIGHT_CHECK_MS = 30_000;

/**
 * When the one alarm should wake the worker: the earliest retry time of a job that waits, and for one in flight a
 * check soon after now. A worker that was stopped meanwhile then resumes every pending job; one still running them
 * skips the ones it runs. Undefined when nothing is pending; never in the past.
 */
export function nextWakeAt(pending: PendingJob[], now: number): number | undefined {
  let next: number | undefined;
  for (const job of pending) {
    const at = job.retryAt ?? now + IN_FLIGHT_CHECK_MS;
    if (next === undefined || at < next) next = at;
  }
  return next === undefined ? undefined : Math.max(next, now + 1_000);
}
