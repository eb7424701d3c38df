import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { MAX_BACKOFF_MS, nextDelay, REFRESH_INTERVAL_MS, skipAfterFailures, startRefreshLoop } from '../../../widget/browser/data/refresh-loop';

/** Just what the loop reads from a document: its visibility and the event that says it changed. */
class FakeDocument extends EventTarget {
  visibilityState: DocumentVisibilityState = 'visible';
  set(state: DocumentVisibilityState) {
    this.visibilityState = state;
    this.dispatchEvent(new Event('visibilitychange'));
  }
}

describe('nextDelay', () => {
  it('is the interval while all is well, doubling per failure (with jitter), up to the cap', () => {
    expect(nextDelay(0)).toBe(REFRESH_INTERVAL_MS);
    expect(nextDelay(1, () => 0.5)).toBeCloseTo(120_000);
    expect(nextDelay(2, () => 0)).toBeCloseTo(0.8 * 240_000);
    expect(nextDelay(2, () => 1)).toBeCloseTo(1.2 * 240_000);
    expect(nextDelay(20, () => 0.5)).toBeCloseTo(MAX_BACKOFF_MS);
  });
});

describe('startRefreshLoop', () => {
  let doc: FakeDocument;
  beforeEach(() => {
    vi.useFakeTimers();
    vi.spyOn(Math, 'random').mockReturnValue(0.5); // jitter factor 1
    doc = new FakeDocument();
  });
  afterEach(() => {
    vi.useRealTimers();
    vi.restoreAllMocks();
  });

  const start = (run: () => Promise<boolean>) => startRefreshLoop(run, doc as unknown as Document);

  it('runs at once, then every interval while visible', async () => {
    const run = vi.fn(async () => true);
    const stop = start(run);
    await vi.advanceTimersByTimeAsync(0);
    expect(run).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(59_999);
    expect(run).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(run).toHaveBeenCalledTimes(2);
    stop();
    await vi.advanceTimersByTimeAsync(600_000);
    expect(run).toHaveBeenCalledTimes(2);
  });

  it('starts the first run in a microtask (no timer task before the first request), and none when stopped before it', async () => {
    const run = vi.fn(async () => true);
    start(run);
    expect(run).not.toHaveBeenCalled(); // not during the caller's code: attributes it sets right after come first
    await Promise.resolve();
    expect(run).toHaveBeenCalledTimes(1); // no timer had to fire
    const stoppedAtOnce = vi.fn(async () => true);
    start(stoppedAtOnce)();
    await vi.advanceTimersByTimeAsync(600_000);
    expect(stoppedAtOnce).not.toHaveBeenCalled();
  });

  it('makes no request while hidden, and catches up at once when shown if one fell due', async () => {
    const run = vi.fn(async () => true);
    start(run);
    await vi.advanceTimersByTimeAsync(0);
    doc.set('hidden');
    await vi.advanceTimersByTimeAsync(10 * 60_000);
    expect(run).toHaveBeenCalledTimes(1);
    doc.set('visible');
    await vi.advanceTimersByTimeAsync(0);
    expect(run).toHaveBeenCalledTimes(2);
    // Shown again before the next one is due: it waits for its time.
    doc.set('hidden');
    await vi.advanceTimersByTimeAsync(30_000);
    doc.set('visible');
    await vi.advanceTimersByTimeAsync(29_999);
    expect(run).toHaveBeenCalledTimes(2);
    await vi.advanceTimersByTimeAsync(1);
    expect(run).toHaveBeenCalledTimes(3);
  });

  it('does not start in a hidden tab until it is shown', async () => {
    doc.visibilityState = 'hidden';
    const run = vi.fn(async () => true);
    start(run);
    await vi.advanceTimersByTimeAsync(120_000);
    expect(run).not.toHaveBeenCalled();
    doc.set('visible');
    await vi.advanceTimersByTimeAsync(0);
    expect(run).toHaveBeenCalledTimes(1);
  });

  it('backs off on failures (false or a rejection) and returns to the interval after a success', async () => {
    const outcomes = [false, false, true, true];
    const run = vi.fn(async () => {
      const ok = outcomes.shift();
      if (ok === undefined) return true;
      if (!ok && outcomes.length === 3) throw new Error('network');
      return ok;
    });
    start(run);
    await vi.advanceTimersByTimeAsync(0); // fails: next in 120 s
    await vi.advanceTimersByTimeAsync(119_999);
    expect(run).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(1); // fails again: next in 240 s
    expect(run).toHaveBeenCalledTimes(2);
    await vi.advanceTimersByTimeAsync(239_999);
    expect(run).toHaveBeenCalledTimes(2);
    await vi.advanceTimersByTimeAsync(1); // succeeds: back to 60 s
    expect(run).toHaveBeenCalledTimes(3);
    await vi.advanceTimersByTimeAsync(60_000);
    expect(run).toHaveBeenCalledTimes(4);
  });

  it('never overlaps runs, and a run that ends after stop schedules nothing', async () => {
    let finish: (ok: boolean) => void = () => {};
    const run = vi.fn(() => new Promise<boolean>((resolve) => (finish = resolve)));
    const stop = start(run);
    await vi.advanceTimersByTimeAsync(0);
    doc.set('hidden');
    doc.set('visible'); // a visibility change while running starts nothing new
    await vi.advanceTimersByTimeAsync(120_000);
    expect(run).toHaveBeenCalledTimes(1);
    stop();
    finish(true);
    await vi.advanceTimersByTimeAsync(600_000);
    expect(run).toHaveBeenCalledTimes(1);
  });
});

describe('skipAfterFailures (the config, read along with the summary)', () => {
  /** Which of `refreshes` refreshes read the source, when every read gives `ok(readNumber)`. */
  function reads(refreshes: number, ok: (read: number) => boolean): number[] {
    const turns = skipAfterFailures();
    const read: number[] = [];
    for (let refresh = 0; refresh < refreshes; refresh += 1) {
      if (!turns.due()) continue;
      turns.record(ok(read.length));
      read.push(refresh);
    }
    return read;
  }

  it('reads at every refresh while all is well', () => {
    expect(reads(5, () => true)).toEqual([0, 1, 2, 3, 4]);
  });

  it('sits out 1, 3, 7, then 9 refreshes after each failure in a row: every 10 minutes at worst', () => {
    expect(reads(50, () => false)).toEqual([0, 2, 6, 14, 24, 34, 44]);
  });

  it('is back to every refresh after a success', () => {
    expect(reads(12, (read) => read >= 2)).toEqual([0, 2, 6, 7, 8, 9, 10, 11]);
  });

  it('says it is failing from a failure until the next success, skipped refreshes included', () => {
    const turns = skipAfterFailures();
    expect(turns.failing()).toBe(false);
    turns.due();
    turns.record(false);
    expect(turns.due()).toBe(false);
    expect(turns.failing()).toBe(true);
    expect(turns.due()).toBe(true);
    turns.record(true);
    expect(turns.failing()).toBe(false);
  });
});
