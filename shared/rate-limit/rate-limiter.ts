import type { RateLimiterState } from './limiter-state';
import type { Priority } from './priority';

/** Call once the request is over (response read, or failed): the slot then ages out of the window. */
export type ReleaseSlot = () => void;

/**
 * What the client needs from a limiter. One instance stands for one API key's budget: give the same
 * instance to every client that uses that key, wherever its requests start.
 */
export interface RateLimiter {
  /**
   * Waits for a free slot, first come first served within a priority; `interactive` (the default)
   * goes before every queued `background` call. Rejects with `signal.reason` if the signal aborts first.
   */
  acquire(signal?: AbortSignal, priority?: Priority): Promise<ReleaseSlot>;
  /** The server said "too many": hand out no slot before `untilMs` (epoch ms), whoever asks. */
  pauseUntil(untilMs: number): void;
  /** Plain JSON to keep in storage (a browser stops an extension's service worker at will). */
  snapshot(): RateLimiterState;
  /** Takes in a saved state (this version or an earlier one); checked first, so a damaged one is refused with a clear error. */
  restore(state: unknown): void;
}
