import type { SaveRecord } from './save-record';

export const RESUME_ALARM = 'resume-saves';
/** How soon a save in flight is looked at again, should the worker be stopped under it (Chrome's alarm floor). */
export const IN_FLIGHT_CHECK_MS = 30_000;

/**
 * When the resume alarm should wake the worker for these saves: the earliest retry time of a save that waits (rate
 * limit, network back-off), and for a save in flight or waiting for the connection, a check soon after now. A worker
 * that was stopped meanwhile then resumes every pending save; one still running them skips the ones it runs.
 * Undefined when no save is pending.
 */
export function nextResumeAt(saves: Record<string, SaveRecord>, now: number): number | undefined {
  let next: number | undefined;
  for (const save of Object.values(saves)) {
    let at: number | undefined;
    if (save.state === 'waiting' || save.state === 'offline') at = save.retryAt ?? now + IN_FLIGHT_CHECK_MS;
    else if (save.state === 'saving') at = now + IN_FLIGHT_CHECK_MS;
    if (at !== undefined && (next === undefined || at < next)) next = at;
  }
  return next === undefined ? undefined : Math.max(next, now + 1_000);
}
