import { describe, expect, it } from 'vitest';
import { planSlots, SlidingWindowLimiter, slotDelay, type Priority, type RateLimiterState } from '../../../shared/rate-limit';
import { FakeClock, settle } from './fake-clock';

const LIMIT = 5;
const WINDOW_MS = 1000;
/** 40 calls at 5 per 1000 ms: 5 at once, then 5 more each time the window moves on, the last at 7 s. */
const FLOOR_MS = (Math.ceil(40 / LIMIT) - 1) * WINDOW_MS;

/** An instant request: takes a slot, notes when, gives it back. */
async function instant(limiter: SlidingWindowLimiter, clock: FakeClock, starts: number[], priority: Priority, signal?: AbortSignal) {
  const release = await limiter.acquire(signal, priority);
  starts.push(clock.now());
  release();
}

/** The most starts in any half-open window [t, t + windowMs). */
function busiestWindow(starts: number[], windowMs: number): number {
  return Math.max(0, ...starts.map((start) => starts.filter((t) => t >= start && t < start + windowMs).length));
}

describe('priorities', () => {
  it('an interactive call takes the next free slot, ahead of every queued background call; background stays FIFO', async () => {
    const clock = new FakeClock();
    const limiter = new SlidingWindowLimiter({ limit: 1, windowMs: 1000, clock });
    const order: string[] = [];
    const call = async (name: string, priority: Priority) => {
      const release = await limiter.acquire(undefined, priority);
      order.push(name);
      release();
    };
    const all = [call('b1', 'background'), call('b2', 'background'), call('b3', 'background')];
    await settle(); // b1 has gone; b2 and b3 wait
    all.push(call('i1', 'interactive'), call('b4', 'background'), call('i2', 'interactive'));
    await clock.runAll();
    await Promise.all(all);
    expect(order).toEqual(['b1', 'i1', 'i2', 'b2', 'b3', 'b4']);
  });

  it(`at ${LIMIT} per ${WINDOW_MS} ms with 40 background calls queued, a call made mid-way goes within the next free slot, and the run stays within 15% of the floor`, async () => {
    const clock = new FakeClock();
    const t0 = clock.now();
    const limiter = new SlidingWindowLimiter({ limit: LIMIT, windowMs: WINDOW_MS, clock });
    const background: number[] = [];
    const run = Promise.all(Array.from({ length: 40 }, () => instant(limiter, clock, background, 'background')));
    await clock.advance(3500); // mid-way through the run
    const askedAt = clock.now();
    const interactive: number[] = [];
    const person = instant(limiter, clock, interactive, 'interactive');
    await clock.runAll();
    await Promise.all([run, person]);

    const delay = interactive[0]! - askedAt;
    const runMs = Math.max(...background) - t0;
    expect(delay).toBeLessThanOrEqual(limiter.headroomMs); // 200 ms: the "next free slot" at this rate
    expect(delay).toBeLessThan(1500);
    expect(delay).toBe(100);
    expect(runMs).toBeLessThanOrEqual(FLOOR_MS * 1.15);
    expect(runMs).toBe(8000); // 14.3% over the 7,000 ms floor of 40 calls; exactly the floor of the 41 that went
    expect(background).toHaveLength(40);
    expect(busiestWindow([...background, ...interactive], WINDOW_MS)).toBe(LIMIT);
  });

  it('without a person, the background run is 11% over the floor (it leaves people a slot while the window is fresh)', async () => {
    const clock = new FakeClock();
    const t0 = clock.now();
    const limiter = new SlidingWindowLimiter({ limit: LIMIT, windowMs: WINDOW_MS, clock });
    const starts: number[] = [];
    const run = Promise.all(Array.from({ length: 40 }, () => instant(limiter, clock, starts, 'background')));
    await clock.runAll();
    await run;
    expect(Math.max(...starts) - t0).toBe(7800);
    expect(busiestWindow(starts, WINDOW_MS)).toBe(LIMIT);
  });

  it('at any moment of a background run, a person gets a slot within headroomMs', async () => {
    for (let at = 0; at <= 8000; at += 50) {
      const clock = new FakeClock();
      const limiter = new SlidingWindowLimiter({ limit: LIMIT, windowMs: WINDOW_MS, clock });
      const starts: number[] = [];
      const run = Promise.all(Array.from({ length: 40 }, () => instant(limiter, clock, starts, 'background')));
      await clock.advance(at);
      const askedAt = clock.now();
      const person: number[] = [];
      const call = instant(limiter, clock, person, 'interactive');
      await clock.runAll();
      await Promise.all([run, call]);
      expect(person[0]! - askedAt, `asked at +${at} ms`).toBeLessThanOrEqual(200);
    }
  });

  it('headroomMs: 0 keeps the last slot of every window for people outright', async () => {
    const clock = new FakeClock();
    const limiter = new SlidingWindowLimiter({ limit: LIMIT, windowMs: WINDOW_MS, headroomMs: 0, clock });
    const starts: number[] = [];
    const run = Promise.all(Array.from({ length: 20 }, () => instant(limiter, clock, starts, 'background')));
    await clock.advance(1500);
    const person: number[] = [];
    const askedAt = clock.now();
    await instant(limiter, clock, person, 'interactive');
    expect(person).toEqual([askedAt]); // at once
    await clock.runAll();
    await run;
    expect(busiestWindow(starts, WINDOW_MS)).toBe(LIMIT - 1);
  });

  it('with a limit of 1 there is nothing to keep back: background calls still go', async () => {
    const clock = new FakeClock();
    const t0 = clock.now();
    const limiter = new SlidingWindowLimiter({ limit: 1, windowMs: 1000, clock });
    const starts: number[] = [];
    const run = Promise.all([1, 2, 3].map(() => instant(limiter, clock, starts, 'background')));
    await clock.runAll();
    await run;
    expect(starts).toEqual([t0, t0 + 1000, t0 + 2000]);
  });

  it('a background call that is aborted leaves its queue; the others keep their turns', async () => {
    const clock = new FakeClock();
    const limiter = new SlidingWindowLimiter({ limit: 1, windowMs: 1000, clock });
    const starts: number[] = [];
    await instant(limiter, clock, starts, 'background');
    const controller = new AbortController();
    const cancelled = instant(limiter, clock, starts, 'background', controller.signal);
    const next = instant(limiter, clock, starts, 'background');
    expect(limiter.queueLength('background')).toBe(2);
    controller.abort(new Error('scan stopped'));
    await expect(cancelled).rejects.toThrow('scan stopped');
    expect(limiter.queueLength()).toBe(1);
    await clock.runAll();
    await next;
    expect(starts[1]! - starts[0]!).toBe(1000);
  });

  it('refuses a priority it does not know', async () => {
    const limiter = new SlidingWindowLimiter({ clock: new FakeClock() });
    await expect(limiter.acquire(undefined, 'urgent' as Priority)).rejects.toThrow(/Unknown priority/);
  });
});

