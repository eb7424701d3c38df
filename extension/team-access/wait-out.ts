import { NetworkError, RateLimitedError, TimeoutError } from '../../shared/client';

/** Network back-offs while the browser claims to be online, then every 30 s until the link is back. */
export const NETWORK_RETRY_DELAYS_MS = [2_000, 5_000, 15_000, 30_000];

export interface WaitOutDeps {
  now(): number;
  sleep(ms: number, signal: AbortSignal): Promise<void>;
  /** Told before each wait: the page shows a countdown to `retryAt`, and after it `'running'` again. */
  onWait(state: 'rate-limited' | 'offline' | 'running', retryAt?: number): Promise<void>;
}

/**
 * Runs `call` until it answers, waiting out what is worth waiting for: a 420/429 until the server's
 * `Retry-After`, a lost connection with growing back-offs. Anything else (and an abort) is the caller's.
 */
export async function waitOut<T>(call: () => Promise<T>, deps: WaitOutDeps, signal: AbortSignal): Promise<T> {
  let networkFailures = 0;
  for (;;) {
    try {
      const answer = await call();
      return answer;
    } catch (error) {
      if (signal.aborted) throw error;
      let retryAt: number;
      if (error instanceof RateLimitedError) {
        retryAt = error.retryAt.getTime();
        await deps.onWait('rate-limited', retryAt);
      } else if (error instanceof NetworkError || error instanceof TimeoutError) {
        const delays = NETWORK_RETRY_DELAYS_MS;
        retryAt = deps.now() + (delays[Math.min(networkFailures++, delays.length - 1)] ?? 30_000);
        await deps.onWait('offline', retryAt);
      } else throw error;
      await deps.sleep(Math.max(0, retryAt - deps.now()), signal);
      await deps.onWait('running');
    }
  }
}
