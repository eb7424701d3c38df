import { useState } from 'preact/hooks';
import { ask } from '../ask';
import { secondsLeft, useNow } from '../../ui/use-now';
import { downloadText } from '../csv/download';
import { batchUsers } from './bulk-plan';
import { conflictText, foundText } from './permissions-text';
import { batchReportCsv } from '../csv/report-csv';
import { useWakeWorker } from '../page/use-wake-worker';
import type { BatchOutcomes, MatrixPage, TeamBatch } from '../team-access-storage';

interface Props {
  batch: TeamBatch;
  outcomes: BatchOutcomes | null;
  pages: MatrixPage[];
  /** Shows the plan that undoes this batch (a change like any other: plan, confirmation, report). */
  onUndo(): void;
}

const PENDING = new Set(['running', 'rate-limited', 'offline']);
const wake = () => ask('teamAccessBatch', 'nudge');

/** The bulk change under way or last run: progress, pause, cancel, and at the end the report and "Undo this batch". */
export function BatchPanel({ batch, outcomes, pages, onUndo }: Props) {
  const pending = PENDING.has(batch.state);
  const now = useNow(pending, 1_000);
  const [error, setError] = useState<string>();
  const act = (action: 'pause' | 'resume' | 'cancel') => {
    setError(undefined);
    ask('teamAccessBatch', action).catch((failure: unknown) => setError(failure instanceof Error ? failure.message : String(failure)));
  };
  const users = batchUsers(batch.plan);
  const lastMove = Math.max(batch.updatedAt, ...Object.values(outcomes?.batchId === batch.id ? outcomes.users : {}).map((outcome) => outcome.at));
  // Waiting out a rate limit is not standing still, until its retry time has passed.
  useWakeWorker(pending, Math.max(lastMove, batch.retryAt ?? 0), now, wake);
  const of = (userId: string) => (outcomes?.batchId === batch.id ? outcomes.users[userId] : undefined);
  const finished = users.filter((user) => {
    const status = of(user.userId)?.status;
    return status !== undefined && status !== 'sending';
  }).length;
  const done = users.filter((user) => of(user.userId)?.status === 'done');
  const conflicts = users.filter((user) => of(user.userId)?.status === 'conflict');
  const failed = users.filter((user) => of(user.userId)?.status === 'failed');
  const cancelled = users.filter((user) => of(user.userId)?.status === 'cancelled');
  const unchanged = users.filter((user) => of(user.userId)?.status === 'unchanged');
  // Users not read when planned, read just before the write: what was found and changed (or nothing to do).
  const readFirst = users.filter((user) => {
    const outcome = of(user.userId);
    return !user.plan && (outcome?.status === 'unchanged' || outcome?.status === 'done') && outcome.before;
  });
  const over = batch.state === 'done' || batch.state === 'cancelled';

  return (
    <section class="batch" aria-labelledby="batch-title">
      <h2 id="batch-title">{batch.undoOf ? batch.plan.label : `Bulk change: ${batch.plan.label}`}</h2>
      <progress aria-label="Bulk change progress" max={users.length} value={finished} />
      <p role="status" aria-live="polite">
        {finished} of {users.length} users handled. {stateText(batch, now)}
      </p>
      {batch.error && (
        <p class="error" role="alert">
          Stopped: {batch.error}
        </p>
      )}
      <div class="actions">
        {pending && (
          <button type="button" onClick={() => act('pause')}>
            Pause bulk change
          </button>
        )}
        {batch.state === 'paused' && (
          <button type="button" class="primary" onClick={() => act('resume')}>
            Resume bulk change
          </button>
        )}
        {!over && (
          <button type="button" onClick={() => act('cancel')}>
            Cancel bulk change
          </button>
        )}
      </div>
      {over && (
        <section class="report" aria-labelledby="report-title">
          <h3 id="report-title">Report</h3>
          <p>
            {batch.undoOf ? 'Put back' : 'Done'}: {done.length}.{unchanged.length > 0 && ` Nothing to do: ${unchanged.length}.`} Skipped (conflict):{' '}
            {conflicts.length}. Failed: {failed.length}.{cancelled.length > 0 && ` Cancelled: ${cancelled.length}.`}
          </p>
          {readFirst.length > 0 && (
            <>
              <h4>Not read before: found just before the write</h4>
              <ul>
                {readFirst.map((user) => {
                  const outcome = of(user.userId);
                  return (
                    <li key={user.userId}>
                      {user.label}: {foundText(outcome?.before ?? {}, outcome?.after, pages)}
                    </li>
                  );
                })}
              </ul>
            </>
          )}
          {conflicts.length > 0 && (
            <>
              <h4>Skipped: changed since the scan</h4>
              <ul>
                {conflicts.map((user) => (
                  <li key={user.userId}>
                    {user.label}: {conflictText(user.plan?.before ?? of(user.userId)?.before ?? {}, of(user.userId)?.current ?? {}, pages)}
                  </li>
                ))}
              </ul>
            </>
          )}
          {failed.length > 0 && (
            <>
              <h4>Failed</h4>
              <ul>
                {failed.map((user) => (
                  <li key={user.userId}>
                    {user.label}: {of(user.userId)?.error}
                  </li>
                ))}
              </ul>
            </>
          )}
          <div class="actions">
            <button type="button" onClick={() => downloadText(`team-access-report-${batch.id}.csv`, batchReportCsv(batch, outcomes, pages))}>
              Export report (CSV)
            </button>
            {done.length > 0 && !batch.undoOf && (
              <button type="button" onClick={onUndo}>
                Undo this batch
              </button>
            )}
          </div>
        </section>
      )}
      {error && (
        <p class="error" role="alert">
          {error}
        </p>
      )}
    </section>
  );
}

function stateText(batch: TeamBatch, now: number): string {
  switch (batch.state) {
    case 'running':
      return 'Running.';
    case 'rate-limited':
      return `Rate limited by Statuspage: going on by itself in ${secondsLeft(batch.retryAt ?? now, now)} s.`;
    case 'offline':
      return `The API cannot be reached: trying again in ${secondsLeft(batch.retryAt ?? now, now)} s.`;
    case 'paused':
      return 'Paused.';
    case 'cancelled':
      return 'Cancelled.';
    case 'done':
      return 'Finished.';
  }
}
