import { useEffect } from 'preact/hooks';

/** Work pending whose record has not moved for this long may have lost its worker. */
const STALE_MS = 6_000;

/**
 * While background work is pending but its record stands still (not waiting out a rate limit), sends `wake` every
 * few seconds: a stopped service worker starts again for any message, and its start-up resumes the work from storage.
 */
export function useWakeWorker(stalled: boolean, lastMove: number, now: number, wake: () => Promise<unknown>): void {
  const round = stalled && now - lastMove > STALE_MS ? Math.floor(now / STALE_MS) : -1;
  useEffect(() => {
    if (round >= 0) void wake().catch(() => {});
  }, [round, wake]);
}
