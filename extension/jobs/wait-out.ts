import { NetworkError, RateLimitedError, type StatuspageErrorJSON, TimeoutError } from '../../shared/client';

/**
 * The one back-off table: a network failure while the browser says it is online is retried after these; then a job a
 * person waits on (a save) gives up and says why, and background work (`keepTrying`) goes on at the last step.
 */
export const NETWORK_RETRY_DELAYS_MS = [2_000, 5_000, 15_000];

/** What a job shows while a call waits: a 420/429 until the server's time, a lost link, then running again. */
export type WaitState = 'rate-limited' | 'offline' | 'running';
export type OnWait = (state: WaitState, info?: { retryAt?: number; error?: StatuspageErrorJSON }) => Promise<unknown>;

export interface WaitClock {
  now(): number;
  sleep(ms: number, signal: AbortSignal): Promise<void>;
  isOnline(): boolean;
  /** Resolves when the browser says it is online again. */
  waitForOnline(signal: AbortSignal): Promise<void>;
}

/**
 * The only place in the background that decides how to wait out a rate limit or a lost link: runs `call` until it
 * answers, waiting for a 420/429's `Retry-After`, for the browser to be online again, or through the back-off table.
 * Anything else (an abort, a refusal, the table used up) is thrown to the job.
 */
export async function waitOut<T>(
  call: () => Promise<T>,
  clock: WaitClock,
  onWait: OnWait,
  signal: AbortSignal,
  { keepTrying = false }: { keepTrying?: boolean } = {},
): Promise<T> {
  let networkFailures = 0;
  for (;;) {
    try {
      return await call();
    } catch (error) {
      if (signal.aborted) throw error;
      if (error instanceof RateLimitedError) {
        const retryAt = error.retryAt.getTime();
        await onWait('rate-limited', { retryAt, error: error.toJSON() });
        await clock.sleep(Math.max(0, retryAt - clock.now()), signal);
      } else if (error instanceof NetworkError || error instanceof TimeoutError) {
        if (!clock.isOnline()) {
          await onWait('offline', { error: error.toJSON() });
          await clock.waitForOnline(signal);
        } else {
          const delay = NETWORK_RETRY_DELAYS_MS[networkFailures++] ?? (keepTrying ? NETWORK_RETRY_DELAYS_MS.at(-1)! : undefined);
          if (delay === undefined) throw error;
          await onWait('offline', { retryAt: clock.now() + delay, error: error.toJSON() });
          await clock.sleep(delay, signal);
        }
      } else throw error;
      await onWait('running');
    }
  }
}

/** A runner's way to wait: the engine's (`waitOut` from its job context), or a plain clock outside a browser (always online). */
export type Waiter = Pick<WaitClock, 'now'> &
  ({ waitOut<T>(call: () => Promise<T>, onWait: OnWait): Promise<T> } | (Pick<WaitClock, 'sleep'> & Partial<WaitClock>));

export function waitWith(waiter: Waiter, signal: AbortSignal): <T>(call: () => Promise<T>, onWait: OnWait) => Promise<T> {
  if ('waitOut' in waiter) return waiter.waitOut;
  const clock: WaitClock = { isOnline: () => true, waitForOnline: async () => {}, ...waiter };
  // Outside the engine (the bench, a test) the runners are what they are in it: background work that keeps trying.
  return (call, onWait) => waitOut(call, clock, onWait, signal, { keepTrying: true });
}
