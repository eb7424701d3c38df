import { beforeEach, describe, expect, it } from 'vitest';
import { browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { rateLimiterStateItem } from '../../../extension/connection/limiter-state-item';
import { dropSharedLimiter, reserveFor, resetSharedLimiter, sharedLimiter } from '../../../extension/connection/shared-limiter';
import { readLimiterState, SlidingWindowLimiter } from '../../../shared/rate-limit';

const ID = 'c0conn1';
const KEY = `org.${ID}.rateLimiter`;

/** What a restarted worker would count: the saved stamps and what was in flight (or reserved) when it was saved. */
async function countedAfterRestart(): Promise<number> {
  const restarted = new SlidingWindowLimiter({ limit: 60, windowMs: 60_000 });
  const saved = await rateLimiterStateItem(ID).getValue();
  if (saved) restarted.restore(saved);
  return restarted.snapshot().stamps.length;
}

/** Every write of the limiter's state to storage. */
function countWrites(): { writes: number } {
  const counter = { writes: 0 };
  browser.storage.onChanged.addListener((changes) => {
    if (KEY in changes) counter.writes++;
  });
  return counter;
}

beforeEach(async () => {
  await resetSharedLimiter(ID);
  fakeBrowser.reset();
});

describe('the key’s shared limiter, saved for a restarted worker', () => {
  it('has storage count every request before it goes out, so a restart never counts fewer than were made', async () => {
    // What the last save that landed counts (stamps and what was in flight or reserved), as storage reports it.
    let landed = 0;
    browser.storage.onChanged.addListener((changes) => {
      const state = readLimiterState(changes[KEY]?.newValue);
      if (state) landed = state.stamps.length + state.inFlight;
    });
    const limiter = await sharedLimiter(ID);
    const releases = [];
    for (let made = 1; made <= 30; made++) {
      releases.push(await limiter.acquire());
      // Checked the moment the slot is given, before the request could be sent; ended or not (every third ends at once).
      expect(landed).toBeGreaterThanOrEqual(made);
      if (made % 3 === 0) releases.shift()?.();
    }
    expect(await countedAfterRestart()).toBeGreaterThanOrEqual(30);
    // Reserved slots are all a crash can cost: never more than one reservation above what was made.
    expect(await countedAfterRestart()).toBeLessThanOrEqual(30 + reserveFor(60));
  });

  it('writes its state about once per half reservation, not twice per request', async () => {
    const limiter = await sharedLimiter(ID);
    const writes = countWrites();
    for (let made = 0; made < 40; made++) (await limiter.acquire())();
    expect(writes.writes).toBeGreaterThan(0);
    expect(writes.writes).toBeLessThanOrEqual(Math.ceil(40 / (reserveFor(60) / 2)) + 1);
  });

  it('saves the exact state once the key is idle: a worker stopped then loses no slot', async () => {
    const limiter = await sharedLimiter(ID);
    for (let made = 0; made < 3; made++) (await limiter.acquire())();
    expect(await countedAfterRestart()).toBeGreaterThan(3); // reserved ahead while busy
    await expect.poll(async () => readLimiterState(await rateLimiterStateItem(ID).getValue()), { timeout: 3_000 }).toMatchObject({ inFlight: 0 });
    expect(readLimiterState(await rateLimiterStateItem(ID).getValue())?.stamps).toHaveLength(3);
    expect(await countedAfterRestart()).toBe(3);
  });

  it('saves at once when the server asks to wait, and a restarted limiter waits too', async () => {
    const limiter = await sharedLimiter(ID);
    const until = Date.now() + 30_000;
    limiter.pauseUntil(until);
    await expect.poll(async () => readLimiterState(await rateLimiterStateItem(ID).getValue())?.blockedUntil).toBe(until);
    const restarted = new SlidingWindowLimiter({ limit: 60, windowMs: 60_000, state: await rateLimiterStateItem(ID).getValue() });
    expect(restarted.snapshot().blockedUntil).toBe(until);
  });

  it('stops saving once reset for a new key', async () => {
    const limiter = await sharedLimiter(ID);
    (await limiter.acquire())();
    await resetSharedLimiter(ID);
    await new Promise((resolve) => setTimeout(resolve, 1_200)); // past the idle save the old key's limiter had planned
    expect(await rateLimiterStateItem(ID).getValue()).toBeNull();
  });

  it('once its state is removed from elsewhere (a removed connection, a reset), its planned idle save writes nothing back', async () => {
    const limiter = await sharedLimiter(ID);
    (await limiter.acquire())();
    await expect.poll(async () => await rateLimiterStateItem(ID).getValue()).not.toBeNull(); // the save ahead landed
    await rateLimiterStateItem(ID).removeValue();
    dropSharedLimiter(ID); // as the background does on seeing the removal
    await new Promise((resolve) => setTimeout(resolve, 1_200)); // past the idle save it had planned
    expect(await rateLimiterStateItem(ID).getValue()).toBeNull();
  });
});
