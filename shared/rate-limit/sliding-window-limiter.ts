import { systemClock, type Clock } from './clock';
import { RateLimiterState } from './limiter-state';
import type { RateLimiter, ReleaseSlot } from './rate-limiter';

export interface SlidingWindowOptions {
  /** Requests allowed in any window. Statuspage: 1 a second on a 60 s rolling window, so 60. */
  limit?: number;
  windowMs?: number;
  clock?: Clock;
  /** A state saved by `snapshot()` to start from (same as calling `restore`); null or undefined: nothing saved yet. */
  state?: unknown;
  /** Called with a fresh snapshot whenever the state changes, so it can be saved as it happens. */
  onChange?: (state: RateLimiterState) => void;
}

interface Waiter {
  resolve: (release: ReleaseSlot) => void;
}

const HOUR_MS = 3_600_000;

/**
 * Never more than `limit` requests in any `windowMs` window; the rest wait in FIFO order.
 *
 * A request holds its slot while it is in flight and is stamped when it ends, not when it starts:
 * the server has surely seen it by the time we hold its response, so however late it arrived there,
 * the server's own rolling window can never count `limit + 1` of ours. With instant responses this is
 * exactly "limit per window"; with real latency each window stretches by one round trip, no more.
 */
export class SlidingWindowLimiter implements RateLimiter {
  readonly limit: number;
  readonly windowMs: number;
  readonly #clock: Clock;
  readonly #onChange: ((state: RateLimiterState) => void) | undefined;
  /** End times of finished requests still inside the window, ascending. */
  #stamps: number[] = [];
  #inFlight = 0;
  #blockedUntil = 0;
  readonly #queue: Waiter[] = [];
  #pumping = false;
  /** Aborted to cut the pump's current sleep short when something changes. */
  #wake: AbortController | undefined;

  constructor(options: SlidingWindowOptions = {}) {
    this.limit = options.limit ?? 60;
    this.windowMs = options.windowMs ?? 60_000;
    if (!Number.isInteger(this.limit) || this.limit < 1) throw new RangeError('rateLimit.limit must be a whole number >= 1');
    if (!Number.isFinite(this.windowMs) || this.windowMs <= 0) throw new RangeError('rateLimit.windowMs must be > 0');
    this.#clock = options.clock ?? systemClock;
    this.#onChange = options.onChange;
    // Storage answers null for a key never written: that is a first start, not a damaged state.
    if (options.state !== undefined && options.state !== null) this.restore(options.state);
  }

  acquire(signal?: AbortSignal): Promise<ReleaseSlot> {
    if (signal?.aborted) return Promise.reject(signal.reason);
    return new Promise<ReleaseSlot>((resolve, reject) => {
      const onAbort = () => {
        const index = this.#queue.indexOf(waiter);
        if (index >= 0) this.#queue.splice(index, 1);
        reject(signal?.reason);
        this.#nudge();
      };
      const waiter: Waiter = {
        resolve: (release) => {
          signal?.removeEventListener('abort', onAbort);
          resolve(release);
        },
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      this.#queue.push(waiter);
      this.#nudge();
    });
  }

  pauseUntil(untilMs: number): void {
    // Clamped: a wild Retry-After must not lock the key for days.
    const until = Math.min(untilMs, this.#clock.now() + HOUR_MS);
    if (until <= this.#blockedUntil) return;
    // No need to wake the pump: it looks at blockedUntil again before it grants anything.
    this.#blockedUntil = until;
    this.#changed();
  }

  snapshot(): RateLimiterState {
    const now = this.#clock.now();
    this.#prune(now);
    // Requests still in flight may yet reach the server: save them as ending now.
    const stamps = [...this.#stamps, ...Array.from({ length: this.#inFlight }, () => now)];
    return { version: 1, stamps, blockedUntil: this.#blockedUntil };
  }

  /** Merges a saved state in (never forgets what this instance already knows). */
  restore(state: unknown): void {
    const parsed = RateLimiterState.safeParse(state);
    if (!parsed.success) throw new TypeError('Not a saved rate limiter state (expected {version: 1, stamps, blockedUntil})');
    const now = this.#clock.now();
    // A stamp in the future means the clock moved back since it was saved: count it as now.
    const restored = parsed.data.stamps.map((stamp) => Math.min(stamp, now));
    this.#stamps = [...this.#stamps, ...restored].sort((a, b) => a - b);
    this.#blockedUntil = Math.max(this.#blockedUntil, Math.min(parsed.data.blockedUntil, now + HOUR_MS));
    this.#prune(now);
    this.#nudge();
  }

  /** Milliseconds until the head of the queue may go: 0 now, Infinity when only a release can free a slot. */
  #delay(now: number): number {
    this.#prune(now);
    const blocked = Math.max(0, this.#blockedUntil - now);
    if (this.#inFlight + this.#stamps.length < this.limit) return blocked;
    const oldest = this.#stamps[0];
    if (oldest === undefined) return Infinity;
    return Math.max(blocked, oldest + this.windowMs - now);
  }

  #prune(now: number): void {
    const cutoff = now - this.windowMs;
    let drop = 0;
    while (drop < this.#stamps.length && (this.#stamps[drop] ?? 0) <= cutoff) drop++;
    if (drop) this.#stamps.splice(0, drop);
  }

  #grant(waiter: Waiter): void {
    this.#inFlight++;
    let released = false;
    waiter.resolve(() => {
      if (released) return;
      released = true;
      this.#inFlight--;
      const now = this.#clock.now();
      const last = this.#stamps.at(-1);
      this.#stamps.push(now);
      if (last !== undefined && last > now) this.#stamps.sort((a, b) => a - b);
      this.#changed();
      this.#nudge();
    });
    this.#changed();
  }

  /** Something changed: wake the pump if it sleeps, start it if it is idle. */
  #nudge(): void {
    if (this.#pumping) this.#wake?.abort();
    else void this.#pump();
  }

  async #pump(): Promise<void> {
    this.#pumping = true;
    try {
      while (this.#queue.length > 0) {
        const wait = this.#delay(this.#clock.now());
        if (wait <= 0) {
          this.#grant(this.#queue.shift() as Waiter);
          continue;
        }
        const wake = new AbortController();
        this.#wake = wake;
        try {
          if (Number.isFinite(wait)) await this.#clock.sleep(wait, wake.signal);
          else await untilAborted(wake.signal);
        } catch {
          // Woken early: loop and look again.
        } finally {
          this.#wake = undefined;
        }
      }
    } finally {
      this.#pumping = false;
    }
  }

  #changed(): void {
    this.#onChange?.(this.snapshot());
  }
}

function untilAborted(signal: AbortSignal): Promise<never> {
  return new Promise((_, reject) => signal.addEventListener('abort', () => reject(signal.reason), { once: true }));
}
