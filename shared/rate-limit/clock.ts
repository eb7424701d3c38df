/**
 * Time as the limiter and the client see it. Injected so tests run on a fake clock, and so a whole
 * minute of rate limiting takes no real time there.
 */
export interface Clock {
  /** Milliseconds since the epoch (wall clock, so a saved limiter state still means something after a restart). */
  now(): number;
  /** Resolves after `ms`; rejects with `signal.reason` as soon as the signal aborts (and clears its timer). */
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
}

/** The real clock: `Date.now` and `setTimeout`, which every runtime we target has. */
export const systemClock: Clock = {
  now: () => Date.now(),
  sleep(ms, signal) {
    return new Promise<void>((resolve, reject) => {
      if (signal?.aborted) {
        reject(signal.reason);
        return;
      }
      const onAbort = () => {
        clearTimeout(timer);
        reject(signal?.reason);
      };
      const timer = setTimeout(
        () => {
          signal?.removeEventListener('abort', onAbort);
          resolve();
        },
        Math.max(0, ms),
      );
      signal?.addEventListener('abort', onAbort, { once: true });
    });
  },
};
