import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { MAX_BACKOFF_MS, nextDelay, REFRESH_INTERVAL_MS, startRefreshLoop } from '../../../widget/data/refresh-loop';

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
    expect(nextDelay(1, 60_000, () => 0.5)).toBe(120_000);
    expect(nextDelay(2, 60_000, () => 0)).toBe(0.8 * 240_000);
    expect(nextDelay(2, 60_000, () => 1)).toBe(1.2 * 240_000);
    expect(nextDelay(20, 60_000, () => 0.5)).toBe(MAX_BACKOFF_MS);
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

  const start = (run: () => Promise<boolean>) => startRefreshLoop(run, 60_000, doc as unknown as Document);

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
