// The Cloudflare deployment inside workerd (miniflare runs it): widget/config-endpoint/worker.ts bundled as
// wrangler would ship it, talking to the sandbox over HTTP. Two edge workers share one Durable Object namespace,
// as two locations of the edge would: "edge-a" with the Workers Cache API in front, "edge-b" with no cache, so
// that all its requests reach the Durable Object. Upstream calls are counted on the sandbox.
import { Miniflare } from 'miniflare';
import { build } from 'vite';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type RunningSandbox, startSandbox } from '../../sandbox';

const TTL_SECONDS = 1;

let sandbox: RunningSandbox;
let edge: Miniflare;
let pageId: string;

/** worker.ts and everything it imports as one ES module, the way wrangler would ship it. */
async function bundleWorker(): Promise<string> {
  const output = await build({
    configFile: false,
    logLevel: 'silent',
    build: {
      write: false,
      minify: false,
      target: 'es2022',
      lib: { entry: 'widget/config-endpoint/worker.ts', formats: ['es'], fileName: 'worker' },
    },
  });
  const [result] = Array.isArray(output) ? output : [output];
  if (!result || !('output' in result)) throw new Error('vite did not return the bundle');
  return result.output[0].code;
}

const upstreamCalls = () => sandbox.requests().filter((entry) => entry.path.endsWith('/status_embed_config'));
/** A request to one of the two edge workers. */
async function ask(worker: 'edge-a' | 'edge-b', init?: RequestInit): Promise<Response> {
  // miniflare's Fetcher type is the workers-types one; it fetches like the global fetch.
  const fetcher = (await edge.getWorker(worker)) as unknown as { fetch(url: string, init?: RequestInit): Promise<Response> };
  return fetcher.fetch('https://embed.example.com/', init);
}
const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));

beforeAll(async () => {
  sandbox = await startSandbox({ port: 0, rateLimit: { limit: 100, windowMs: 1_000 } });
  pageId = sandbox.pages[0]!.id;
  const script = await bundleWorker();
  const bindings = {
    STATUSPAGE_API_KEY: sandbox.apiKey,
    STATUSPAGE_PAGE_ID: pageId,
    STATUSPAGE_BASE_URL: sandbox.apiBaseUrl,
    EMBED_CONFIG_TTL_SECONDS: String(TTL_SECONDS),
  };
  edge = new Miniflare({
    workers: [
      { name: 'edge-a', modules: true, script, compatibilityDate: '2025-01-01', bindings, durableObjects: { EMBED_CONFIG: 'EmbedConfigObject' } },
      {
        name: 'edge-b',
        modules: true,
        script,
        compatibilityDate: '2025-01-01',
        bindings,
        cache: false,
        durableObjects: { EMBED_CONFIG: { className: 'EmbedConfigObject', scriptName: 'edge-a' } },
      },
    ],
  });
  await edge.ready;
}, 60_000);

afterAll(async () => {
  await edge?.dispose();
  await sandbox?.close();
});

beforeEach(() => sandbox.reset());

describe('the embed config endpoint on Cloudflare (workerd, Durable Object + Cache API)', () => {
  it('answers many concurrent requests through two edge workers with one upstream call, the public fields only', async () => {
    const responses = await Promise.all(Array.from({ length: 60 }, (_, i) => ask(i % 2 ? 'edge-a' : 'edge-b')));
    expect(responses.map((response) => response.status)).toEqual(Array(60).fill(200));
    const bodies = await Promise.all(responses.map((response) => response.json() as Promise<Record<string, unknown>>));
    expect(bodies[0]).toHaveProperty('position');
    expect(bodies[0]).not.toHaveProperty('page_id');
    expect(new Set(bodies.map((body) => JSON.stringify(body))).size).toBe(1);
    expect(responses[0]!.headers.get('access-control-allow-origin')).toBe('*');
    expect(upstreamCalls()).toHaveLength(1);
    expect(upstreamCalls()[0]!.auth).toBe('header');
  });

  it('keeps to about one upstream call per TTL under steady load from both workers', async () => {
    const started = Date.now();
    let answered = 0;
    while (Date.now() - started < 3_500) {
      const batch = await Promise.all(Array.from({ length: 10 }, (_, i) => ask(i % 2 ? 'edge-a' : 'edge-b')));
      for (const response of batch) {
        expect(response.status).toBe(200);
        await response.arrayBuffer();
      }
      answered += batch.length;
      await sleep(50);
    }
    const windows = Math.ceil((Date.now() - started) / (TTL_SECONDS * 1000));
    expect(answered).toBeGreaterThan(100);
    expect(upstreamCalls().length).toBeGreaterThanOrEqual(2); // it does refresh...
    expect(upstreamCalls().length).toBeLessThanOrEqual(windows + 1); // ...once per TTL, not once per worker or request
  }, 20_000);

  it('answers 304 to a matching If-None-Match, from the edge cache and from the Durable Object', async () => {
    const first = await ask('edge-a');
    const etag = first.headers.get('etag')!;
    await first.arrayBuffer();
    expect(etag).toMatch(/^"[0-9a-f]{32}"$/);
    for (const worker of ['edge-a', 'edge-b'] as const) {
      const revalidated = await ask(worker, { headers: { 'if-none-match': etag } });
      expect(revalidated.status, worker).toBe(304);
      await revalidated.arrayBuffer();
    }
  });

  it('answers preflights through the Durable Object without asking upstream', async () => {
    const preflight = await ask('edge-b', { method: 'OPTIONS' });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-methods')).toContain('GET');
    expect(upstreamCalls()).toHaveLength(0);
  });
});
