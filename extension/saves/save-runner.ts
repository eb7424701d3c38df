import { AbortedError, NetworkError, RateLimitedError, TimeoutError, type StatuspageErrorJSON } from '../../shared/index';
import { errorToJSON } from '../messaging/outcome';
import type { SaveRecord, SaveRequest } from './save-record';

export interface SaveRunnerDeps {
  now(): number;
  sleep(ms: number, signal: AbortSignal): Promise<void>;
  isOnline(): boolean;
  /** Resolves when the browser says it is online again. */
  waitForOnline(signal: AbortSignal): Promise<void>;
  /** Records where the save stands (the popup shows it, the badge follows it). */
  report(record: SaveRecord): Promise<void>;
}

/** Back-offs for a network failure while the browser claims to be online (a flaky link, a waking laptop). */
export const NETWORK_RETRY_DELAYS_MS = [2_000, 5_000, 15_000];

export interface RunSaveOptions {
  signal: AbortSignal;
  /** Resuming a save that was waiting when the worker stopped: not before this time (epoch ms). */
  notBefore?: number;
}

/**
 * Runs `perform` until it succeeds, waiting out what is worth waiting for: a rate limit (until the server's
 * retry time), a lost connection (until the browser is back online), a brief network failure (a few back-offs).
 * Anything else, or a cancel, is reported as failed and thrown: the draft stays where it is.
 */
export async function runSave<T>(
  save: SaveRequest & { id: string },
  perform: (signal: AbortSignal) => Promise<T>,
  deps: SaveRunnerDeps,
  { signal, notBefore }: RunSaveOptions,
): Promise<T> {
  const report = (state: SaveRecord['state'], extra: { retryAt?: number; error?: StatuspageErrorJSON } = {}) =>
    deps.report({ ...save, state, ...extra, updatedAt: deps.now() } as SaveRecord);
  let networkFailures = 0;
  try {
    if (notBefore !== undefined && notBefore > deps.now()) {
      await report('waiting', { retryAt: notBefore });
      await deps.sleep(notBefore - deps.now(), signal);
    }
    for (;;) {
      await report('saving');
      try {
        return await perform(signal);
      } catch (error) {
        if (signal.aborted) throw error;
        if (error instanceof RateLimitedError) {
          const retryAt = error.retryAt.getTime();
          await report('waiting', { retryAt, error: error.toJSON() });
          await deps.sleep(retryAt - deps.now(), signal);
          continue;
        }
        if (error instanceof NetworkError || error instanceof TimeoutError) {
          if (!deps.isOnline()) {
            await report('offline', { error: error.toJSON() });
            await deps.waitForOnline(signal);
            continue;
          }
          const delay = NETWORK_RETRY_DELAYS_MS[networkFailures++];
          if (delay !== undefined) {
            await report('offline', { retryAt: deps.now() + delay, error: error.toJSON() });
            await deps.sleep(delay, signal);
            continue;
          }
        }
        throw error;
      }
    }
  } catch (error) {
    const failure = signal.aborted ? new AbortedError('Save cancelled: the draft is kept, save again when ready') : error;
    await report('failed', { error: errorToJSON(failure) });
    throw failure;
  }
}
