import { systemClock, type Clock } from './clock';
import { readLimiterState, type RateLimiterState } from './limiter-state';
import { isPriority, type Priority } from './priority';
import type { RateLimiter, ReleaseSlot } from './rate-limiter';
import { planSlots, slotDelay, type WindowRules, type WindowView } from './window-rule';

export interface SlidingWindowOptions {
  /** Requests allowed in any window. Statuspage: 1 a second on a 60 s rolling window, so 60. */
  limit?: number;
  windowMs?: number;
  /**
   * The longest background calls may keep a person's call waiting for a slot: they take a window's
   * last free slot only when another frees within this. Default `windowMs / limit` (1 s at 60 a minute);
   * 0 keeps the last slot for people outright, at the cost of one slot per window for background work.
   */
  headroomMs?: number;
  /**
   * The least time between two background calls' starts. Default `windowMs / limit` (1 s at 60 a minute): background
   * work goes at the key's pace instead of spending a window at once, so a person's call never waits for the window
   * to turn (a popup save mid-scan is served within a slot or two). 0: no pacing.
   */
  backgroundSpacingMs?: number;
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
 * Never more than `limit` requests in any `windowMs` window; the rest wait, people's calls ahead of
 * background ones and each kind in FIFO order (the rule itself is in window-rule.ts).
 *
 * A request holds its slot while it is in flight and is stamped when it ends, not when it starts:
 * the server has surely seen it by the time we hold its response, so however late it arrived there,
 * the server's own rolling window can never count `limit + 1` of ours. With instant responses this is
 * exactly "limit per window"; with real latency each window stretches by one round trip, no more.
 */
export class SlidingWindowLimiter implements RateLimiter {
  readonly limit: number;
  readonly windowMs: number;
  readonly headroomMs: number;
  readonly backgroundSpacingMs: number;
  /** When the last background call took its slot (in this instance's memory: a restart may start one at once). */
  #lastBackgroundAt: number | undefined;
  readonly #clock: Clock;
  readonly #onChange: ((state: RateLimiterState) => void) | undefined;
  /** End times of finished requests still inside the window, ascending. */
  #stamps: number[] = [];
  #inFlight = 0;
  #blockedUntil = 0;
  readonly #queues: Record<Priority, Waiter[]> = { interactive: [], background: [] };
  #pumping = false;
  readonly #queueListeners = new Set<(waiting: Record<Priority, number>) => void>();
  /** Aborted to cut the pump's current sleep short when something changes. */
  #wake: AbortController | undefined;

  constructor(options: SlidingWindowOptions = {}) {
    this.limit = options.limit ?? 60;
    this.windowMs = options.windowMs ?? 60_000;
    if (!Number.isInteger(this.limit) || this.limit < 1) throw new RangeError('rateLimit.limit must be a whole number >= 1');
    if (!Number.isFinite(this.windowMs) || this.windowMs <= 0) throw new RangeError('rateLimit.windowMs must be > 0');
    this.headroomMs = options.headroomMs ?? this.windowMs / this.limit;
    if (!Number.isFinite(this.headroomMs) || this.headroomMs < 0) throw new RangeError('rateLimit.headroomMs must be >= 0');
    this.backgroundSpacingMs = options.backgroundSpacingMs ?? this.windowMs / this.limit;
    if (!Number.isFinite(this.backgroundSpacingMs) || this.backgroundSpacingMs < 0)
      throw new RangeError('rateLimit.backgroundSpacingMs must be >= 0');
    this.#clock = options.clock ?? systemClock;
    this.#onChange = options.onChange;
    // Storage answers null for a key never written: that is a first start, not a damaged state.
    if (options.state !== undefined && options.state !== null) this.restore(options.state);
  }

