import { request as httpRequest } from 'node:http';
import { runInNewContext } from 'node:vm';
import { setFlagsFromString } from 'node:v8';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  MAX_BODY_BYTES,
  MAX_JSON_DEPTH,
  MAX_LOGGED_BODY_CHARS,
  MAX_MESSAGE_CHARS,
  REQUEST_LOG_BUDGET_CHARS,
  SECOND_ORGANIZATION,
  SEED_PAGE_IDS,
  startSandbox,
  type RunningSandbox,
} from '../../sandbox';
import { control } from '../support/sandbox-control';

// Issue 13: what an attack on the sandbox found, replayed over real HTTP. Every bad input gets a 4xx (never a
// 500), the state is what it was, the request log stays small, holds no key and always answers.

setFlagsFromString('--expose-gc');
const collectGarbage = runInNewContext('gc') as () => void;

let sandbox: RunningSandbox;
let before: unknown;
const statuses: number[] = [];
const cloud = SEED_PAGE_IDS.cloud;
const embedPath = `/pages/${cloud}/status_embed_config`;

/** A management API call, its status remembered for the final "never a 500" check. */
async function api(path: string, init: RequestInit & { key?: string | null } = {}): Promise<Response> {
  const { key = sandbox.apiKey, ...rest } = init;
  const headers = new Headers(rest.headers);
  if (key !== null && !headers.has('authorization')) headers.set('authorization', `OAuth ${key}`);
  const response = await fetch(`${sandbox.apiBaseUrl}${path}`, { ...rest, headers });
  statuses.push(response.status);
  return response;
}
const jsonInit = (method: string, body: string): RequestInit => ({ method, headers: { 'content-type': 'application/json' }, body });
async function messageOf(response: Response): Promise<string> {
  return ((await response.json()) as { message: string }).message;
}

interface RawAnswer {
  status: number;
  text: string;
  /** How much of the body had been written when the answer came. */
  bytesWritten: number;
}

/**
 * A request over a raw socket: the head, then `chunks()` written one by one until the server answers (or they run
 * out). Shows that a refusal came before the body was all sent, which fetch cannot.
 */
function rawRequest(path: string, method: string, headers: Record<string, string>, chunks: () => Iterator<Buffer>): Promise<RawAnswer> {
  return new Promise((resolve, reject) => {
    let bytesWritten = 0;
    let answered = false;
    const request = httpRequest(`${sandbox.url}${path}`, { method, headers, agent: false }); // a fresh connection each time
    request.on('response', (response) => {
      answered = true;
      const parts: Buffer[] = [];
      response.on('data', (part: Buffer) => parts.push(part));
      response.on('end', () => {
        statuses.push(response.statusCode!);
        resolve({ status: response.statusCode!, text: Buffer.concat(parts).toString('utf8'), bytesWritten });
        request.destroy();
      });
    });
    request.on('error', (error) => {
      if (!answered) reject(error);
    });
    const source = chunks();
    const pump = () => {
      while (!answered) {
        const next = source.next();
        if (next.done) return void request.end();
        bytesWritten += next.value.length;
        if (!request.write(next.value)) return void request.once('drain', pump);
      }
    };
    request.flushHeaders();
    pump();
  });
}

/** 64 KB chunks of `[1,1,…` up to `total` bytes. */
function* chunksOf(total: number): Iterator<Buffer> {
  const chunk = Buffer.from('1,'.repeat(32 * 1024));
  yield Buffer.from('[');
  for (let sent = 0; sent < total; sent += chunk.length) yield chunk;
}

