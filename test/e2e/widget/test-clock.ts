// A movable clock for the widget's refresh in a real page: Date.now stands still and long timers are parked on a
// clock the test moves (Playwright's own clock would be installed on the whole shared context); short timers run
// as usual. Add `installTestClock` as an init script before the widget runs.
import { expect, type Page } from '@playwright/test';

export interface TestClock {
  /** Moves time forward, firing the parked timers that fall due, in order. */
  advance(ms: number): void;
  /** How far off each parked timer is, in ms. */
  pending(): number[];
}

/** Runs in the page before the widget: Date.now and every timer of a second or more follow a movable clock. */
export function installTestClock(): void {
  const start = Date.now();
  const realSetTimeout = window.setTimeout.bind(window);
  const realClearTimeout = window.clearTimeout.bind(window);
  const parked = new Map<number, { due: number; fire: () => void }>();
  let offset = 0;
  let nextId = 1_000_000_000;
  Date.now = () => start + offset;
  window.setTimeout = ((handler: TimerHandler, ms = 0, ...args: unknown[]) => {
    if (typeof handler !== 'function' || ms < 1000) return realSetTimeout(handler, ms, ...args);
    const id = nextId++;
    parked.set(id, { due: Date.now() + ms, fire: () => handler(...args) });
    return id;
  }) as typeof window.setTimeout;
  window.clearTimeout = ((id?: number) => {
    if (id === undefined || !parked.delete(id)) realClearTimeout(id);
  }) as typeof window.clearTimeout;
  const clock: TestClock = {
    advance(ms) {
      offset += ms;
      const due = [...parked].filter(([, timer]) => timer.due <= Date.now()).sort(([, a], [, b]) => a.due - b.due);
      for (const [id, timer] of due) {
        parked.delete(id);
        timer.fire();
      }
    },
    pending: () => [...parked.values()].map((timer) => timer.due - Date.now()),
  };
  (window as unknown as { testClock: TestClock }).testClock = clock;
}

export const advance = (page: Page, ms: number) => page.evaluate((by) => (window as unknown as { testClock: TestClock }).testClock.advance(by), ms);
export const pending = (page: Page) => page.evaluate(() => (window as unknown as { testClock: TestClock }).testClock.pending());
/** The one refresh timer the widget has parked, once it has (after a fetch it takes a moment). */
export const nextRefreshIn = async (page: Page): Promise<number> => {
  await expect.poll(() => pending(page).then((timers) => timers.length)).toBe(1);
  return (await pending(page))[0]!;
};
