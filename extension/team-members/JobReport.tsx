import type { ComponentChildren } from 'preact';
import { useNow } from '../ui/use-now';
import { useWakeWorker } from '../team-access/page/use-wake-worker';
import { ask } from './ask';
import { PENDING_STATES, type JobState } from './members-storage';

interface Props {
  job: 'invite' | 'offboard';
  title: string;
  record: { state: JobState; retryAt?: number | undefined; error?: string | undefined; updatedAt: number; steps: Array<{ at: number } | null> };
  /** "Created: 2. Already members: 1. Failed: 0." */
  summary: string;
  children: ComponentChildren;
}

const STATE_TEXT: Record<JobState, string> = {
  running: 'Under way',
  'rate-limited': 'Waiting out the rate limit',
  offline: 'Offline: goes on when the connection is back',
  paused: 'Paused',
  done: 'Finished',
};

/** A job's report: where it stands, per person (children), and its actions; wakes a stopped worker while it stands still. */
export function JobReport({ job, title, record, summary, children }: Props) {
  const pending = PENDING_STATES.includes(record.state);
  const now = useNow(pending, 1_000);
  const lastMove = Math.max(record.updatedAt, record.retryAt ?? 0, ...record.steps.map((step) => step?.at ?? 0));
  useWakeWorker(pending, lastMove, now, () => ask('teamMembersJob', { job, action: 'nudge' }));
  return (
    <section class="members report" aria-label={title}>
      <h3>{title}</h3>
      <p role="status">
        {STATE_TEXT[record.state]}. {summary}
      </p>
      {record.error && <p class="error">{record.error}</p>}
      {children}
      {record.state === 'paused' && (
        <button type="button" onClick={() => void ask('teamMembersJob', { job, action: 'resume' }).catch(() => {})}>
          Resume
        </button>
      )}{' '}
      {(record.state === 'done' || record.state === 'paused') && (
        <button type="button" onClick={() => void ask('teamMembersJob', { job, action: 'dismiss' }).catch(() => {})}>
          Dismiss the report
        </button>
      )}
    </section>
  );
}