/** What the attacks must not change: incidents, components, embed configs, permissions, settings, faults. */
async function stateSnapshot() {
  const get = async (url: string, init?: RequestInit) => (await fetch(url, init)).json();
  const auth = { headers: { authorization: `OAuth ${sandbox.apiKey}` } };
  const users = (await get(`${sandbox.apiBaseUrl}/organizations/${sandbox.organizationId}/users?per_page=3`, auth)) as Array<{ id: string }>;
  return {
    pages: await get(`${sandbox.url}/_control/pages`),
    incidents: await Promise.all(sandbox.pages.map((page) => get(`${sandbox.url}/_control/pages/${page.id}/incidents`))),
    maintenances: await Promise.all(sandbox.pages.map((page) => get(`${sandbox.url}/_control/pages/${page.id}/maintenances`))),
    embeds: await Promise.all(sandbox.pages.map((page) => get(`${sandbox.apiBaseUrl}/pages/${page.id}/status_embed_config`, auth))),
    permissions: await Promise.all(
      users.map((user) => get(`${sandbox.apiBaseUrl}/organizations/${sandbox.organizationId}/permissions/${user.id}`, auth)),
    ),
    settings: await get(`${sandbox.url}/_control/settings`),
    faults: await get(`${sandbox.url}/_control/faults`),
  };
}

async function requestLogOverHttp(): Promise<unknown[]> {
  const response = await fetch(`${sandbox.url}/_control/requests`);
  expect(response.status).toBe(200);
  return (await response.json()) as unknown[];
}

beforeAll(async () => {
  sandbox = await startSandbox({ port: 0, rateLimit: { limit: 100_000 } });
  before = await stateSnapshot();
});
afterAll(() => sandbox.close());

