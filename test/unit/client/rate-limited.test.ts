import { describe, expect, it } from 'vitest';
import { AbortedError, clockTime, createStatuspageClient, RateLimitedError } from '../../../shared/client';
import { SlidingWindowLimiter } from '../../../shared/rate-limit';
import { FakeClock, settle } from '../rate-limit/fake-clock';
import { makeClient } from './make-client';
import { API_KEY, BASE_URL, json, scriptedFetch, text } from './scripted-fetch';

/** Answers 429 (with `retryAfter`) `times` times, then 200. */
function tooManyThenOk(times: number, retryAfter: string | undefined, status = 429) {
  let left = times;
  return () => {
    if (left-- > 0) return text('{"error":"Rate limit exceeded"}', status, retryAfter === undefined ? {} : { 'Retry-After': retryAfter });
    return json([]);
  };
}

describe('420 / 429', () => {
  it('waits Retry-After, then retries and succeeds', async () => {
    const { client, fetch, clock } = makeClient(tooManyThenOk(1, '12'));
    const t0 = clock.now();
    const call = client.listPages();
    await clock.runAll();
    await expect(call).resolves.toEqual([]);
    expect(fetch.sent).toHaveLength(2);
    expect(clock.now() - t0).toBe(12_000);
  });

  it('treats 420 like 429', async () => {
    const { client, fetch, clock } = makeClient(tooManyThenOk(2, '3', 420));
    const call = client.listPages();
    await clock.runAll();
    await expect(call).resolves.toEqual([]);
    expect(fetch.sent).toHaveLength(3);
  });

  it('waits 60 s when Retry-After is missing or garbage', async () => {
    for (const header of [undefined, 'whenever']) {
      const { client, clock } = makeClient(tooManyThenOk(1, header));
      const t0 = clock.now();
      const call = client.listPages();
      await clock.runAll();
      await call;
      expect(clock.now() - t0, String(header)).toBe(60_000);
    }
  });

  it('gives up after maxRetries with a RateLimitedError that says when to try again', async () => {
    const { client, fetch, clock } = makeClient(tooManyThenOk(99, '5'), { maxRetries: 2 });
    const t0 = clock.now();
    const call = client.listPages().catch((e: unknown) => e);
    await clock.runAll();
    const error = (await call) as RateLimitedError;
    expect(error).toBeInstanceOf(RateLimitedError);
    expect(fetch.sent).toHaveLength(3);
    expect(error.status).toBe(429);
    expect(error.retryAfterMs).toBe(5_000);
    expect(error.retryAt.getTime()).toBe(t0 + 10_000 + 5_000);
    expect(error.message).toBe(`Too many requests: try again after ${clockTime(error.retryAt)} (429)`);
    expect(error.serverMessage).toBe('Rate limit exceeded');
  });

  it('does not sit out a long Retry-After inside the call: it fails at once with retryAt', async () => {
    const { client, fetch, clock } = makeClient(tooManyThenOk(1, '900'));
    const t0 = clock.now();
    const error = (await client.listPages().catch((e: unknown) => e)) as RateLimitedError;
    expect(error).toBeInstanceOf(RateLimitedError);
    expect(error.retryAt.getTime()).toBe(t0 + 900_000);
    expect(fetch.sent).toHaveLength(1);
  });

  it('holds every other call on the same limiter until Retry-After has passed', async () => {
    const clock = new FakeClock();
    const t0 = clock.now();
    const limiter = new SlidingWindowLimiter({ clock });
    const sentAt: number[] = [];
    const fetch = scriptedFetch(() => {
      sentAt.push(clock.now());
      return sentAt.length === 1 ? text('', 429, { 'Retry-After': '20' }) : json([]);
    });
    // Two clients, one key, one limiter (as two parts of the extension would share it).
    const a = createStatuspageClient({ apiKey: API_KEY, baseUrl: BASE_URL, fetch, clock, rateLimit: limiter });
    const b = createStatuspageClient({ apiKey: API_KEY, baseUrl: BASE_URL, fetch, clock, rateLimit: limiter });
    const first = a.listPages();
    await settle(); // a has its 429 now
    const others = [b.listPages(), b.listUsers('org1')];
    await clock.runAll();
    await Promise.all([first, ...others]);
    expect(sentAt).toEqual([t0, t0 + 20_000, t0 + 20_000, t0 + 20_000]);
  });

  it('can be cancelled while it waits to retry', async () => {
    const { client, fetch, clock } = makeClient(tooManyThenOk(1, '30'));
    const controller = new AbortController();
    const call = client.listPages({ signal: controller.signal }).catch((e: unknown) => e);
    await clock.advance(10_000);
    controller.abort();
    expect(await call).toBeInstanceOf(AbortedError);
    await clock.runAll();
    expect(fetch.sent).toHaveLength(1);
  });
});
