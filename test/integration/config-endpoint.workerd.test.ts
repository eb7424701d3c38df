// The same embed config endpoint inside Cloudflare's workerd (miniflare runs it): the worker entry
// (widget/config-endpoint/worker.ts) bundled as a deployment would be, talking to the sandbox over HTTP.
import { Miniflare } from 'miniflare';
import { build } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type RunningSandbox } from '../../sandbox';

let sandbox: RunningSandbox;
let worker: Miniflare;
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

beforeAll(async () => {
  sandbox = await startSandbox({ port: 0 });
  pageId = sandbox.pages[0]!.id;
  worker = new Miniflare({
    modules: true,
    script: await bundleWorker(),
    compatibilityDate: '2025-01-01',
    bindings: { STATUSPAGE_API_KEY: sandbox.apiKey, STATUSPAGE_PAGE_ID: pageId, STATUSPAGE_BASE_URL: sandbox.apiBaseUrl },
  });
  await worker.ready;
}, 60_000);

afterAll(async () => {
  await worker?.dispose();
  await sandbox?.close();
});

describe('the embed config endpoint in workerd', () => {
  it('serves the public config to concurrent requests with one upstream call, then 304s', async () => {
    const responses = await Promise.all(Array.from({ length: 20 }, () => worker.dispatchFetch('https://embed.example.com/')));
    expect(responses.map((response) => response.status)).toEqual(Array(20).fill(200));
    const bodies = await Promise.all(responses.map((response) => response.json() as Promise<Record<string, unknown>>));
    expect(bodies[0]).toHaveProperty('position');
    expect(bodies[0]).not.toHaveProperty('page_id');
    expect(new Set(bodies.map((body) => JSON.stringify(body))).size).toBe(1);
    expect(responses[0]!.headers.get('access-control-allow-origin')).toBe('*');
    const calls = sandbox.requests().filter((entry) => entry.path.endsWith('/status_embed_config'));
    expect(calls).toHaveLength(1);
    expect(calls[0]!.auth).toBe('header');

    const etag = responses[0]!.headers.get('etag')!;
    const revalidated = await worker.dispatchFetch('https://embed.example.com/', { headers: { 'if-none-match': etag } });
    expect(revalidated.status).toBe(304);
    await revalidated.arrayBuffer();
  });
});
