// The embed config endpoint on Node, against the sandbox over real HTTP: what it serves, its caching, one
// upstream call however many requests come at once, the last good config when upstream fails, and answers at
// memory speed while a slow refresh is in flight.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startSandbox, type RunningSandbox } from '../../sandbox';
import { EMBED_CONFIG_FIELDS } from '../../shared/schemas/embed-config';
import { createEmbedConfigHandler } from '../../widget/config-endpoint';
import { MAX_UPSTREAM_BODY_BYTES } from '../../widget/config-endpoint/handler';
import { handlerOptionsFromEnv } from '../../widget/config-endpoint/env';

let sandbox: RunningSandbox;
let pageId: string;

beforeAll(async () => {
  sandbox = await startSandbox({ port: 0, rateLimit: { limit: 3, windowMs: 60_000, status: 429 } });
  pageId = sandbox.pages[0]!.id;
});
afterAll(() => sandbox.close());
beforeEach(() => sandbox.reset());

const upstreamCalls = () => sandbox.requests().filter((entry) => entry.path.endsWith('/status_embed_config'));
const get = (headers: Record<string, string> = {}) =>
  new Request('https://example.com/embed-config', { headers: { origin: 'https://customer.example', ...headers } });

/** A handler with a clock the test moves, on the sandbox unless `baseUrl` names another upstream. */
function handlerWithClock(options: { ttlSeconds?: number; apiKey?: string; baseUrl?: string; pageId?: string } = {}) {
  let now = Date.now();
  const errors: unknown[] = [];
  const handler = createEmbedConfigHandler({
    apiKey: options.apiKey ?? sandbox.apiKey,
    pageId: options.pageId ?? pageId,
    baseUrl: options.baseUrl ?? sandbox.apiBaseUrl,
    ttlSeconds: options.ttlSeconds ?? 60,
    now: () => now,
    onError: (error) => errors.push(error),
  });
  return { handler, errors, advance: (ms: number) => (now += ms) };
}