describe('after a restart (the limiter restored from snapshot())', () => {
  it('a person finds a slot within headroomMs, whenever during a background run the worker stopped', async () => {
    for (let at = 0; at <= 8000; at += 100) {
      const clock = new FakeClock();
      const before = new SlidingWindowLimiter({ limit: LIMIT, windowMs: WINDOW_MS, clock });
      const starts: number[] = [];
      // The run's promises die with the worker: they are never awaited.
      void Promise.all(Array.from({ length: 40 }, () => instant(before, clock, starts, 'background')));
      await clock.advance(at);
      const saved = JSON.parse(JSON.stringify(before.snapshot())) as RateLimiterState;

      const after = new SlidingWindowLimiter({ limit: LIMIT, windowMs: WINDOW_MS, clock: clock, state: saved });
      const rerun = Promise.all(Array.from({ length: 10 }, () => instant(after, clock, [], 'background'))); // the scan starts again
      const askedAt = clock.now();
      const person: number[] = [];
      const call = instant(after, clock, person, 'interactive');
      await clock.advance(WINDOW_MS);
      await call;
      expect(person[0]! - askedAt, `stopped at +${at} ms`).toBeLessThanOrEqual(200);
      await clock.runAll();
      await rerun;
    }
  });

  it('counts no more requests in flight than the limit (a damaged count cannot eat memory)', () => {
    const clock = new FakeClock();
    const limiter = new SlidingWindowLimiter({ limit: 3, windowMs: 1000, clock, state: { version: 2, stamps: [], inFlight: 1e9, blockedUntil: 0 } });
    expect(limiter.snapshot().stamps).toEqual([clock.now(), clock.now(), clock.now()]);
  });

  it('a version 1 state (saved before priorities) is still restored', async () => {
    const clock = new FakeClock();
    const t0 = clock.now();
    const v1 = { version: 1, stamps: [t0 - 500, t0 - 400, t0 - 300], blockedUntil: t0 + 2000 };
    const limiter = new SlidingWindowLimiter({ limit: 3, windowMs: 1000, clock, state: v1 });
    expect(limiter.snapshot()).toEqual({ version: 2, stamps: v1.stamps, inFlight: 0, blockedUntil: t0 + 2000 });
    const starts: number[] = [];
    const next = instant(limiter, clock, starts, 'interactive');
    await clock.runAll();
    await next;
    expect(starts).toEqual([t0 + 2000]); // its pause still holds
  });
});

