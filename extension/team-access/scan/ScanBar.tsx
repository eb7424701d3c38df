import { useState } from 'preact/hooks';
import { ask } from '../ask';
import { secondsLeft, useNow } from '../../ui/use-now';
import type { JobProgress } from '../../jobs/job-progress';
import type { TeamScan } from '../team-access-storage';
import { ageText, durationText } from '../matrix/time-text';
import { useWakeWorker } from '../page/use-wake-worker';

interface Props {
  scan: TeamScan | null;
  /** The engine's progress record of the scan job. */
  progress: JobProgress | null;
  userCount: number;
}

const PENDING = new Set(['listing', 'running', 'rate-limited', 'offline']);
const wake = () => ask('teamAccessScan', 'nudge');

/** The scan's progress bar, count, time left and its buttons. */
export function ScanBar({ scan, progress, userCount }: Props) {
  const pending = scan !== null && PENDING.has(scan.state);
  const now = useNow(pending, 1_000);
  const [error, setError] = useState<string>();
  const act = (action: 'start' | 'pause' | 'resume') => {
    setError(undefined);
    ask('teamAccessScan', action).catch((failure: unknown) => setError(failure instanceof Error ? failure.message : String(failure)));
  };

  // A stopped service worker starts again for any message; its start-up resumes the scan where it was.
  const lastMove = Math.max(progress?.updatedAt ?? 0, scan?.updatedAt ?? 0);
  // Waiting out a rate limit is not standing still, until its retry time has passed.
  useWakeWorker(pending, Math.max(lastMove, scan?.retryAt ?? 0), now, wake);

  const total = progress?.total ?? 0;
  const done = progress?.done ?? 0;
  const timeLeft = progress ? Math.max(0, (progress.timeLeftMs ?? 0) - (now - progress.updatedAt)) : 0;
  return (
    <section class="scan" aria-labelledby="scan-title">
      <h2 id="scan-title">Scan</h2>
      {!scan && <p>Nobody scanned yet: a scan reads every user's permissions, one request each, at the API's 1 request a second.</p>}
      {scan && (
        <>
          <progress aria-label="Scan progress" max={Math.max(1, total)} value={scan.state === 'listing' ? undefined : done} />
          <p role="status" aria-live="polite">
            {scan.state === 'listing' ? listingText(progress) : scanStatusText(scan, done, total, timeLeft, now)}
            {progress?.reason && scan.state === 'running' && progress.state === 'running' && `. Waiting: ${progress.reason}`}
          </p>
        </>
      )}
      <div class="actions">
        {(!scan || !pending) && (
          <button type="button" class="primary" onClick={() => act('start')}>
            {scan ? 'Scan again' : 'Scan the organization'}
          </button>
        )}
        {pending && (
          <button type="button" onClick={() => act('pause')}>
            Pause scan
          </button>
        )}
        {scan?.state === 'paused' && (
          <button type="button" class="primary" onClick={() => act('resume')}>
            Resume scan
          </button>
        )}
      </div>
      {error && (
        <p class="error" role="alert">
          {error}
        </p>
      )}
      {scan?.state === 'done' && userCount > 0 && <p class="hint">Rows show how old their data is; the next scan reads the oldest first.</p>}
    </section>
  );
}

/** While the user list is read: "Listing users: 1,200 of about 5,000" (the size the matrix last knew). */
function listingText(progress: JobProgress | null): string {
  if (!progress?.done) return 'Reading the list of users and pages…';
  const listed = progress.done.toLocaleString('en');
  return progress.total ? `Listing users: ${listed} of about ${progress.total.toLocaleString('en')}` : `Listing users: ${listed} so far`;
}

function scanStatusText(scan: TeamScan, done: number, total: number, timeLeftMs: number, now: number): string {
  const count = `${done} of ${total} users read`;
  switch (scan.state) {
    case 'listing':
      return 'Reading the list of users and pages…';
    case 'running':
      return `${count}, about ${durationText(timeLeftMs)} left`;
    case 'rate-limited':
      return `${count}. Rate limited by Statuspage: going on by itself in ${secondsLeft(scan.retryAt ?? now, now)} s`;
    case 'offline':
      return `${count}. The API cannot be reached: trying again in ${secondsLeft(scan.retryAt ?? now, now)} s`;
    case 'paused':
      return `${count}. Paused`;
    case 'done':
      return `Scanned ${total} users, finished ${ageText(scan.finishedAt ?? scan.updatedAt, now)}`;
    case 'failed':
      return `${count}. Stopped: ${scan.error ?? 'unknown error'}`;
  }
}
