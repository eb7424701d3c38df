import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolveSandboxConfig, SEED_PAGE_IDS, startSandbox, type RunningSandbox } from '../../sandbox';
import { control, controlJson } from '../support/sandbox-control';

// SANDBOX_LATENCY_MS (issue 20): every management and public API answer delayed, as the real API is from a browser.
// Only lower bounds are timed here (a busy machine can make anything slower, never faster).

describe('the setting', () => {
  it.each([
    ['300', { minMs: 300, maxMs: 300 }],
    ['200-400', { minMs: 200, maxMs: 400 }],
    [' 200 - 400 ', { minMs: 200, maxMs: 400 }],
    ['0', { minMs: 0, maxMs: 0 }],
  ])('SANDBOX_LATENCY_MS=%j reads as %j', (value, latency) => {
    expect(resolveSandboxConfig({}, { SANDBOX_LATENCY_MS: value }).settings.latency).toEqual(latency);
  });

  it('is none by default, and the option wins over the environment', () => {
    expect(resolveSandboxConfig({}, {}).settings.latency).toEqual({ minMs: 0, maxMs: 0 });
    expect(resolveSandboxConfig({ latencyMs: [10, 20] }, { SANDBOX_LATENCY_MS: '300' }).settings.latency).toEqual({ minMs: 10, maxMs: 20 });
    expect(resolveSandboxConfig({ latencyMs: 5 }, {}).settings.latency).toEqual({ minMs: 5, maxMs: 5 });
  });

  it.each(['fast', '400-200', '-5', '70000', '1.5', '100-200-300'])('refuses SANDBOX_LATENCY_MS=%j, saying what it takes', (value) => {
    expect(() => resolveSandboxConfig({}, { SANDBOX_LATENCY_MS: value })).toThrow(
      /latency must be milliseconds from 0 to 60000, one number \(300\) or a range \(200-400, the smaller first\).*SANDBOX_LATENCY_MS/,
    );
  });
});

describe('a sandbox with latency', () => {
  let sandbox: RunningSandbox;
  const LATENCY = 400;
  beforeAll(async () => {
    sandbox = await startSandbox({ port: 0, latencyMs: LATENCY });
  });
  afterAll(() => sandbox.close());

  async function timed(url: string, init: RequestInit = {}): Promise<{ status: number; ms: number }> {
    const started = performance.now();
    const response = await fetch(url, init);
    await response.arrayBuffer();
    return { status: response.status, ms: performance.now() - started };
  }

  it('delays the management API, a refusal included, and the public Status API', async () => {
    const auth = { headers: { authorization: `OAuth ${sandbox.apiKey}` } };
    for (const [url, init, status] of [
      [`${sandbox.apiBaseUrl}/pages`, auth, 200],
      [`${sandbox.apiBaseUrl}/pages`, {}, 401],
      [`${sandbox.statusPageUrl(SEED_PAGE_IDS.cloud)}/api/v2/summary.json`, {}, 200],
      [`${sandbox.statusPageUrl(SEED_PAGE_IDS.cloud)}/api/v2/status.json`, {}, 200],
    ] as const) {
      const answer = await timed(url, init);
      expect(answer.status).toBe(status);
      expect(answer.ms, url).toBeGreaterThanOrEqual(LATENCY - 5);
    }
  });

  it('answers the control endpoints at once, and they change the latency live; reset restores it', async () => {
    const quick = await timed(`${sandbox.url}/_control/settings`);
    expect(quick.ms).toBeLessThan(LATENCY);
    expect(await controlJson(sandbox, 'POST', '/settings', { latencyMs: '1000-1200' })).toMatchObject({ latency: { minMs: 1000, maxMs: 1200 } });
    expect((await timed(`${sandbox.apiBaseUrl}/pages`, { headers: { authorization: `OAuth ${sandbox.apiKey}` } })).ms).toBeGreaterThanOrEqual(995);
    const refused = await control(sandbox, 'POST', '/settings', { latencyMs: [300, 100] });
    expect(refused.status).toBe(400);
    expect(((await refused.json()) as { message: string }).message).toMatch(/latencyMs: latency must be milliseconds/);
    sandbox.reset();
    expect(await controlJson(sandbox, 'GET', '/settings')).toMatchObject({ latency: { minMs: LATENCY, maxMs: LATENCY } });
  });
});
