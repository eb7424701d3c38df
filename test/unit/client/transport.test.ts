import { describe, expect, it } from 'vitest';
import { AbortedError, createStatuspageClient, InvalidRequestError, NetworkError, TimeoutError } from '../../../shared/client';
import { settle } from '../rate-limit/fake-clock';
import { makeClient } from './make-client';
import { API_KEY, json, neverAnswers, scriptedFetch } from './scripted-fetch';

describe('auth', () => {
  it('sends the key in an Authorization header by default, never in the URL', async () => {
    const { client, fetch } = makeClient(() => json([]));
    await client.listPages();
    expect(fetch.sent[0]?.headers.get('authorization')).toBe(`OAuth ${API_KEY}`);
    expect(fetch.sent[0]?.url.href).not.toContain(API_KEY);
    expect(fetch.sent[0]?.headers.get('accept')).toBe('application/json');
  });

  it("sends it as ?api_key= with auth: 'query', and no header", async () => {
    const { client, fetch } = makeClient(() => json([]), { auth: 'query' });
    await client.listUsers('org1');
    expect(fetch.sent[0]?.headers.get('authorization')).toBeNull();
    expect(fetch.sent[0]?.url.searchParams.get('api_key')).toBe(API_KEY);
    expect(fetch.sent[0]?.url.searchParams.get('page')).toBe('1');
  });

  it('trims a pasted key and refuses one that could not be a key, without quoting it', () => {
    const fetch = scriptedFetch(() => json([]));
    expect(() => createStatuspageClient({ apiKey: `  ${API_KEY}\n`, fetch })).not.toThrow();
    for (const apiKey of ['', '   ', 'two words', 'line\nbreak']) {
      const error = (() => {
        try {
          createStatuspageClient({ apiKey, fetch });
        } catch (e) {
          return e;
        }
      })();
      expect(error).toBeInstanceOf(InvalidRequestError);
      expect((error as InvalidRequestError).field).toBe('apiKey');
      if (apiKey.trim()) expect((error as Error).message).not.toContain(apiKey.trim());
    }
  });

  it('refuses options it does not know', () => {
    const fetch = scriptedFetch(() => json([]));
    expect(() => createStatuspageClient({ apiKey: API_KEY, fetch, auth: 'cookie' as never })).toThrow(/auth must be one of header, query/);
    expect(() => createStatuspageClient({ apiKey: API_KEY, fetch, encoding: 'xml' as never })).toThrow(/encoding/);
    expect(() => createStatuspageClient({ apiKey: API_KEY, fetch, baseUrl: 'ftp://x' })).toThrow(/baseUrl/);
    expect(() => createStatuspageClient({ apiKey: API_KEY, fetch, timeoutMs: 0 })).toThrow(/timeoutMs/);
  });

  it('defaults to https://api.statuspage.io/v1, and tolerates a trailing slash', async () => {
    const fetch = scriptedFetch(() => json([]));
    await createStatuspageClient({ apiKey: API_KEY, fetch }).listPages();
    await createStatuspageClient({ apiKey: API_KEY, fetch, baseUrl: 'http://127.0.0.1:9/v1/' }).listPages();
    expect(fetch.sent.map((r) => r.url.href)).toEqual(['https://api.statuspage.io/v1/pages', 'http://127.0.0.1:9/v1/pages']);
  });
});

describe('abort', () => {
  it('sends nothing when the signal is already aborted', async () => {
    const { client, fetch } = makeClient(() => json([]));
    await expect(client.listPages({ signal: AbortSignal.abort() })).rejects.toBeInstanceOf(AbortedError);
    expect(fetch.sent).toHaveLength(0);
  });

  it('stops a request in flight', async () => {
    const { client, fetch } = makeClient(neverAnswers);
    const controller = new AbortController();
    const call = client.getStatusEmbedConfig('p1', { signal: controller.signal });
    await settle();
    expect(fetch.sent).toHaveLength(1);
    controller.abort();
    await expect(call).rejects.toThrow('The request was cancelled');
  });

  it('takes a call out of the rate-limit queue before it is sent', async () => {
    const { client, fetch, clock } = makeClient(() => json([]), { rateLimit: { limit: 1, windowMs: 60_000 } });
    await client.listPages();
    const controller = new AbortController();
    const queued = client.listPages({ signal: controller.signal });
    await clock.advance(10_000);
    controller.abort();
    await expect(queued).rejects.toBeInstanceOf(AbortedError);
    await clock.runAll();
    expect(fetch.sent).toHaveLength(1);
  });
});

describe('timeout', () => {
  it('gives up after timeoutMs with a TimeoutError, even if fetch ignores its signal', async () => {
    const { client, clock } = makeClient(() => new Promise<Response>(() => {}), { timeoutMs: 5_000 });
    const call = client.listPages().catch((e: unknown) => e);
    await clock.advance(4_999);
    await clock.advance(1);
    const error = await call;
    expect(error).toBeInstanceOf(TimeoutError);
    expect((error as TimeoutError).message).toBe('Statuspage did not answer within 5 s');
  });

  it('defaults to 30 s', async () => {
    const { client, clock } = makeClient(neverAnswers);
    let settled = false;
    const call = client
      .listPages()
      .catch((e: unknown) => e)
      .finally(() => (settled = true));
    await clock.advance(29_999);
    expect(settled).toBe(false);
    await clock.advance(1);
    expect(await call).toBeInstanceOf(TimeoutError);
  });

  it('leaves no timer behind once the answer came', async () => {
    const { client, clock } = makeClient(() => json([]));
    await client.listPages();
    await settle();
    expect(clock.pendingTimers).toBe(0);
  });
});

describe('network failures', () => {
  it('become a NetworkError that keeps the cause', async () => {
    const failure = new TypeError('fetch failed', { cause: { code: 'ECONNREFUSED' } });
    const { client } = makeClient(() => Promise.reject(failure));
    const error = await client.listPages().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NetworkError);
    expect((error as NetworkError).message).toBe('Could not reach Statuspage: fetch failed (ECONNREFUSED)');
    expect((error as NetworkError).cause).toBe(failure);
  });

  it('drop the key when the failure quotes the URL (auth: query)', async () => {
    const { client } = makeClient((request) => Promise.reject(new TypeError(`Failed to fetch ${request.url.href}`)), { auth: 'query' });
    const error = (await client.listPages().catch((e: unknown) => e)) as NetworkError;
    expect(error.message).toContain('api_key=[api key]');
    expect(error.message).not.toContain(API_KEY);
    expect(error.cause).toBeUndefined();
    expect(JSON.stringify(error.toJSON())).not.toContain(API_KEY);
  });
});