describe('the embed config endpoint (Node)', () => {
  it('serves only the five public fields, CORS-open and cacheable', async () => {
    const { handler } = handlerWithClock();
    const response = await handler(get());
    expect(response.status).toBe(200);
    const body = (await response.json()) as Record<string, unknown>;
    for (const key of Object.keys(body)) expect(EMBED_CONFIG_FIELDS).toContain(key);
    expect(body).not.toHaveProperty('page_id');
    expect(body.position).toBeTypeOf('string');
    expect(response.headers.get('access-control-allow-origin')).toBe('*');
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    expect(response.headers.get('etag')).toMatch(/^"[0-9a-f]{32}"$/);
    expect(response.headers.get('cache-control')).toMatch(/public, max-age=60\b/);
    const everything = JSON.stringify([...response.headers]) + JSON.stringify(body);
    expect(everything).not.toContain(sandbox.apiKey);
  });

  it('answers 304 to a matching If-None-Match, and 200 again once the config changed', async () => {
    const { handler, advance } = handlerWithClock();
    const first = await handler(get());
    const etag = first.headers.get('etag')!;
    const revalidated = await handler(get({ 'if-none-match': `W/${etag}, "other"` }));
    expect(revalidated.status).toBe(304);
    expect(await revalidated.text()).toBe('');
    expect(revalidated.headers.get('etag')).toBe(etag);

    await fetch(`${sandbox.apiBaseUrl}/pages/${pageId}/status_embed_config`, {
      method: 'PATCH',
      headers: { authorization: `OAuth ${sandbox.apiKey}`, 'content-type': 'application/json' },
      body: JSON.stringify({ status_embed_config: { incident_background_color: '#123456' } }),
    });
    advance(60_000);
    const stale = await handler(get({ 'if-none-match': etag })); // the held config at once; the refresh runs behind it
    expect(stale.status).toBe(304);
    await handler.pending();
    const changed = await handler(get({ 'if-none-match': etag }));
    expect(changed.status).toBe(200);
    expect(changed.headers.get('etag')).not.toBe(etag);
    expect(((await changed.json()) as { incident_background_color: string }).incident_background_color).toBe('#123456');
  });

  it('makes one upstream call for many concurrent requests, and one per TTL after that', async () => {
    const { handler, advance } = handlerWithClock({ ttlSeconds: 30 });
    const responses = await Promise.all(Array.from({ length: 50 }, () => handler(get())));
    expect(responses.map((response) => response.status)).toEqual(Array(50).fill(200));
    expect(upstreamCalls()).toHaveLength(1);

    advance(29_000);
    await Promise.all(Array.from({ length: 10 }, () => handler(get())));
    expect(upstreamCalls()).toHaveLength(1);

    advance(1_000);
    await Promise.all(Array.from({ length: 10 }, () => handler(get())));
    await handler.pending();
    expect(upstreamCalls()).toHaveLength(2);
  });

  it('serves the last good config when upstream refuses, and waits out Retry-After', async () => {
    const { handler, advance, errors } = handlerWithClock({ ttlSeconds: 1 });
    const good = await (await handler(get())).text();
    // The sandbox allows 3 calls a minute: use them up, so the handler's next call is refused.
    for (let i = 0; i < 2; i += 1) await fetch(`${sandbox.apiBaseUrl}/pages`, { headers: { authorization: `OAuth ${sandbox.apiKey}` } });
    advance(1_000);
    const stale = await handler(get());
    await handler.pending();
    expect(stale.status).toBe(200);
    expect(await stale.text()).toBe(good);
    expect(errors).toHaveLength(1);
    expect((errors[0] as Error).name).toBe('RateLimitedError');
    const callsSoFar = upstreamCalls().length;

    // Retry-After (up to a minute here) is longer than the 1 s TTL: no upstream call before it.
    advance(2_000);
    await handler(get());
    expect(handler.pending()).toBeUndefined();
    expect(upstreamCalls()).toHaveLength(callsSoFar);
  });

  it("waits out a rate limit thrown by another copy of the client (the published package's own), read by name", async () => {
    // The package bundles its client: a `client` from @statuspage-toolkit/client throws its own RateLimitedError class.
    class RateLimitedError extends Error {
      override name = 'RateLimitedError';
      constructor(readonly retryAt: Date) {
        super('Too many requests');
      }
    }
    let now = 1_000_000;
    let calls = 0;
    const handler = createEmbedConfigHandler({
      apiKey: 'key',
      pageId: 'page',
      ttlSeconds: 1,
      now: () => now,
      onError: () => {},
      client: {
        getStatusEmbedConfig: async () => {
          calls += 1;
          if (calls === 1) return { position: 'top-left' };
          throw new RateLimitedError(new Date(now + 30_000));
        },
      },
    });
    expect(await (await handler(get())).json()).toEqual({ position: 'top-left' });
    now += 1_000;
    await handler(get());
    await handler.pending();
    expect(calls).toBe(2);
    now += 5_000; // past the TTL's doubling, before Retry-After
    await handler(get());
    expect(handler.pending()).toBeUndefined();
    expect(calls).toBe(2);
    now += 30_000;
    await handler(get());
    await handler.pending();
    expect(calls).toBe(3);
  });

  it('serves the last good config through an upstream outage (5xx), and picks up the config once it is back', async () => {
    const { handler, advance, errors } = handlerWithClock({ ttlSeconds: 10 });
    const good = await (await handler(get())).text();
    const queued = await fetch(`${sandbox.url}/_control/faults`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ status: 503 }),
    });
    expect(queued.status).toBe(201);

    advance(10_000);
    const during = await handler(get());
    await handler.pending();
    expect(during.status).toBe(200);
    expect(await during.text()).toBe(good);
    expect((errors[0] as Error).name).toBe('ServerError');
    expect(upstreamCalls().map((call) => call.status)).toEqual([200, 503]);

    await fetch(`${sandbox.apiBaseUrl}/pages/${pageId}/status_embed_config`, {
      method: 'PATCH',
      headers: { authorization: `OAuth ${sandbox.apiKey}`, 'content-type': 'application/json' },
      body: JSON.stringify({ status_embed_config: { position: 'top-right' } }),
    });
    advance(10_000); // one failure: the TTL once more before the next try
    await handler(get());
    await handler.pending();
    expect(((await (await handler(get())).json()) as { position: string }).position).toBe('top-right');
  });

  it('answers 503 (not cacheable) while no config was ever read, without leaking why', async () => {
    const { handler, errors } = handlerWithClock({ apiKey: 'not-the-key' });
    const response = await handler(get());
    expect(response.status).toBe(503);
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(response.headers.get('access-control-allow-origin')).toBe('*');
    expect((errors[0] as Error).name).toBe('UnauthorizedError');
    expect(await response.text()).not.toContain('not-the-key');
  });

  it('answers preflights and refuses other methods', async () => {
    const { handler } = handlerWithClock();
    const preflight = await handler(new Request('https://example.com/embed-config', { method: 'OPTIONS' }));
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-methods')).toContain('GET');
    const post = await handler(new Request('https://example.com/embed-config', { method: 'POST', body: '{}' }));
    expect(post.status).toBe(405);
    expect(post.headers.get('allow')).toBe('GET, HEAD, OPTIONS');
    expect(upstreamCalls()).toHaveLength(0);
    const head = await handler(new Request('https://example.com/embed-config', { method: 'HEAD' }));
    expect(head.status).toBe(200);
    expect(await head.text()).toBe('');
  });

  it('refuses a TTL under a second (the API allows one request a second)', () => {
    expect(() => createEmbedConfigHandler({ apiKey: 'k', pageId: 'p', ttlSeconds: 0.5 })).toThrow(/at least 1/);
  });
});

