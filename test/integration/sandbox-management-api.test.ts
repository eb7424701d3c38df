import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { PageList, StatusEmbedConfig, UserList } from '../../shared/schemas';
import { readOpenApiDocument } from '../support/fixtures';
import { PAGE_WITHOUT_RBAC_ID, SECOND_ORGANIZATION, SEED_PAGE_IDS, SEED_USER_COUNT, startSandbox, type RunningSandbox } from '../../sandbox';

// The sandbox's management API over real HTTP: auth, 401/403/404, pages, users, the status embed config,
// both body encodings and what happens when the Content-Type does not match the body.

let sandbox: RunningSandbox;
const FORM = 'application/x-www-form-urlencoded';

function api(path: string, init: RequestInit = {}, key: string | null = sandbox.apiKey): Promise<Response> {
  const headers = new Headers(init.headers);
  if (key !== null && !headers.has('authorization')) headers.set('authorization', `OAuth ${key}`);
  return fetch(`${sandbox.apiBaseUrl}${path}`, { ...init, headers });
}

const json = (body: unknown, method = 'PATCH'): RequestInit => ({
  method,
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify(body),
});
const form = (body: string, method = 'PATCH'): RequestInit => ({ method, headers: { 'content-type': FORM }, body });
const embedPath = (pageId: string = SEED_PAGE_IDS.cloud) => `/pages/${pageId}/status_embed_config`;

async function expectError(response: Response, status: number, pattern: RegExp) {
  expect(response.status).toBe(status);
  expect(response.headers.get('content-type')).toMatch(/^application\/json/);
  const body = (await response.json()) as { message: unknown };
  expect(Object.keys(body)).toEqual(['message']);
  expect(body.message).toMatch(pattern);
}

beforeAll(async () => {
  sandbox = await startSandbox({ port: 0, rateLimit: { limit: 10_000 } });
});
afterAll(() => sandbox.close());
beforeEach(() => sandbox.reset());

describe('authentication', () => {
  it('accepts the key in an OAuth header or in ?api_key=', async () => {
    expect((await api('/pages')).status).toBe(200);
    const byQuery = await api(`/pages?api_key=${sandbox.apiKey}`, {}, null);
    expect(byQuery.status).toBe(200);
    expect(await byQuery.json()).toHaveLength(3);
  });

  it.each([
    ['no key', {}],
    ['a wrong key', { authorization: 'OAuth not-the-key' }],
    ['another scheme', { authorization: `Bearer ${'sandbox-demo-key'}` }],
    ['an empty OAuth header', { authorization: 'OAuth ' }],
    // "It's OAuth and not Oauth" (Statuspage's docs): the scheme is matched as written.
    ['the scheme written Oauth', { authorization: 'Oauth sandbox-demo-key' }],
    ['the scheme written oauth', { authorization: 'oauth sandbox-demo-key' }],
    ['the scheme written OAUTH', { authorization: 'OAUTH sandbox-demo-key' }],
  ])('refuses %s with 401 "Could not authenticate"', async (_, headers) => {
    await expectError(await api('/pages', { headers }, null), 401, /^Could not authenticate$/);
  });

  it('lets a present header decide even when the query carries a valid key', async () => {
    const response = await api(`/pages?api_key=${sandbox.apiKey}`, { headers: { authorization: 'OAuth wrong' } }, null);
    expect(response.status).toBe(401);
  });

  it('checks the key before it looks for the resource', async () => {
    await expectError(await api('/pages/nonexistent00/status_embed_config', {}, null), 401, /authenticate/);
  });
});

describe('403 and 404', () => {
  it("answers 403 for another organization's page, users and permissions", async () => {
    await expectError(await api(embedPath(SEED_PAGE_IDS.globex)), 403, /not authorized/);
    await expectError(await api(embedPath(SEED_PAGE_IDS.globex), json({ status_embed_config: { position: 'bottom-left' } })), 403, /not authorized/);
    await expectError(await api(`/organizations/${SECOND_ORGANIZATION.id}/users`), 403, /not authorized/);
    await expectError(await api(`/pages/${SEED_PAGE_IDS.cloud}`, {}, SECOND_ORGANIZATION.apiKey), 403, /not authorized/);
  });

  it('answers 404 for unknown pages, organizations, users and routes', async () => {
    await expectError(await api(embedPath('zzzzzzzzzzzz')), 404, /could not be found/);
    await expectError(await api('/organizations/zzzzzzzzzzzz/users'), 404, /could not be found/);
    await expectError(await api(`/organizations/${sandbox.organizationId}/users/zzzzzzzzzzzz`), 404, /could not be found/);
    await expectError(await api('/incidents'), 404, /could not be found/);
  });

  it("does not expose a page's embed config under a key of the other organization", async () => {
    const response = await api(embedPath(SEED_PAGE_IDS.globex), {}, SECOND_ORGANIZATION.apiKey);
    expect(response.status).toBe(200);
    expect(((await response.json()) as { page_id: string }).page_id).toBe(SEED_PAGE_IDS.globex);
  });
});

