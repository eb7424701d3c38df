import { type Priority, type RateLimiterState, type ReleaseSlot, SlidingWindowLimiter } from '../../shared/rate-limit';
import { rateLimiterStateItem } from './limiter-state-item';

/**
 * One rate limiter per connection (per key), whoever starts the request. Its state is saved so that a restarted
 * service worker does not forget the last minute's requests: a restored limiter must never count fewer requests
 * than the key really made.
 *
 * Saving the state (60 stamps, about 900 bytes) as each request starts and ends cost about 2 KB of storage writes
 * per request, more than the Team access row the request read. So each save reserves slots ahead: it records the
 * requests in flight plus `reserve` more, which a restored limiter counts as ending at the restart, the latest they
 * could have ended. A request goes out only once a save that counts it has landed (it waits for one only when the
 * reservation is used up; a new save starts when half of it is). When the key goes idle an exact state (nothing
 * reserved) is saved, so a worker stopped while idle, as Chrome stops it after 30 s, restarts with no slots lost.
 */
interface Held {
  limiter: Promise<SlidingWindowLimiter>;
  writing: Promise<void> | undefined;
  /** Reset (a new key): this limiter's saves stop. */
  closed: boolean;
}
const held = new Map<string, Held>();

/** Slots each save reserves ahead: a sixth of the window's (10 at 60 a minute), at most that many lost to a crash. */
export const reserveFor = (limit: number): number => Math.max(2, Math.floor(limit / 6));

class PersistedLimiter extends SlidingWindowLimiter {
  readonly reserve: number;
  readonly #save: (state: RateLimiterState) => Promise<void>;
  /** Requests granted by this instance so far; how many of them (and ahead) the last landed save counts. */
  #granted = 0;
  #covered = 0;
  /** What the save under way, or the next, counts up to. */
  #asked = 0;
  #want: 'ahead' | 'exact' | undefined;
  #saving: Promise<void> | undefined;
  #savedBlockedUntil = 0;
  #settle: ReturnType<typeof setTimeout> | undefined;

  constructor(save: (state: RateLimiterState) => Promise<void>) {
    super({
      limit: 60,
      windowMs: 60_000,
      onChange: (state) => {
        if (this) this.#changed(state);
      },
    });
    this.#save = save;
    this.reserve = reserveFor(this.limit);
  }

  override async acquire(signal?: AbortSignal, priority?: Priority): Promise<ReleaseSlot> {
    const release = await super.acquire(signal, priority);
    const ordinal = ++this.#granted;
    clearTimeout(this.#settle);
    if (ordinal > this.#covered - this.reserve / 2 && ordinal > this.#asked - this.reserve / 2) this.#request('ahead');
    // Storage counts this request before it is sent (nearly always already: the save started half a reservation ago).
    while (ordinal > this.#covered && this.#saving) await this.#saving;
    return release;
  }

  #request(kind: 'ahead' | 'exact'): void {
    if (kind === 'ahead') this.#asked = this.#granted + this.reserve;
    if (this.#want !== 'ahead') this.#want = kind; // a reservation is never given up for an exact save
    this.#saving ??= this.#write().finally(() => {
      this.#saving = undefined;
    });
  }

  /** One save at a time, each of the latest state. */
  async #write(): Promise<void> {
    while (this.#want) {
      const kind = this.#want;
      this.#want = undefined;
      const state = this.snapshot();
      if (kind === 'exact' && (state.inFlight > 0 || this.queueLength() > 0)) continue; // busy again: its reservation stands
      const upTo = kind === 'exact' ? this.#granted : this.#asked;
      // Storage answers for the last save that landed: until this one does, the earlier one's count stands.
      const saved = await this.#save({ ...state, inFlight: state.inFlight + (upTo - this.#granted) }).then(
        () => true,
        () => false, // counts nothing: the request goes out as it would have, the server's 429s still protect us
      );
      if (saved) this.#covered = upTo;
    }
  }

  #changed(state: RateLimiterState): void {
    if (state.blockedUntil > this.#savedBlockedUntil) {
      // The server asked us to wait: a restarted worker must wait too.
      this.#savedBlockedUntil = state.blockedUntil;
      this.#request('ahead');
    }
    if (state.inFlight === 0 && this.queueLength() === 0) {
      // Idle: the exact state, nothing reserved, once a slot's time has passed with no new request.
      clearTimeout(this.#settle);
      this.#settle = setTimeout(() => this.#request('exact'), this.windowMs / this.limit);
    }
  }
}

export function sharedLimiter(connectionId: string): Promise<SlidingWindowLimiter> {
  let entry = held.get(connectionId);
  if (!entry) {
    const created: Held = { limiter: Promise.resolve(undefined as never), writing: undefined, closed: false };
    const save = async (state: RateLimiterState) => {
      if (created.closed) return;
      const writing = rateLimiterStateItem(connectionId).setValue(state);
      created.writing = writing.finally(() => {
        if (created.writing === tracked) created.writing = undefined;
      });
      const tracked = created.writing;
      await writing;
    };
    created.limiter = (async () => {
      const saved = await rateLimiterStateItem(connectionId).getValue();
      const limiter = new PersistedLimiter(save);
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
  const entry = held.get(connectionId);
  if (!entry || entry.writing) return; // our own write is under way: the removal is older than it
  // Its idle save may still be planned: it must not bring back what was removed (a removed connection, a reset).
  entry.closed = true;
  held.delete(connectionId);
}

/** A new key is a new budget: forget the old one's requests. */
export async function resetSharedLimiter(connectionId: string): Promise<void> {
  const entry = held.get(connectionId);
  held.delete(connectionId);
  if (entry) {
    entry.closed = true;
    await entry.writing?.catch(() => {});
  }
  await rateLimiterStateItem(connectionId).removeValue();
}