/** A management API of our own on 127.0.0.1 that answers the config after `delayMs`, counting calls in flight. */
async function slowUpstream() {
  const state = { delayMs: 0, calls: 0, inFlight: 0, maxInFlight: 0, status: 200 };
  const server = createServer((request, response) => {
    state.calls += 1;
    state.inFlight += 1;
    state.maxInFlight = Math.max(state.maxInFlight, state.inFlight);
    setTimeout(() => {
      state.inFlight -= 1;
      response.writeHead(state.status, { 'content-type': 'application/json' });
      response.end(JSON.stringify({ position: 'top-right', incident_background_color: '#123456', page_id: 'slowpage' }));
    }, state.delayMs);
    request.resume();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    state,
    baseUrl: `http://127.0.0.1:${port}/v1`,
    close: () => {
      server.closeAllConnections();
      return new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

describe('stale while revalidating (issue 13, item 1)', () => {
  it('with a config held and the TTL past, an upstream that takes 6 s delays no answer, and only one refresh runs', async () => {
    const upstream = await slowUpstream();
    try {
      const handler = createEmbedConfigHandler({ apiKey: 'k', pageId: 'slowpage', baseUrl: upstream.baseUrl, ttlSeconds: 1, onError: () => {} });
      expect((await handler(get())).status).toBe(200); // the config is held
      upstream.state.delayMs = 6_000;
      await new Promise((done) => setTimeout(done, 1_100)); // the TTL is past

      const timings: number[] = [];
      for (let round = 0; round < 15; round += 1) {
        const started = performance.now();
        const answers = await Promise.all(Array.from({ length: 5 }, () => handler(get())));
        timings.push(performance.now() - started);
        for (const answer of answers) expect(((await answer.json()) as { position: string }).position).toBe('top-right');
        await new Promise((done) => setTimeout(done, 100));
      }
      expect(Math.max(...timings)).toBeLessThan(200);
      expect(upstream.state.calls).toBe(2); // the first read and one refresh, still in flight
      expect(upstream.state.maxInFlight).toBe(1);
      expect(handler.pending()).toBeDefined();
    } finally {
      await upstream.close();
    }
  }, 15_000);

  it('a failed refresh keeps the held config and backs off: the TTL doubled per failure in a row', async () => {
    const upstream = await slowUpstream();
    try {
      let now = Date.now();
      const errors: unknown[] = [];
      const handler = createEmbedConfigHandler({
        apiKey: 'k',
        pageId: 'slowpage',
        baseUrl: upstream.baseUrl,
        ttlSeconds: 10,
        now: () => now,
        onError: (error) => errors.push(error),
      });
      const good = await (await handler(get())).text();
      upstream.state.status = 500;
      const tryAt = async (ms: number) => {
        now += ms;
        const answer = await handler(get());
        await handler.pending();
        expect(await answer.text()).toBe(good);
      };
      await tryAt(10_000); // failure 1: next try in 10 s
      await tryAt(9_000);
      expect(upstream.state.calls).toBe(2);
      await tryAt(1_000); // failure 2: next try in 20 s
      expect(upstream.state.calls).toBe(3);
      await tryAt(19_000);
      expect(upstream.state.calls).toBe(3);
      await tryAt(1_000);
      expect(upstream.state.calls).toBe(4);
      expect(errors).toHaveLength(3);
    } finally {
      await upstream.close();
    }
  });
});

describe('handlerOptionsFromEnv (Node and Workers read the same settings)', () => {
  it('reads the key, the page, the base URL and the TTL', () => {
    expect(
      handlerOptionsFromEnv({ STATUSPAGE_API_KEY: 'k', STATUSPAGE_PAGE_ID: 'p', STATUSPAGE_BASE_URL: 'http://x/v1', EMBED_CONFIG_TTL_SECONDS: '30' }),
    ).toEqual({ apiKey: 'k', pageId: 'p', baseUrl: 'http://x/v1', ttlSeconds: 30 });
    expect(handlerOptionsFromEnv({ STATUSPAGE_API_KEY: 'k', STATUSPAGE_PAGE_ID: 'p', STATUSPAGE_BASE_URL: '' })).toEqual({
      apiKey: 'k',
      pageId: 'p',
      baseUrl: undefined,
      ttlSeconds: undefined,
    });
  });

  it('refuses a missing key or page, and a TTL that is not a number', () => {
    expect(() => handlerOptionsFromEnv({ STATUSPAGE_PAGE_ID: 'p' })).toThrow(/STATUSPAGE_API_KEY/);
    expect(() => handlerOptionsFromEnv({ STATUSPAGE_API_KEY: 'k', STATUSPAGE_PAGE_ID: 'p', EMBED_CONFIG_TTL_SECONDS: '1m' })).toThrow(
      /EMBED_CONFIG_TTL_SECONDS/,
    );
  });
});

describe('a huge upstream answer (issue 22)', () => {
  /** Answers a good config, then (once `huge`) 100 MB of JSON streamed in 64 KB chunks, counting what it wrote. */
  async function hugeUpstream() {
    const state = { huge: false, written: 0, closedEarly: false };
    const server = createServer((request, response) => {
      request.resume();
      response.writeHead(200, { 'content-type': 'application/json' });
      if (!state.huge) return response.end(JSON.stringify({ position: 'top-left', page_id: 'hugepage' }));
      const chunk = Buffer.alloc(64 * 1024, 0x20); // spaces: still JSON once closed
      response.write('{"position":"bottom-right","padding":"');
      const total = 100 * 1024 * 1024;
      const pump = () => {
        while (state.written < total) {
          state.written += chunk.length;
          if (!response.write(chunk)) return void response.once('drain', pump);
        }
        response.end('"}');
      };
      response.on('close', () => (state.closedEarly = state.written < total));
      pump();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return {
      state,
      baseUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`,
      close: () => {
        server.closeAllConnections();
        return new Promise<void>((resolve) => server.close(() => resolve()));
      },
    };
  }

  it('reads at most 1 MB of it, and keeps serving the last good config', async () => {
    expect(MAX_UPSTREAM_BODY_BYTES).toBe(1024 * 1024);
    const upstream = await hugeUpstream();
    try {
      const { handler, errors, advance } = handlerWithClock({ apiKey: 'key', pageId: 'hugepage', baseUrl: upstream.baseUrl, ttlSeconds: 1 });
      expect(await (await handler(get())).json()).toEqual({ position: 'top-left' });

      upstream.state.huge = true;
      advance(1000);
      const during = await handler(get());
      await handler.pending();
      expect(await during.json()).toEqual({ position: 'top-left' });
      expect(await (await handler(get())).json()).toEqual({ position: 'top-left' }); // after the failed refresh too
      expect((errors[0] as Error).name).toBe('ContractError');
      expect((errors[0] as Error).message).toMatch(/more than 1 MB/);
      await new Promise((resolve) => setTimeout(resolve, 100)); // the socket's close reaches the upstream
      expect(upstream.state.closedEarly).toBe(true);
      expect(upstream.state.written).toBeLessThan(20 * 1024 * 1024); // what the kernel buffers took; never 100 MB
    } finally {
      await upstream.close();
    }
  });
});
