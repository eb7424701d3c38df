import { describe, expect, it } from 'vitest';
import { SlidingWindowLimiter, type RateLimiterState } from '../../../shared/rate-limit';
import { FakeClock, settle } from './fake-clock';

/** Takes a slot and gives it back at once (an instant request), noting when it started. */
async function instantRequest(limiter: SlidingWindowLimiter, clock: FakeClock, starts: number[], signal?: AbortSignal) {
  const release = await limiter.acquire(signal);
  starts.push(clock.now());
  release();
}

/** The most starts that fall in any half-open window [t, t + windowMs). */
function busiestWindow(starts: number[], windowMs: number): number {
  const sorted = [...starts].sort((a, b) => a - b);
  let most = 0;
  for (let i = 0, j = 0; i < sorted.length; i++) {
    while ((sorted[j] ?? Infinity) < (sorted[i] ?? 0) + windowMs) j++;
    most = Math.max(most, j - i);
  }
  return most;
}

describe('SlidingWindowLimiter', () => {
  it('lets 200 requests through at 60 per 60 s: never more in any window, done at 180 s', async () => {
    const clock = new FakeClock();
    const t0 = clock.now();
    const limiter = new SlidingWindowLimiter({ limit: 60, windowMs: 60_000, clock });
    const starts: number[] = [];
    const all = Promise.all(Array.from({ length: 200 }, () => instantRequest(limiter, clock, starts)));
    await clock.runAll();
    await all;

    expect(starts).toHaveLength(200);
    expect(busiestWindow(starts, 60_000)).toBe(60);
    // (ceil(200 / 60) - 1) * 60 s: each batch goes the moment the previous one leaves the window.
    expect(Math.max(...starts) - t0).toBe((Math.ceil(200 / 60) - 1) * 60_000);
    expect(starts.filter((t) => t === t0 + 60_000)).toHaveLength(60);
  });

  it('serves waiters first come, first served', async () => {
    const clock = new FakeClock();
    const limiter = new SlidingWindowLimiter({ limit: 1, windowMs: 1000, clock });
    const order: number[] = [];
    const all = Promise.all(
      [1, 2, 3, 4].map(async (n) => {
        const release = await limiter.acquire();
        order.push(n);
        release();
      }),
    );
    await clock.runAll();
    await all;
    expect(order).toEqual([1, 2, 3, 4]);
  });

  it('keeps a slot taken while the request is in flight and stamps it when it ends', async () => {
    const clock = new FakeClock();
    const t0 = clock.now();
    const limiter = new SlidingWindowLimiter({ limit: 1, windowMs: 1000, clock });
    const release = await limiter.acquire();
    let secondAt: number | undefined;
    const second = limiter.acquire().then((r) => {
      secondAt = clock.now();
      r();
    });
    await clock.advance(5000); // the first request is slow: nothing may go meanwhile
    expect(secondAt).toBeUndefined();
    release(); // ends at t0 + 5000: the server has surely seen it by now
    await clock.runAll();
    await second;
    expect(secondAt).toBe(t0 + 6000);
  });

  it('drops an aborted waiter from the queue, rejecting with the signal reason', async () => {
    const clock = new FakeClock();
    const limiter = new SlidingWindowLimiter({ limit: 1, windowMs: 1000, clock });
    const starts: number[] = [];
    await instantRequest(limiter, clock, starts);
    const controller = new AbortController();
    const cancelled = instantRequest(limiter, clock, starts, controller.signal);
    const next = instantRequest(limiter, clock, starts);
    controller.abort(new Error('user closed the popup'));
    await expect(cancelled).rejects.toThrow('user closed the popup');
    await clock.runAll();
    await next;
    expect(starts).toHaveLength(2);
    expect(starts[1]! - starts[0]!).toBe(1000); // the next one took the freed turn, not a later one
  });

  it('rejects at once when the signal is already aborted', async () => {
    const limiter = new SlidingWindowLimiter({ clock: new FakeClock() });
    await expect(limiter.acquire(AbortSignal.abort(new Error('gone')))).rejects.toThrow('gone');
  });

  it('holds every waiter until a pause (a 429) is over', async () => {
    const clock = new FakeClock();
    const t0 = clock.now();
    const limiter = new SlidingWindowLimiter({ limit: 10, windowMs: 1000, clock });
    const starts: number[] = [];
    limiter.pauseUntil(t0 + 30_000);
    const all = Promise.all([1, 2, 3].map(() => instantRequest(limiter, clock, starts)));
    await clock.runAll();
    await all;
    expect(starts).toEqual([t0 + 30_000, t0 + 30_000, t0 + 30_000]);
  });

  it('a pause that comes while the pump sleeps still holds the queue', async () => {
    const clock = new FakeClock();
    const t0 = clock.now();
    const limiter = new SlidingWindowLimiter({ limit: 1, windowMs: 1000, clock });
    const starts: number[] = [];
    await instantRequest(limiter, clock, starts);
    const waiting = instantRequest(limiter, clock, starts); // due at t0 + 1000
    await clock.advance(500);
    limiter.pauseUntil(t0 + 10_000);
    await clock.runAll();
    await waiting;
    expect(starts[1]).toBe(t0 + 10_000);
  });

  it('caps a pause at an hour', async () => {
    const clock = new FakeClock();
    const limiter = new SlidingWindowLimiter({ clock });
    limiter.pauseUntil(clock.now() + 7 * 24 * 3_600_000);
    expect(limiter.snapshot().blockedUntil).toBe(clock.now() + 3_600_000);
  });

  it('saves its state as plain JSON, and a new limiter restored from it waits its turn', async () => {
    const clock = new FakeClock();
    const t0 = clock.now();
    const first = new SlidingWindowLimiter({ limit: 3, windowMs: 60_000, clock });
    const starts: number[] = [];
    for (let i = 0; i < 3; i++) await instantRequest(first, clock, starts);
    const saved = JSON.parse(JSON.stringify(first.snapshot())) as RateLimiterState;
    expect(saved).toEqual({ version: 2, stamps: [t0, t0, t0], inFlight: 0, blockedUntil: 0 });

    await clock.advance(10_000); // the service worker was stopped and started again
    const second = new SlidingWindowLimiter({ limit: 3, windowMs: 60_000, clock, state: saved });
    const later: number[] = [];
    const next = instantRequest(second, clock, later);
    await clock.runAll();
    await next;
    expect(later).toEqual([t0 + 60_000]);
  });

  it('saves a request still in flight apart, and a restored limiter counts it as ending at the restore', async () => {
    const clock = new FakeClock();
    const limiter = new SlidingWindowLimiter({ limit: 1, windowMs: 60_000, clock });
    await limiter.acquire();
    await clock.advance(2000);
    const saved = limiter.snapshot();
    expect(saved).toEqual({ version: 2, stamps: [], inFlight: 1, blockedUntil: 0 });
    await clock.advance(30_000); // the worker died mid-request; the server may have seen it as late as now
    const restoredAt = clock.now();
    const restarted = new SlidingWindowLimiter({ limit: 1, windowMs: 60_000, clock, state: saved });
    expect(restarted.snapshot().stamps).toEqual([restoredAt]);
    const starts: number[] = [];
    const next = instantRequest(restarted, clock, starts);
    await clock.runAll();
    await next;
    expect(starts).toEqual([restoredAt + 60_000]);
  });

  it('reports each change to onChange, so the state can be saved as it happens', async () => {
    const clock = new FakeClock();
    const seen: RateLimiterState[] = [];
    const limiter = new SlidingWindowLimiter({ clock, onChange: (state) => seen.push(state) });
    const release = await limiter.acquire();
    release();
    limiter.pauseUntil(clock.now() + 5000);
    expect(seen.map((s) => [s.stamps.length, s.inFlight])).toEqual([
      [0, 1],
      [1, 0],
      [1, 0],
    ]);
    expect(seen.at(-1)?.blockedUntil).toBe(clock.now() + 5000);
  });

  it('starts empty from a state never saved (storage gives null)', () => {
    const clock = new FakeClock();
    expect(new SlidingWindowLimiter({ clock, state: null }).snapshot()).toEqual({ version: 2, stamps: [], inFlight: 0, blockedUntil: 0 });
  });

  it('refuses a damaged saved state with a clear error', () => {
    expect(() => new SlidingWindowLimiter({ state: { version: 2 } })).toThrow(/saved rate limiter state/);
    expect(() => new SlidingWindowLimiter({ state: { version: 3, stamps: [], inFlight: 0, blockedUntil: 0 } })).toThrow(/saved rate limiter state/);
    const limiter = new SlidingWindowLimiter({ clock: new FakeClock() });
    expect(() => limiter.restore({ version: 1, stamps: ['yesterday'], blockedUntil: 0 })).toThrow(/saved rate limiter state/);
    expect(() => limiter.restore(null)).toThrow(/saved rate limiter state/);
  });

  it('reads a stamp from the future (the clock went back) as now', async () => {
    const clock = new FakeClock();
    const t0 = clock.now();
    const limiter = new SlidingWindowLimiter({ limit: 1, windowMs: 1000, clock });
    limiter.restore({ version: 1, stamps: [t0 + 86_400_000], blockedUntil: 0 });
    const starts: number[] = [];
    const next = instantRequest(limiter, clock, starts);
    await clock.runAll();
    await next;
    expect(starts).toEqual([t0 + 1000]); // not a day later
  });

  it('rejects a limit or window that makes no sense', () => {
    expect(() => new SlidingWindowLimiter({ limit: 0 })).toThrow(RangeError);
    expect(() => new SlidingWindowLimiter({ limit: 1.5 })).toThrow(RangeError);
    expect(() => new SlidingWindowLimiter({ windowMs: -1 })).toThrow(RangeError);
  });

  it('leaves no timer behind once the queue is empty', async () => {
    const clock = new FakeClock();
    const limiter = new SlidingWindowLimiter({ limit: 1, windowMs: 1000, clock });
    const starts: number[] = [];
    await instantRequest(limiter, clock, starts);
    const controller = new AbortController();
    const cancelled = instantRequest(limiter, clock, starts, controller.signal).catch(() => 'aborted');
    await settle();
    expect(clock.pendingTimers).toBe(1);
    controller.abort();
    expect(await cancelled).toBe('aborted');
    await settle();
    expect(clock.pendingTimers).toBe(0);
  });
});