  acquire(signal?: AbortSignal, priority: Priority = 'interactive'): Promise<ReleaseSlot> {
    if (signal?.aborted) return Promise.reject(signal.reason);
    if (!isPriority(priority)) return Promise.reject(new TypeError(`Unknown priority: ${String(priority)}`));
    const queue = this.#queues[priority];
    return new Promise<ReleaseSlot>((resolve, reject) => {
      const onAbort = () => {
        const index = queue.indexOf(waiter);
        if (index >= 0) queue.splice(index, 1);
        this.#queueChanged();
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
      queue.push(waiter);
      this.#queueChanged();
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

  /** Calls waiting for a slot: of one priority, or all. */
  queueLength(priority?: Priority): number {
    const { interactive, background } = this.#queues;
    return priority === undefined ? interactive.length + background.length : this.#queues[priority].length;
  }

  /** Calls `listener` with the queues' lengths whenever a call joins or leaves them (a scan shows it lets a person go first). */
  watchQueue(listener: (waiting: Record<Priority, number>) => void): () => void {
    this.#queueListeners.add(listener);
    return () => this.#queueListeners.delete(listener);
  }

  #queueChanged(): void {
    if (this.#queueListeners.size === 0) return;
    const waiting = { interactive: this.#queues.interactive.length, background: this.#queues.background.length };
    for (const listener of this.#queueListeners) listener(waiting);
  }

  /**
   * Milliseconds until the `position`-th call (from 1) of `priority` in the queue gets its slot, by the
   * limiter's own schedule; past the end of the queue, as if more calls of that priority were queued.
   * Default: the last background call queued, so "time left" for a queued background run. The
   * assumptions are `planSlots`'s: an estimate that real round trips can only make later.
   */
  estimateWaitMs(position = this.queueLength('background'), priority: Priority = 'background'): number {
    if (position < 1) return 0;
    const now = this.#clock.now();
    const interactive = this.#queues.interactive.length;
    const counts = priority === 'interactive' ? { interactive: Math.max(position, interactive) } : { interactive, background: position };
    const plan = planSlots(this.#view(), this.#rules(), now, counts);
    return Math.max(0, (plan[priority][position - 1] ?? now) - now);
  }

  snapshot(): RateLimiterState {
    this.#prune(this.#clock.now());
    return { version: 2, stamps: [...this.#stamps], inFlight: this.#inFlight, blockedUntil: this.#blockedUntil };
  }

  /** Merges a saved state in (never forgets what this instance already knows). */
  restore(state: unknown): void {
    const saved = readLimiterState(state);
    if (!saved) throw new TypeError('Not a saved rate limiter state (expected {version: 2, stamps, inFlight, blockedUntil})');
    const now = this.#clock.now();
    // A stamp in the future means the clock moved back since it was saved: count it as now. A request
    // that was in flight ended when its worker stopped, which is no later than now; more than `limit`
    // of them would fill the window no more than `limit` do.
    const ended = Array.from({ length: Math.min(saved.inFlight, this.limit) }, () => now);
    const restored = [...saved.stamps.map((stamp) => Math.min(stamp, now)), ...ended];
    this.#stamps = [...this.#stamps, ...restored].sort((a, b) => a - b);
    this.#blockedUntil = Math.max(this.#blockedUntil, Math.min(saved.blockedUntil, now + HOUR_MS));
    this.#prune(now);
    this.#nudge();
  }

  #rules(): WindowRules {
    return { limit: this.limit, windowMs: this.windowMs, headroomMs: this.headroomMs, backgroundSpacingMs: this.backgroundSpacingMs };
  }

  #view(): WindowView {
    return {
      stamps: this.#stamps,
      inFlight: this.#inFlight,
      blockedUntil: this.#blockedUntil,
      ...(this.#lastBackgroundAt !== undefined && { lastBackgroundAt: this.#lastBackgroundAt }),
    };
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
      for (;;) {
        // A person's call is always the next to go; background calls wait behind every one of them.
        const priority: Priority | undefined =
          this.#queues.interactive.length > 0 ? 'interactive' : this.#queues.background.length > 0 ? 'background' : undefined;
        if (priority === undefined) return;
        const now = this.#clock.now();
        this.#prune(now);
        const wait = slotDelay(this.#view(), this.#rules(), now, priority);
        if (wait <= 0) {
          if (priority === 'background') this.#lastBackgroundAt = now;
          this.#grant(this.#queues[priority].shift() as Waiter);
          this.#queueChanged();
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
