import type { Clock } from '../../../shared/rate-limit';

interface Timer {
  at: number;
  order: number;
  fire: () => void;
}

/** Lets every pending promise callback run: a few macrotask turns drain chains of microtasks and body reads. */
export async function settle(turns = 5): Promise<void> {
  for (let i = 0; i < turns; i++) await new Promise((resolve) => setImmediate(resolve));
}

/**
 * A clock that moves only when the test says so. `sleep` timers fire in time order as `advance` or
 * `runAll` moves the clock past them; an aborted sleep rejects at once and leaves no timer behind.
 */
export class FakeClock implements Clock {
  #now: number;
  #timers: Timer[] = [];
  #order = 0;

  constructor(start = Date.UTC(2025, 0, 15, 12, 0, 0)) {
    this.#now = start;
  }

  now(): number {
    return this.#now;
  }

  get pendingTimers(): number {
    return this.#timers.length;
  }

  sleep(ms: number, signal?: AbortSignal): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      if (signal?.aborted) return reject(signal.reason);
      const timer: Timer = {
        at: this.#now + Math.max(0, ms),
        order: this.#order++,
        fire: () => {
          signal?.removeEventListener('abort', onAbort);
          resolve();
        },
      };
      const onAbort = () => {
        this.#timers = this.#timers.filter((t) => t !== timer);
        reject(signal?.reason);
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      this.#timers.push(timer);
    });
  }

  /** Moves the clock forward by `ms`, firing (and settling after) each timer that falls due on the way. */
  async advance(ms: number): Promise<void> {
    const target = this.#now + ms;
    await settle();
    for (let next = this.#next(); next && next.at <= target; next = this.#next()) await this.#fire(next);
    this.#now = target;
    await settle();
  }

  /** Fires timers in order until none are left (or `maxTimers`, against a loop that never ends). */
  async runAll(maxTimers = 100_000): Promise<void> {
    await settle();
    for (let fired = 0, next = this.#next(); next; next = this.#next()) {
      if (++fired > maxTimers) throw new Error(`FakeClock.runAll: more than ${maxTimers} timers`);
      await this.#fire(next);
    }
  }

  #next(): Timer | undefined {
    return [...this.#timers].sort((a, b) => a.at - b.at || a.order - b.order)[0];
  }

  async #fire(timer: Timer): Promise<void> {
    this.#timers = this.#timers.filter((t) => t !== timer);
    this.#now = Math.max(this.#now, timer.at);
    timer.fire();
    await settle();
  }
}
