import type { RateLimiterState } from './limiter-state';

/** Call once the request is over (response read, or failed): the slot then ages out of the window. */
export type ReleaseSlot = () => void;

/**
 * What the client needs from a limiter. One instance stands for one API key's budget: give the same
 * instance to every client that uses that key, wherever its requests start.
 */
export interface RateLimiter {
  /** Waits (first come, first served) for a free slot; rejects with `signal.reason` if the signal aborts first. */
  acquire(signal?: AbortSignal): Promise<ReleaseSlot>;
  /** The server said "too many": hand out no slot before `untilMs` (epoch ms), whoever asks. */
  pauseUntil(untilMs: number): void;
  /** Plain JSON to keep in storage (a browser stops an extension's service worker at will). */
  snapshot(): RateLimiterState;
  /** Takes in a saved state; checked first, so a damaged one is refused with a clear error. */
  restore(state: unknown): void;
}
