import { AbortedError, HttpError, RateLimitedError } from '../../shared/client';
import { type OnWait, type Waiter, waitWith } from '../jobs/wait-out';
import type { ValueStore } from '../team-access/matrix/matrix-store';
import type { JobState } from './members-storage';

/** A job of this feature as stored: where it stands, and one step record per person (null: not started). */
export interface StepsJob<Step> {
  state: JobState;
  retryAt?: number | undefined;
  error?: string | undefined;
  updatedAt: number;
  steps: Array<Step | null>;
}

export interface StepTools<Step> {
  /** Records this person's step before the runner goes on (the record a resumed job starts from). */
  record(step: Omit<Step, 'at'>): Promise<void>;
  /** One call, its 420/429 and lost links waited out the engine's way. */
  call<T>(request: () => Promise<T>): Promise<T>;
}

/**
 * Runs a stored job person by person: `step(index, recorded, tools)` does what is left of one person's part, from
 * what is on record. A refusal for one person (404, 422: the server's words) is recorded and the others go on; a
 * stop pauses it (resumed later from the records), anything else pauses it with the reason.
 */
export async function runSteps<Step extends { at: number }, J extends StepsJob<Step>>(
  deps: Waiter & { store: ValueStore<J | null> },
  signal: AbortSignal,
  step: (index: number, recorded: Step | null, tools: StepTools<Step>) => Promise<void>,
  /** The record of a person the server refused (in its words). */
  failed: (error: string) => Omit<Step, 'at'>,
): Promise<void> {
  let job = await deps.store.getValue();
  if (!job) return;
  const update = async (changes: Partial<StepsJob<Step>>) => {
    job = { ...(job as J), ...changes, updatedAt: deps.now() };
    await deps.store.setValue(job);
  };
  const onWait: OnWait = (state, info) => update({ state, retryAt: info?.retryAt });
  const wait = waitWith(deps, signal);
  const tools = (index: number): StepTools<Step> => ({
    record: async (recorded) => {
      const steps = [...(job as J).steps];
      steps[index] = { ...recorded, at: deps.now() } as Step;
      await update({ steps });
    },
    call: (request) => wait(request, onWait),
  });
  try {
    await update({ state: 'running', retryAt: undefined, error: undefined });
    for (let index = 0; index < job.steps.length; index++) {
      if (signal.aborted) throw signal.reason;
      try {
        await step(index, job.steps[index] ?? null, tools(index));
      } catch (error) {
        if (signal.aborted || !(error instanceof HttpError) || error instanceof RateLimitedError) throw error;
        await tools(index).record(failed(error.message));
      }
    }
    await update({ state: 'done' });
  } catch (error) {
    const reason = signal.aborted || error instanceof AbortedError ? undefined : error instanceof Error ? error.message : String(error);
    await update({ state: 'paused', retryAt: undefined, ...(reason && { error: reason }) });
  }
}