describe('estimates for a progress bar', () => {
  it('estimateWaitMs follows the real schedule of a queued background run', async () => {
    const clock = new FakeClock();
    const t0 = clock.now();
    const limiter = new SlidingWindowLimiter({ limit: LIMIT, windowMs: WINDOW_MS, clock });
    const starts: number[] = [];
    const run = Promise.all(Array.from({ length: 40 }, () => instant(limiter, clock, starts, 'background')));
    await settle();
    // Background calls go at the key's pace (one every windowMs / limit), so all but the first wait in the queue.
    const queued = limiter.queueLength('background');
    expect(queued).toBe(39);
    const left = limiter.estimateWaitMs(); // the last one queued
    const each = Array.from({ length: queued }, (_, i) => limiter.estimateWaitMs(i + 1));
    await clock.runAll();
    await run;
    expect(t0 + left).toBe(Math.max(...starts));
    expect(each.map((ms) => t0 + ms)).toEqual(starts.slice(40 - queued));
    expect(limiter.estimateWaitMs()).toBe(0); // nothing queued
  });

  it('counts the interactive calls that will go first, and a pause', async () => {
    const clock = new FakeClock();
    const t0 = clock.now();
    const limiter = new SlidingWindowLimiter({ limit: 2, windowMs: 1000, headroomMs: 0, clock });
    limiter.pauseUntil(t0 + 5000);
    const starts: number[] = [];
    const calls = [
      instant(limiter, clock, starts, 'background'),
      instant(limiter, clock, starts, 'interactive'),
      instant(limiter, clock, starts, 'interactive'),
    ];
    await settle();
    // Both people go when the pause ends; the background call waits until one slot is free again.
    expect(limiter.estimateWaitMs(1, 'interactive')).toBe(5000);
    expect(limiter.estimateWaitMs(1, 'background')).toBe(6000);
    expect(limiter.estimateWaitMs(3, 'background')).toBe(8000); // two more background calls, if queued now
    await clock.runAll();
    await Promise.all(calls);
    expect(starts).toEqual([t0 + 5000, t0 + 5000, t0 + 6000]);
  });

  it('planSlots and slotDelay are pure: same view, same answer', () => {
    const rules = { limit: 3, windowMs: 1000, headroomMs: 100 };
    const view = { stamps: [0, 100, 200], inFlight: 0, blockedUntil: 0 };
    expect(slotDelay(view, rules, 500, 'interactive')).toBe(500); // when 0 leaves the window
    expect(slotDelay(view, rules, 500, 'background')).toBe(500); // at 1000 only the last slot is left, and 100 leaves it at 1100
    expect(slotDelay({ ...view, stamps: [], inFlight: 3 }, rules, 500, 'interactive')).toBe(Infinity);
    expect(planSlots(view, rules, 500, { interactive: 1, background: 3 })).toEqual({ interactive: [1000], background: [1100, 1900, 2000] });
    expect(view.stamps).toEqual([0, 100, 200]);
  });
});
