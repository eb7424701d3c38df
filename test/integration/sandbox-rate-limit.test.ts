import { afterEach, describe, expect, it } from 'vitest';
import { resolveSandboxConfig, SECOND_ORGANIZATION, startSandbox, type RunningSandbox } from '../../sandbox';

// Per-key rolling window: `limit` accepted requests per `windowMs`; refusals (429, or 420 when so set)
// carry Retry-After in whole seconds and do not count toward the window.

const running: RunningSandbox[] = [];
afterEach(async () => {
  await Promise.all(running.splice(0).map((sandbox) => sandbox.close()));
});

async function start(options: Parameters<typeof startSandbox>[0]) {
  const sandbox = await startSandbox({ port: 0, ...options });
  running.push(sandbox);
  return sandbox;
}

const get = (sandbox: RunningSandbox, key = sandbox.apiKey) => fetch(`${sandbox.apiBaseUrl}/pages`, { headers: { authorization: `OAuth ${key}` } });

/** The sandbox's clock, moved by the test: windows and Retry-After are exact however slow the machine. */
function testClock() {
  let now = Date.UTC(2026, 4, 12, 12, 0, 0);
  return { now: () => new Date(now), advance: (ms: number) => (now += ms) };
}

describe('rate limit', () => {
  it('refuses the request past the limit with 429, Retry-After and a message', async () => {
    const clock = testClock();
    const sandbox = await start({ rateLimit: { limit: 3, windowMs: 2500 }, now: clock.now });
    for (let i = 0; i < 3; i++) expect((await get(sandbox)).status).toBe(200);
    clock.advance(100);
    const refused = await get(sandbox);
    expect(refused.status).toBe(429);
    expect(refused.headers.get('retry-after')).toBe('3'); // 2.4 s until the first request leaves the window, rounded up
    expect(((await refused.json()) as { message: string }).message).toMatch(/Rate limit exceeded: at most 3 requests per 2\.5 seconds/);
    expect(sandbox.requests().map((entry) => entry.status)).toEqual([200, 200, 200, 429]);
  });

  it('answers 420 when so set', async () => {
    const sandbox = await start({ rateLimit: { limit: 1, windowMs: 1000, status: 420 } });
    expect((await get(sandbox)).status).toBe(200);
    const refused = await get(sandbox);
    expect(refused.status).toBe(420);
    expect(refused.headers.get('retry-after')).toBe('1');
  });

  it('does not count refused requests: the window frees up on time however often the client retried', async () => {
    const clock = testClock();
    const sandbox = await start({ rateLimit: { limit: 2, windowMs: 600 }, now: clock.now });
    expect((await get(sandbox)).status).toBe(200);
    expect((await get(sandbox)).status).toBe(200);
    for (let i = 0; i < 5; i++) {
      clock.advance(100);
      expect((await get(sandbox)).status).toBe(429);
    }
    clock.advance(100); // 600 ms after the two accepted requests: both have left the window
    expect((await get(sandbox)).status).toBe(200);
    expect((await get(sandbox)).status).toBe(200);
    expect((await get(sandbox)).status).toBe(429);
  });

  it('is a rolling window: a slot frees when the oldest accepted request leaves it', async () => {
    const clock = testClock();
    const sandbox = await start({ rateLimit: { limit: 2, windowMs: 1000 }, now: clock.now });
    expect((await get(sandbox)).status).toBe(200);
    clock.advance(500);
    expect((await get(sandbox)).status).toBe(200);
    const refused = await get(sandbox);
    expect(refused.status).toBe(429);
    expect(refused.headers.get('retry-after')).toBe('1'); // 500 ms until the first one leaves, rounded up
    clock.advance(499);
    expect((await get(sandbox)).status).toBe(429); // 999 ms: the first is still in the window
    clock.advance(1); // 1000 ms: the first has left the window, the second has not
    expect((await get(sandbox)).status).toBe(200);
    expect((await get(sandbox)).status).toBe(429);
  });

  it('counts per key', async () => {
    const sandbox = await start({ rateLimit: { limit: 1, windowMs: 5000 } });
    expect((await get(sandbox)).status).toBe(200);
    expect((await get(sandbox)).status).toBe(429);
    expect((await get(sandbox, SECOND_ORGANIZATION.apiKey)).status).toBe(200);
  });

  it('counts the key whether it comes in the header or the query', async () => {
    const sandbox = await start({ rateLimit: { limit: 1, windowMs: 5000 } });
    expect((await get(sandbox)).status).toBe(200);
    expect((await fetch(`${sandbox.apiBaseUrl}/pages?api_key=${sandbox.apiKey}`)).status).toBe(429);
  });

  it('does not count unauthenticated requests against anyone', async () => {
    const sandbox = await start({ rateLimit: { limit: 1, windowMs: 5000 } });
    for (let i = 0; i < 3; i++) expect((await get(sandbox, 'wrong')).status).toBe(401);
    expect((await get(sandbox)).status).toBe(200);
  });

  it('changes at run time through POST /_control/rate-limit, and reset() restores the start values', async () => {
    const sandbox = await start({ rateLimit: { limit: 100, windowMs: 60_000 } });
    const change = (body: unknown) =>
      fetch(`${sandbox.url}/_control/rate-limit`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    const changed = await change({ limit: 1, status: 420 });
    expect(await changed.json()).toEqual({ limit: 1, windowMs: 60_000, status: 420 });
    expect((await get(sandbox)).status).toBe(200);
    const refused = await get(sandbox);
    expect(refused.status).toBe(420);
    expect(refused.headers.get('retry-after')).toBe('60');

    for (const [body, message] of [
      [{ limit: 0 }, /limit must be a whole number above 0/],
      [{ windowMs: 'soon' }, /windowMs must be a whole number/],
      [{ status: 503 }, /status must be 429 or 420/],
      [{ burst: 2 }, /burst is not a field here/],
      [[1], /body must be a JSON object/],
    ] as const) {
      const response = await change(body);
      expect(response.status).toBe(400);
      expect(((await response.json()) as { message: string }).message).toMatch(message);
    }

    sandbox.reset();
    const settings = await (await fetch(`${sandbox.url}/_control/settings`)).json();
    expect(settings).toMatchObject({ rateLimit: { limit: 100, windowMs: 60_000, status: 429 } });
    expect((await get(sandbox)).status).toBe(200);
  });
});

describe('rate limit settings from the environment', () => {
  it('reads SANDBOX_RATE_LIMIT, SANDBOX_RATE_WINDOW_MS and SANDBOX_RATE_LIMIT_STATUS; options win', () => {
    const env = { SANDBOX_RATE_LIMIT: '5', SANDBOX_RATE_WINDOW_MS: '1000', SANDBOX_RATE_LIMIT_STATUS: '420' };
    expect(resolveSandboxConfig({}, env).settings.rateLimit).toEqual({ limit: 5, windowMs: 1000, status: 420 });
    expect(resolveSandboxConfig({ rateLimit: { limit: 7 } }, env).settings.rateLimit).toEqual({ limit: 7, windowMs: 1000, status: 420 });
    expect(resolveSandboxConfig({}, {}).settings.rateLimit).toEqual({ limit: 60, windowMs: 60_000, status: 429 });
  });

  it('refuses nonsense with a clear error', () => {
    expect(() => resolveSandboxConfig({}, { SANDBOX_RATE_LIMIT: 'lots' })).toThrow(/SANDBOX_RATE_LIMIT must be a whole number, got "lots"/);
    expect(() => resolveSandboxConfig({}, { SANDBOX_RATE_LIMIT_STATUS: '418' })).toThrow(/status must be 429 or 420/);
    expect(() => resolveSandboxConfig({ rateLimit: { windowMs: -1 } }, {})).toThrow(/windowMs must be a whole number of milliseconds above 0/);
  });

  it('reads the key, organization id and data file too', () => {
    const config = resolveSandboxConfig({}, { SANDBOX_API_KEY: 'k-1', SANDBOX_ORGANIZATION_ID: 'abcdefghijkl', SANDBOX_DATA_FILE: '/tmp/x.json' });
    expect(config).toMatchObject({ apiKey: 'k-1', organizationId: 'abcdefghijkl', dataFile: '/tmp/x.json' });
    expect(resolveSandboxConfig({}, {})).toMatchObject({ apiKey: 'sandbox-demo-key', organizationId: 'sbx0demo0org', dataFile: undefined });
    expect(() => resolveSandboxConfig({ apiKey: SECOND_ORGANIZATION.apiKey }, {})).toThrow(/belongs to the second organization/);
  });
});