describe('memory: a stream of large bodies', () => {
  it('keeps no body of a refused request and the log within its byte budget', async () => {
    // Many small values: parsed and kept, each of these grew the heap by several times its size.
    const large = `[${'{"a":1},'.repeat(110_000)}{"a":1}]`;
    expect(large.length).toBeLessThan(MAX_BODY_BYTES);
    await control(sandbox, 'DELETE', '/requests');
    collectGarbage();
    const heapBefore = process.memoryUsage().heapUsed;
    for (let i = 0; i < 150; i++) {
      const response = await api('/pages', { ...jsonInit('POST', large), key: null });
      expect(response.status).toBe(401);
      await response.body?.cancel();
    }
    const keyed = `{"status_embed_config": {"position": ${large}}}`;
    for (let i = 0; i < 20; i++) {
      const response = await api(embedPath, jsonInit('PATCH', keyed));
      expect(response.status).toBe(422);
      expect((await response.text()).length).toBeLessThan(MAX_MESSAGE_CHARS + 200);
    }
    const log = sandbox.requests();
    expect(log).toHaveLength(170);
    expect(JSON.stringify(log).length).toBeLessThanOrEqual(REQUEST_LOG_BUDGET_CHARS);
    expect(log.slice(0, 150).every((entry) => entry.status === 401 && entry.body === undefined)).toBe(true);
    // A body that is kept is cut to its first few thousand characters.
    expect(typeof log[150]!.body).toBe('string');
    expect((log[150]!.body as string).length).toBeLessThan(MAX_LOGGED_BODY_CHARS + 100);
    expect(log[150]!.body as string).toMatch(/^\{"status_embed_config":\{"position":\[\{"a":1\},\{"a":1\}.*… \(truncated: \d+ characters in all\)$/);
    collectGarbage();
    expect(process.memoryUsage().heapUsed - heapBefore).toBeLessThan(100 * 2 ** 20);
    await requestLogOverHttp();
  });

  it('drops the oldest entries first once the budget is spent', async () => {
    await control(sandbox, 'DELETE', '/requests');
    const padded = JSON.stringify({ status_embed_config: { position: 'p'.repeat(MAX_LOGGED_BODY_CHARS * 2) } });
    const count = Math.ceil(REQUEST_LOG_BUDGET_CHARS / MAX_LOGGED_BODY_CHARS) + 50;
    for (let i = 0; i < count; i++) await (await api(`${embedPath}?n=${i}`, jsonInit('PATCH', padded))).body?.cancel();
    const log = sandbox.requests();
    expect(JSON.stringify(log).length).toBeLessThanOrEqual(REQUEST_LOG_BUDGET_CHARS);
    expect(log.length).toBeLessThan(count);
    expect(log.at(-1)!.query).toEqual({ n: String(count - 1) });
    expect(Number(log[0]!.query.n)).toBe(count - log.length);
    await control(sandbox, 'DELETE', '/requests');
  });
});

describe('413: a body over the limit', () => {
  it.each([
    ['POST', '/v1/pages', {}],
    ['PATCH', `/v1${embedPath}`, { authorization: 'OAuth sandbox-demo-key' }],
    ['POST', `/_control/pages/${cloud}/incidents`, {}],
  ])('%s %s with a Content-Length of 600 MB is refused from the header, before its body is read', async (method, path, auth) => {
    const answer = await rawRequest(path, method, { 'content-type': 'application/json', 'content-length': String(600_000_000), ...auth }, () =>
      chunksOf(64 * 1024),
    );
    expect(answer.status).toBe(413);
    expect(JSON.parse(answer.text).message).toMatch(new RegExp(`Content-Length 600000000\\) is larger than the ${MAX_BODY_BYTES} bytes`));
    expect(answer.bytesWritten).toBeLessThan(600_000_000);
  });

  it.each([
    ['PATCH', `/v1${embedPath}`, { authorization: 'OAuth sandbox-demo-key' }],
    ['PUT', `/v1/organizations/sbx0demo0org/permissions/x`, { authorization: 'OAuth sandbox-demo-key' }],
    ['POST', `/_control/pages/${cloud}/incidents`, {}],
    ['PUT', `/_control/pages/${cloud}/summary`, {}],
  ])('%s %s with a chunked body over the limit is refused while it streams', async (method, path, auth) => {
    const answer = await rawRequest(path, method, { 'content-type': 'application/json', ...auth }, () => chunksOf(200 * MAX_BODY_BYTES));
    expect(answer.status, answer.text).toBe(path.includes('/permissions/x') ? 404 : 413);
    if (answer.status === 413) expect(JSON.parse(answer.text).message).toMatch(/\(as sent\) is larger than/);
    expect(answer.bytesWritten).toBeLessThan(100 * MAX_BODY_BYTES);
  });

  it('logs a 413 without its body', async () => {
    await control(sandbox, 'DELETE', '/requests');
    await rawRequest(`/v1${embedPath}`, 'PATCH', { 'content-type': 'application/json', authorization: `OAuth ${sandbox.apiKey}` }, () =>
      chunksOf(3 * MAX_BODY_BYTES),
    );
    expect(sandbox.requests().map(({ status, body }) => ({ status, body }))).toEqual([{ status: 413, body: undefined }]);
  });
});

describe('400: nesting beyond the limit', () => {
  const nested = (levels: number, inner = '1') => `${'['.repeat(levels)}${inner}${']'.repeat(levels)}`;
  const depthMessage = new RegExp(`nested more than ${MAX_JSON_DEPTH} levels deep`);

  it('refuses 5,000 levels of JSON on every endpoint that reads JSON, naming the limit', async () => {
    const body = `{"status_embed_config": ${nested(5000)}}`;
    for (const method of ['PATCH', 'PUT']) {
      const response = await api(embedPath, jsonInit(method, body));
      expect(response.status).toBe(400);
      expect(await messageOf(response)).toMatch(depthMessage);
    }
    const owner = ((await (await api(`/organizations/${sandbox.organizationId}/users?per_page=1`)).json()) as Array<{ id: string }>)[0]!;
    const permissions = await api(`/organizations/${sandbox.organizationId}/permissions/${owner.id}`, jsonInit('PUT', `{"pages": ${nested(5000)}}`));
    expect(permissions.status).toBe(400);
    expect(await messageOf(permissions)).toMatch(depthMessage);
    for (const [method, path] of [
      ['POST', `/pages/${cloud}/incidents`],
      ['POST', `/pages/${cloud}/maintenances`],
      ['PUT', `/pages/${cloud}/summary`],
      ['POST', '/faults'],
      ['POST', '/settings'],
    ] as const) {
      const response = await fetch(`${sandbox.url}/_control${path}`, {
        method,
        headers: { 'content-type': 'application/json' },
        body: nested(5000, '{}'),
      });
      statuses.push(response.status);
      expect(response.status, `${method} ${path}`).toBe(400);
      expect(await messageOf(response)).toMatch(depthMessage);
    }
  });

  it('accepts nesting up to the limit (and judges the content as usual)', async () => {
    const response = await api(embedPath, jsonInit('PATCH', `{"status_embed_config": {"position": ${nested(MAX_JSON_DEPTH - 2)}}}`));
    expect(response.status).toBe(422);
  });

  it('refuses a form name 5,000 brackets deep, naming the limit', async () => {
    const name = `status_embed_config${'[a]'.repeat(5000)}`;
    const response = await api(embedPath, { method: 'PATCH', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: `${name}=1` });
    expect(response.status).toBe(400);
    expect(await messageOf(response)).toMatch(/nested too deeply: at most 8 levels/);
  });

  it.each([
    ['pages[__proto__][incident_manager]=true', 400, /uses __proto__/],
    ['pages[__proto__]=', 400, /uses __proto__/],
    ['pages=1&pages[x]=2', 400, /"pages" must be an object/],
    ['pages[0][incident_manager]=true', 400, /"pages" must be an object/],
    ['pages[][incident_manager]=true', 400, /"pages" must be an object/],
    ['pages[a[b]=1', 422, /a\[b/],
    ['pages=%E0%A4%A', 400, /malformed percent-encoding/],
  ])('a permissions form %s is %i, not a 500 or a silent change', async (body, status, message) => {
    const owner = ((await (await api(`/organizations/${sandbox.organizationId}/users?per_page=1`)).json()) as Array<{ id: string }>)[0]!;
    const path = `/organizations/${sandbox.organizationId}/permissions/${owner.id}`;
    const before = await (await api(path)).json();
    const response = await api(path, { method: 'PUT', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body });
    expect(response.status).toBe(status);
    expect(await messageOf(response)).toMatch(message);
    expect(await (await api(path)).json()).toEqual(before);
  });

  it('keeps the request log answering whatever was sent, with or without a key', async () => {
    for (const levels of [2246, 5000]) {
      expect((await api('/pages', { ...jsonInit('POST', nested(levels)), key: null })).status).toBe(401);
      expect((await api(embedPath, jsonInit('PATCH', nested(levels)))).status).toBe(400);
    }
    const log = await requestLogOverHttp();
    expect(log.length).toBeGreaterThan(0);
    expect(sandbox.requests().length).toBe(log.length);
  });
});

describe('422 and 400: capped problem lists and messages', () => {
  it('lists the first 10 problems of a 422, then how many more', async () => {
    const fields = Object.fromEntries(Array.from({ length: 30_000 }, (_, i) => [`field_${i}`, 1]));
    const response = await api(embedPath, jsonInit('PATCH', JSON.stringify({ status_embed_config: fields })));
    expect(response.status).toBe(422);
    const text = await response.text();
    expect(text.length).toBeLessThan(MAX_MESSAGE_CHARS + 200);
    const message = JSON.parse(text).message as string;
    expect(message.match(/is not a status embed config field/g)).toHaveLength(10);
    expect(message).toMatch(/; and 29990 more$/);
  });

  it('cuts a long field name, and caps a control 400 the same way', async () => {
    const long = await api(embedPath, jsonInit('PATCH', JSON.stringify({ status_embed_config: { ['n'.repeat(500_000)]: 1 } })));
    expect(long.status).toBe(422);
    expect((await long.text()).length).toBeLessThan(500);
    const fields = Object.fromEntries(Array.from({ length: 20_000 }, (_, i) => [`unknown_${i}`, 1]));
    const refused = await control(sandbox, 'POST', `/pages/${cloud}/incidents`, { name: 'x', ...fields });
    statuses.push(refused.status);
    expect(refused.status).toBe(400);
    const message = await messageOf(refused);
    expect(message.length).toBeLessThanOrEqual(MAX_MESSAGE_CHARS + 50);
    expect(message).toMatch(/; and 19990 more$/);
  });
});

describe('keys are kept out of the request log', () => {
  const presented = 'a-real-statuspage-key-0123456789';

  it.each([
    ['api_key', '?api_key={key}'],
    ['API_KEY', '?API_KEY={key}'],
    ['api-key', '?api-key={key}'],
    ['apikey', '?apikey={key}'],
    ['apiKey', '?apiKey={key}'],
    ['api[key]', '?api%5Bkey%5D={key}'],
    ['key', '?key={key}'],
    ['token', '?token={key}'],
    ['access_token', '?access_token={key}'],
    ['Authorization', '?Authorization=OAuth%20{key}'],
  ])('a query parameter named %s', async (name, query) => {
    await control(sandbox, 'DELETE', '/requests');
    await api(`/pages${query.replace('{key}', sandbox.apiKey)}`);
    await api(`/pages${query.replace('{key}', 'some-value-nobody-knows')}`);
    const [known, unknown] = sandbox.requests();
    expect(known!.query).toEqual({ [name]: '[redacted]' });
    expect(unknown!.query).toEqual({ [name]: '[redacted]' });
    expect(JSON.stringify(sandbox.requests())).not.toContain(sandbox.apiKey);
  });

  it('the known keys anywhere: path, other query values, JSON and form bodies, field names, raw text', async () => {
    await control(sandbox, 'DELETE', '/requests');
    const other = SECOND_ORGANIZATION.apiKey;
    const key = sandbox.apiKey;
    await api(`/pages/${key}/status_embed_config?note=${key}&see=${encodeURIComponent(`x${other}y`)}`);
    await api(embedPath, jsonInit('PATCH', JSON.stringify({ status_embed_config: { position: `left ${key}`, [other]: 1 }, api_key: key })));
    await api(
      embedPath,
      jsonInit('PATCH', JSON.stringify({ status_embed_config: { position: 'nowhere' }, API_KEY: 'anything', nested: { token: 't' } })),
    );
    await api(embedPath, {
      method: 'PATCH',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: `status_embed_config[position]=${key}&api[key]=${other}&status_embed_config[x]=1`,
    });
    await api(embedPath, jsonInit('PATCH', `{"api_key": "${key}", "secret": "hidden" oops`)); // does not parse: raw text
    await api(embedPath, {
      method: 'PATCH',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: `api_key=hidden&a=%zz&b=${other}`,
    }); // %zz: does not parse
    await api(`/pages/${encodeURIComponent(key).replace(/-/g, '%2D')}?x=%2`); // percent-encoded where it need not be
    await api('/pages', { key: presented });
    await api(`/pages?note=${presented}`, { headers: { authorization: `OAuth ${presented}` } });
    await api('/pages', { headers: { authorization: `Bearer ${presented}` } });
    const log = sandbox.requests();
    const text = JSON.stringify(log);
    for (const secret of [key, other, presented, 'hidden', '"t"', 'anything']) expect(text).not.toContain(secret);
    expect(log[0]!.path).toBe(`/v1/pages/[redacted]/status_embed_config`);
    expect(log[0]!.query).toEqual({ note: '[redacted]', see: 'x[redacted]y' });
    // A key used as a field name is replaced too (and its value with it: "sandbox-other-key" looks like a key's name).
    expect(log[1]!.body).toEqual({ status_embed_config: { position: 'left [redacted]', '[redacted]': '[redacted]' }, api_key: '[redacted]' });
    expect(log[2]!.body).toEqual({ status_embed_config: { position: 'nowhere' }, API_KEY: '[redacted]', nested: { token: '[redacted]' } });
    expect(log[3]!.body).toEqual({ status_embed_config: { position: '[redacted]', x: '1' }, api: { key: '[redacted]' } });
    expect(log[4]!).toMatchObject({ status: 400, body: '{"api_key": "[redacted]", "secret": "[redacted]" oops' });
    expect(log[5]!).toMatchObject({ status: 400, body: 'api_key=[redacted]&a=%zz&b=[redacted]' });
    expect(log[6]!.path).toBe('/v1/pages/[redacted]');
    expect(log[8]!.query).toEqual({ note: '[redacted]' });
  });
});

describe('control endpoints refuse other web pages', () => {
  it('403 for a request from another origin, whatever it asks; nothing changes', async () => {
    const incident = await fetch(`${sandbox.url}/_control/pages/${cloud}/incidents`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: 'http://127.0.0.1:9999' },
      body: JSON.stringify({ name: 'From another page' }),
    });
    statuses.push(incident.status);
    expect(incident.status).toBe(403);
    expect(await messageOf(incident)).toMatch(/refuse requests from web pages of another origin \(Origin "http:\/\/127\.0\.0\.1:9999"/);
    for (const [method, path] of [
      ['POST', '/reset'],
      ['DELETE', '/requests'],
      ['GET', '/requests'],
      ['POST', '/settings'],
    ]) {
      const response = await fetch(`${sandbox.url}/_control${path}`, {
        method,
        headers: { 'content-type': 'application/json', origin: 'null' },
        body: method === 'POST' ? '{"permissionsResponseShape":"data-map"}' : undefined,
      });
      statuses.push(response.status);
      expect(response.status, `${method} ${path}`).toBe(403);
    }
  });

  it('415 for a request that changes state without a JSON Content-Type (all a no-cors request can send); nothing changes', async () => {
    await api('/pages'); // a log entry that a refused DELETE /_control/requests must leave
    for (const contentType of [undefined, 'text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x']) {
      for (const [method, path, body] of [
        ['POST', '/reset', undefined],
        ['DELETE', '/requests', undefined],
        ['DELETE', '/faults', undefined],
        ['POST', `/pages/${cloud}/incidents`, '{"name":"no-cors"}'],
        ['POST', '/rate-limit', '{"limit":1}'],
        ['DELETE', `/pages/${cloud}/summary`, undefined],
      ] as const) {
        const response = await fetch(`${sandbox.url}/_control${path}`, {
          method,
          headers: contentType ? { 'content-type': contentType } : {},
          body,
        });
        statuses.push(response.status);
        expect(response.status, `${method} ${path} (${contentType})`).toBe(415);
        expect(await messageOf(response)).toMatch(/must be sent with Content-Type: application\/json, even without a body/);
      }
    }
    expect(sandbox.requests().length).toBeGreaterThan(0);
  });

  it('403 for a Host that is not a loopback name (DNS rebinding)', async () => {
    const answer = await rawRequest(
      '/_control/reset',
      'POST',
      { host: `evil.example:${new URL(sandbox.url).port}`, 'content-type': 'application/json' },
      () => [][Symbol.iterator](),
    );
    expect(answer.status).toBe(403);
    expect(JSON.parse(answer.text).message).toMatch(/only on a loopback address/);
  });

  it('answers its own origin, and requests that carry no Origin', async () => {
    const own = await fetch(`${sandbox.url}/_control/settings`, { headers: { origin: sandbox.url } });
    expect(own.status).toBe(200);
    expect((await control(sandbox, 'DELETE', '/faults')).status).toBe(204);
  });
});

describe('control endpoints keep bounded state', () => {
  it('queues at most 100 faults', async () => {
    for (let i = 0; i < 100; i++) expect((await control(sandbox, 'POST', '/faults', { status: 503, path: '/nowhere' })).status).toBe(201);
    const refused = await control(sandbox, 'POST', '/faults', { status: 503, path: '/nowhere' });
    statuses.push(refused.status);
    expect(refused.status).toBe(400);
    expect(await messageOf(refused)).toMatch(/100 faults are queued already.*DELETE \/_control\/faults/);
    expect((await control(sandbox, 'DELETE', '/faults')).status).toBe(204);
  });
});

describe('after all of it', () => {
  it('never answered 500, keeps its state, and the request log still answers', async () => {
    expect(statuses.length).toBeGreaterThan(100);
    expect(statuses.filter((status) => status >= 500)).toEqual([]);
    expect(statuses.every((status) => status >= 200 && status < 500)).toBe(true);
    expect(await stateSnapshot()).toEqual(before);
    await requestLogOverHttp();
  });
});
