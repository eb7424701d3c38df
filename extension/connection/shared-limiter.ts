import { SlidingWindowLimiter, type RateLimiterState } from '../../shared';
import { rateLimiterStateItem } from './limiter-state-item';

/**
 * The one rate limiter for the stored key, whoever starts the request. Its state is saved as it changes and
 * restored when the service worker starts again, so a restart does not forget the last minute's requests.
 */
let limiter: Promise<SlidingWindowLimiter> | undefined;
let pendingState: RateLimiterState | undefined;
let writing: Promise<void> | undefined;

function persist(state: RateLimiterState): void {
  pendingState = state;
  // One write at a time, always the latest state: a burst of changes makes at most two writes.
  writing ??= (async () => {
    while (pendingState) {
      const next = pendingState;
      pendingState = undefined;
      await rateLimiterStateItem.setValue(next).catch(() => {});
    }
    writing = undefined;
  })();
}

export function sharedLimiter(): Promise<SlidingWindowLimiter> {
  limiter ??= (async () => {
    const saved = await rateLimiterStateItem.getValue();
    const created = new SlidingWindowLimiter({ limit: 60, windowMs: 60_000, onChange: persist });
    if (saved) {
      try {
        created.restore(saved);
      } catch {
        // A damaged state is dropped: the server's own 429s still protect us.
      }
    }
    return created;
  })();
  return limiter;
}

/** The saved state was removed from elsewhere: the next request starts a limiter from what storage has. */
export function dropSharedLimiter(): void {
  if (writing) return; // our own write is under way: the removal is older than it
  limiter = undefined;
}

/** A new key is a new budget: forget the old one's requests. */
export async function resetSharedLimiter(): Promise<void> {
  limiter = undefined;
  pendingState = undefined;
  await writing;
  await rateLimiterStateItem.removeValue();
}