describe('GET /pages', () => {
  it("lists the organization's pages with every field of the spec's Page schema", async () => {
    const spec = readOpenApiDocument();
    const specFields = Object.keys(spec.components.schemas.Page!.properties).sort();
    const pages = (await (await api('/pages')).json()) as Array<Record<string, unknown>>;
    expect(pages.map((page) => page.id)).toEqual([SEED_PAGE_IDS.cloud, SEED_PAGE_IDS.payments, SEED_PAGE_IDS.labs]);
    for (const page of pages) expect(Object.keys(page).sort()).toEqual(specFields);
    expect(PageList.safeParse(pages).success).toBe(true);
    for (const page of pages) expect(page.id).toMatch(/^[a-z0-9]{12}$/);
    expect(pages).toEqual(sandbox.pages);
  });

  it('has no CORS headers, for a simple request and for a preflight alike', async () => {
    const response = await api('/pages', { headers: { origin: 'https://example.com' } });
    expect(response.status).toBe(200);
    expect([...response.headers.keys()].filter((name) => name.startsWith('access-control-'))).toEqual([]);
    const preflight = await api(
      embedPath(),
      { method: 'OPTIONS', headers: { origin: 'https://example.com', 'access-control-request-method': 'PATCH' } },
      null,
    );
    expect([...preflight.headers.keys()].filter((name) => name.startsWith('access-control-'))).toEqual([]);
  });
});

describe('GET /organizations/:id/users', () => {
  const users = (query: string) => api(`/organizations/${sandbox.organizationId}/users${query}`);

  it('pages through every user, 100 by default, with a short last page', async () => {
    const first = (await (await users('')).json()) as Array<{ id: string; email: string }>;
    const second = (await (await users('?page=2')).json()) as Array<{ id: string; email: string }>;
    const third = (await (await users('?page=3')).json()) as unknown[];
    expect(SEED_USER_COUNT).toBeGreaterThanOrEqual(120);
    expect(first).toHaveLength(100);
    expect(second).toHaveLength(SEED_USER_COUNT - 100);
    expect(third).toEqual([]);
    const all = [...first, ...second];
    expect(new Set(all.map((user) => user.id)).size).toBe(SEED_USER_COUNT);
    expect(new Set(all.map((user) => user.email)).size).toBe(SEED_USER_COUNT);
    expect(UserList.safeParse(all).success).toBe(true);
    for (const user of all) expect(user.email).toMatch(/^[a-z0-9.-]+@acme-cloud\.example$/);
  });

  it('honours per_page, caps it at 100 and keeps the order stable', async () => {
    const all = [
      ...((await (await users('?per_page=100&page=1')).json()) as Array<{ id: string }>),
      ...((await (await users('?per_page=100&page=2')).json()) as Array<{ id: string }>),
    ];
    const pageOfTen = (await (await users('?page=3&per_page=10')).json()) as Array<{ id: string }>;
    expect(pageOfTen.map((user) => user.id)).toEqual(all.slice(20, 30).map((user) => user.id));
    expect((await (await users('?per_page=500')).json()) as unknown[]).toHaveLength(100);
  });

  it.each(['?page=0', '?page=-1', '?page=two', '?per_page=0', '?per_page=1.5'])('refuses %s with 400', async (query) => {
    await expectError(await users(query), 400, /must be a whole number from 1/);
  });

  it('lists users with the fields of the spec, and has no GET of one user (the document has none)', async () => {
    const [user] = (await (await users('?per_page=1')).json()) as Array<Record<string, unknown>>;
    expect(Object.keys(user!).sort()).toEqual(['created_at', 'email', 'first_name', 'id', 'last_name', 'organization_id', 'updated_at']);
    await expectError(await api(`/organizations/${sandbox.organizationId}/users/${user!.id}`), 404, /could not be found/);
  });
});

