import { type RateLimiterState, SlidingWindowLimiter } from '../../shared/rate-limit';
import { rateLimiterStateItem } from './limiter-state-item';

/**
 * One rate limiter per connection (per key), whoever starts the request. Its state is saved as it changes and
 * restored when the service worker starts again, so a restart does not forget the last minute's requests.
 */
interface Held {
  limiter: Promise<SlidingWindowLimiter>;
  pending: RateLimiterState | undefined;
  writing: Promise<void> | undefined;
}
const held = new Map<string, Held>();

function persist(connectionId: string, entry: Held, state: RateLimiterState): void {
  entry.pending = state;
  // One write at a time, always the latest state: a burst of changes makes at most two writes.
  entry.writing ??= (async () => {
    while (entry.pending) {
      const next = entry.pending;
      entry.pending = undefined;
      await rateLimiterStateItem(connectionId)
        .setValue(next)
        .catch(() => {});
    }
    entry.writing = undefined;
  })();
}

export function sharedLimiter(connectionId: string): Promise<SlidingWindowLimiter> {
  let entry = held.get(connectionId);
  if (!entry) {
    const created: Held = { limiter: Promise.resolve(undefined as never), pending: undefined, writing: undefined };
    created.limiter = (async () => {
      const saved = await rateLimiterStateItem(connectionId).getValue();
      const limiter = new SlidingWindowLimiter({ limit: 60, windowMs: 60_000, onChange: (state) => persist(connectionId, created, state) });
      if (saved) {
        try {
          limiter.restore(saved);
        } catch {
          // A damaged state is dropped: the server's own 429s still protect us.
        }
      }
      return limiter;
    })();
    entry = created;
    held.set(connectionId, entry);
  }
  return entry.limiter;
}

/** The saved state was removed from elsewhere: the next request starts a limiter from what storage has. */
export function dropSharedLimiter(connectionId: string): void {
  if (held.get(connectionId)?.writing) return; // our own write is under way: the removal is older than it
  held.delete(connectionId);
}

/** A new key is a new budget: forget the old one's requests. */
export async function resetSharedLimiter(connectionId: string): Promise<void> {
  const entry = held.get(connectionId);
  held.delete(connectionId);
  if (entry) {
    entry.pending = undefined;
    await entry.writing;
  }
  await rateLimiterStateItem(connectionId).removeValue();
}