describe('status_embed_config', () => {
  const read = async (pageId: string = SEED_PAGE_IDS.cloud) => (await (await api(embedPath(pageId))).json()) as Record<string, unknown>;

  it('answers the unwrapped object: page_id and the five fields', async () => {
    const config = await read();
    expect(config).toEqual({
      page_id: SEED_PAGE_IDS.cloud,
      position: 'bottom-left',
      incident_background_color: '#c0392b',
      incident_text_color: '#ffffff',
      maintenance_background_color: '#1f6feb',
      maintenance_text_color: '#ffffff',
    });
    expect(StatusEmbedConfig.safeParse(config).success).toBe(true);
  });

  it('keeps the spelling a page was stored with (bottom_right round trip)', async () => {
    expect((await read(SEED_PAGE_IDS.payments)).position).toBe('bottom_right');
    const response = await api(embedPath(SEED_PAGE_IDS.payments), json({ status_embed_config: { position: 'top_left' } }));
    expect(((await response.json()) as { position: string }).position).toBe('top_left');
  });

  it('PATCH merges the given fields (JSON)', async () => {
    const response = await api(embedPath(), json({ status_embed_config: { incident_background_color: '#123', position: 'top-right' } }));
    expect(response.status).toBe(200);
    const expected = { ...(await read()), incident_background_color: '#123', position: 'top-right' };
    expect(await response.json()).toEqual(expected);
    expect((await read()).incident_text_color).toBe('#ffffff');
  });

  it('PATCH merges the given fields (bracket-notation form)', async () => {
    const response = await api(embedPath(), form('status_embed_config[position]=bottom_left&status_embed_config[maintenance_text_color]=%23ABCDEF'));
    expect(response.status).toBe(200);
    const config = await read();
    expect(config).toMatchObject({ position: 'bottom_left', maintenance_text_color: '#ABCDEF', incident_background_color: '#c0392b' });
  });

  it('PUT replaces: a field not given becomes null', async () => {
    const response = await api(embedPath(), json({ status_embed_config: { position: 'bottom-right', incident_text_color: '#000000' } }, 'PUT'));
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({
      page_id: SEED_PAGE_IDS.cloud,
      position: 'bottom-right',
      incident_background_color: null,
      incident_text_color: '#000000',
      maintenance_background_color: null,
      maintenance_text_color: null,
    });
    expect(await read()).toMatchObject({ incident_background_color: null });
  });

  it('PUT with a form replaces too', async () => {
    await api(embedPath(), form('status_embed_config[position]=top-left', 'PUT'));
    expect(await read()).toMatchObject({ position: 'top-left', incident_text_color: null });
  });

  it('accepts page_id echoed back, when it is the page in the URL', async () => {
    const config = await read();
    expect((await api(embedPath(), json({ status_embed_config: config }, 'PUT'))).status).toBe(200);
    await expectError(await api(embedPath(), json({ status_embed_config: { page_id: 'other' } })), 422, /page_id "other" does not match/);
  });

  it.each([
    [{ incident_background_color: 'red' }, /incident_background_color must be a colour written #rgb or #rrggbb, got "red"/],
    [{ incident_text_color: '#12345' }, /incident_text_color must be a colour/],
    [{ maintenance_text_color: 'url(javascript:alert(1))' }, /maintenance_text_color must be a colour/],
    [{ position: 'center' }, /position must be one of bottom-left, bottom-right, top-left, top-right/],
    [{ position: 'Bottom-Left' }, /position must be one of/],
    [{ position: 1 }, /position must be a string, got 1/],
    [{ incident_text_color: null }, /incident_text_color must be a string, got null/],
    [{ incident_bg_color: '#fff' }, /incident_bg_color is not a status embed config field/],
  ])('refuses %j with 422 and a message naming the field', async (fields, message) => {
    await expectError(await api(embedPath(), json({ status_embed_config: fields })), 422, message);
    expect((await read()).position).toBe('bottom-left');
  });

  it('reports every rejected field at once and changes nothing', async () => {
    const response = await api(
      embedPath(),
      json({ status_embed_config: { position: 'middle', incident_text_color: 'red', maintenance_text_color: '#fff' } }),
    );
    await expectError(response, 422, /position .*; incident_text_color/);
    expect((await read()).maintenance_text_color).toBe('#ffffff');
  });

  it.each([
    ['no wrapper', json({ position: 'bottom-left' }), 400, /body must be \{"status_embed_config": \{\.\.\.\}\}: "status_embed_config" is missing/],
    ['a wrapper that is not an object', json({ status_embed_config: 'bottom-left' }), 400, /"status_embed_config" must be an object/],
    ['an empty body', { method: 'PATCH', headers: { 'content-type': 'application/json' } }, 400, /is missing/],
    ['bad JSON', { method: 'PATCH', headers: { 'content-type': 'application/json' }, body: '{"status_embed_config": ' }, 400, /not valid JSON/],
    [
      'form text sent as JSON',
      { method: 'PATCH', headers: { 'content-type': 'application/json' }, body: 'status_embed_config[position]=bottom-left' },
      400,
      /Content-Type is application\/json but the body is form-encoded/,
    ],
    [
      'JSON sent as a form',
      { method: 'PATCH', headers: { 'content-type': FORM }, body: '{"status_embed_config":{"position":"bottom-left"}}' },
      400,
      /Content-Type is application\/x-www-form-urlencoded but the body is JSON/,
    ],
    ['a body with no Content-Type', { method: 'PATCH', body: new Blob(['{"status_embed_config":{}}']) }, 415, /no Content-Type/],
    [
      'text/plain',
      { method: 'PATCH', headers: { 'content-type': 'text/plain' }, body: '{"status_embed_config":{}}' },
      415,
      /Content-Type text\/plain is not supported/,
    ],
    [
      'a charset other than UTF-8',
      { method: 'PATCH', headers: { 'content-type': 'application/json; charset=iso-8859-1' }, body: '{}' },
      415,
      /charset iso-8859-1/,
    ],
    // qs reads an unclosed bracket as part of the name, so the field is one the endpoint does not know.
    ['a malformed form field name', form('status_embed_config[position=bottom-left'), 422, /\[position is not a status embed config field/],
    ['bad percent-encoding in a form', form('status_embed_config[position]=%E0%A4%A'), 400, /malformed percent-encoding/],
  ] as const)('refuses %s with %i', async (_, init, status, message) => {
    await expectError(await api(embedPath(), init as RequestInit), status, message);
  });

  it('accepts JSON with a charset parameter', async () => {
    const response = await api(embedPath(), {
      method: 'PATCH',
      headers: { 'content-type': 'application/json; charset=UTF-8' },
      body: JSON.stringify({ status_embed_config: { position: 'top-left' } }),
    });
    expect(response.status).toBe(200);
  });

  it('answers 403 and 404 before it reads the body', async () => {
    await expectError(await api(embedPath(SEED_PAGE_IDS.globex), form('garbage[')), 403, /not authorized/);
    await expectError(await api(embedPath('zzzzzzzzzzzz'), form('garbage[')), 404, /could not be found/);
  });

  it('serves the page without RBAC like any other', async () => {
    expect((await read(PAGE_WITHOUT_RBAC_ID)).position).toBe('top-right');
  });
});

describe('request log', () => {
  it('records method, path, query with api_key redacted, status, parsed body and where the key was', async () => {
    await api(`/organizations/${sandbox.organizationId}/users?page=2&per_page=5&api_key=${sandbox.apiKey}`, {}, null);
    await api(embedPath(), form('status_embed_config[position]=top-left&status_embed_config[x][]=a&status_embed_config[x][]=b'));
    await api(embedPath(), json({ status_embed_config: { position: 'bottom-left' } }, 'PUT'));
    await api('/pages', {}, 'wrong-key');
    const log = sandbox.requests();
    expect(log.map(({ method, path, status, auth }) => ({ method, path, status, auth }))).toEqual([
      { method: 'GET', path: `/v1/organizations/${sandbox.organizationId}/users`, status: 200, auth: 'query' },
      { method: 'PATCH', path: `/v1${embedPath()}`, status: 422, auth: 'header' },
      { method: 'PUT', path: `/v1${embedPath()}`, status: 200, auth: 'header' },
      { method: 'GET', path: '/v1/pages', status: 401, auth: 'header' },
    ]);
    expect(log[0]!.query).toEqual({ page: '2', per_page: '5', api_key: '[redacted]' });
    expect(log[1]!.body).toEqual({ status_embed_config: { position: 'top-left', x: ['a', 'b'] } });
    expect(log[2]!.body).toEqual({ status_embed_config: { position: 'bottom-left' } });
    expect(log[2]!.contentType).toBe('application/json');
    expect(Date.parse(log[0]!.at)).not.toBeNaN();
    expect(JSON.stringify(log)).not.toContain(sandbox.apiKey);

    const overHttp = await (await fetch(`${sandbox.url}/_control/requests`)).json();
    expect(overHttp).toEqual(log);
  });

  it('keeps the raw text of a body that did not parse, and reset() empties it', async () => {
    await api(embedPath(), { method: 'PATCH', headers: { 'content-type': 'application/json' }, body: '{oops' });
    expect(sandbox.requests()[0]).toMatchObject({ status: 400, body: '{oops' });
    sandbox.reset();
    expect(sandbox.requests()).toEqual([]);
  });
});

describe('close()', () => {
  it('does not hang on a kept-alive connection', async () => {
    const extra = await startSandbox({ port: 0 });
    const response = await fetch(`${extra.apiBaseUrl}/pages`, { headers: { authorization: `OAuth ${extra.apiKey}`, connection: 'keep-alive' } });
    await response.text();
    const started = performance.now();
    await extra.close();
    expect(performance.now() - started).toBeLessThan(1000);
    await expect(fetch(`${extra.url}/v1/pages`)).rejects.toThrow();
  });
});
