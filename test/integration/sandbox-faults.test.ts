import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { SEED_PAGE_IDS, startSandbox, type RunningSandbox } from '../../sandbox';

// Failures on demand (POST /_control/faults): the next matching management API requests (by path prefix and,
// when asked, by method) get the queued status with a {"message"} or {"error"} body, then the sandbox answers as
// usual again.

let sandbox: RunningSandbox;
beforeAll(async () => {
  sandbox = await startSandbox({ port: 0 });
});
afterAll(() => sandbox.close());
beforeEach(() => sandbox.reset());

const api = (path: string, method = 'GET', body?: unknown) =>
  fetch(`${sandbox.apiBaseUrl}${path}`, {
    method,
    headers: { authorization: `OAuth ${sandbox.apiKey}`, ...(body !== undefined && { 'content-type': 'application/json' }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
const control = (method: string, body?: unknown) =>
  fetch(`${sandbox.url}/_control/faults`, {
    method,
    headers: method === 'GET' ? {} : { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });

describe('queued faults', () => {
  it('answer the next matching requests, as many times as asked, then the API is itself again', async () => {
    expect((await control('POST', { status: 503, times: 2, path: '/pages' })).status).toBe(201);
    const embed = `/pages/${SEED_PAGE_IDS.cloud}/status_embed_config`;
    expect((await api(`/organizations/${sandbox.organizationId}/users`)).status).toBe(200); // another path: untouched
    for (let i = 0; i < 2; i += 1) {
      const failed = await api(embed);
      expect(failed.status).toBe(503);
      expect(await failed.json()).toEqual({ message: 'Service unavailable' });
    }
    expect((await api(embed)).status).toBe(200);
    expect(sandbox.requests().map((request) => request.status)).toEqual([200, 503, 503, 200]);
  });

  it('take their own message, match every path by default, and are listed until used', async () => {
    await control('POST', { status: 400, message: 'per_page is invalid' });
    expect(await (await control('GET')).json()).toEqual([{ status: 400, message: 'per_page is invalid', times: 1 }]);
    const failed = await api('/pages');
    expect(failed.status).toBe(400);
    expect(await failed.json()).toEqual({ message: 'per_page is invalid' });
    expect(await (await control('GET')).json()).toEqual([]);
  });

  it('keep to one method when asked: the others pass through untouched and do not use it up', async () => {
    const embed = `/pages/${SEED_PAGE_IDS.cloud}/status_embed_config`;
    expect((await control('POST', { status: 422, method: 'PATCH', path: embed, message: 'not a colour this plan allows' })).status).toBe(201);
    expect((await api(embed)).status).toBe(200); // a GET of the same path
    expect(await (await control('GET')).json()).toEqual([
      { status: 422, message: 'not a colour this plan allows', times: 1, path: embed, method: 'PATCH' },
    ]);
    const refused = await api(embed, 'PATCH', { status_embed_config: { incident_text_color: '#102030' } });
    expect(refused.status).toBe(422);
    expect(await refused.json()).toEqual({ message: 'not a colour this plan allows' });
    const accepted = await api(embed, 'PATCH', { status_embed_config: { incident_text_color: '#102030' } });
    expect(accepted.status).toBe(200);
    expect(await accepted.json()).toMatchObject({ incident_text_color: '#102030' });
    expect(sandbox.requests().map((request) => `${request.method} ${request.status}`)).toEqual(['GET 200', 'PATCH 422', 'PATCH 200']);
  });

  it('answer {"error"} when the shape says so, with their words or the default ones', async () => {
    await control('POST', { status: 404, shape: 'error', message: 'Not found', path: `/pages/${SEED_PAGE_IDS.payments}/` });
    await control('POST', { status: 503, shape: 'error' });
    await control('POST', { status: 500, shape: 'message' });
    expect((await (await control('GET')).json())[0]).toEqual({
      status: 404,
      message: 'Not found',
      times: 1,
      path: `/pages/${SEED_PAGE_IDS.payments}/`,
      shape: 'error',
    });
    const gone = await api(`/pages/${SEED_PAGE_IDS.payments}/status_embed_config`);
    expect(gone.status).toBe(404);
    expect(gone.headers.get('content-type')).toMatch(/^application\/json/);
    expect(await gone.json()).toEqual({ error: 'Not found' });
    const down = await api('/pages');
    expect(down.status).toBe(503);
    expect(await down.json()).toEqual({ error: 'Service unavailable' });
    const failed = await api('/pages');
    expect(failed.status).toBe(500);
    expect(await failed.json()).toEqual({ message: 'Internal server error' });
  });

  it('answer before auth: a queued 401 meets even a good key, and the next request with it is accepted', async () => {
    await control('POST', { status: 401, method: 'GET', shape: 'error', message: 'Unauthorized' });
    const refused = await api('/pages');
    expect(refused.status).toBe(401);
    expect(await refused.json()).toEqual({ error: 'Unauthorized' });
    expect((await api('/pages')).status).toBe(200);
  });

  it('go away with DELETE or a reset', async () => {
    await control('POST', { status: 500, times: 5 });
    expect((await control('DELETE')).status).toBe(204);
    expect((await api('/pages')).status).toBe(200);
    await control('POST', { status: 500, times: 5 });
    sandbox.reset();
    expect((await api('/pages')).status).toBe(200);
  });

  it('refuse what they cannot be, naming the field', async () => {
    const refused = await control('POST', { status: 429, times: 0, path: 'pages', colour: 'red' });
    expect(refused.status).toBe(400);
    const { message } = (await refused.json()) as { message: string };
    expect(message).toContain('colour is not a field here');
    expect(message).toContain('status must be an HTTP error status from 400 to 599 (not 420 or 429');
    expect(message).toContain('times must be a whole number from 1 to 1000');
    expect(message).toContain('path must start with /');
    expect((await control('POST', { status: 200 })).status).toBe(400);
  });

  it('refuse a method or a shape they do not know, naming the field and the choices', async () => {
    const refused = await control('POST', { status: 503, method: 'patch', shape: 'errors' });
    expect(refused.status).toBe(400);
    const { message } = (await refused.json()) as { message: string };
    expect(message).toContain('method must be one of GET, POST, PUT, PATCH, DELETE, got "patch"');
    expect(message).toContain('shape must be one of message, error, got "errors"');
    for (const bad of [{ method: 7 }, { method: null }, { method: 'OPTIONS' }, { shape: true }, { shape: '' }]) {
      const response = await control('POST', { status: 500, ...bad });
      expect(response.status, JSON.stringify(bad)).toBe(400);
    }
    expect(await (await control('GET')).json()).toEqual([]); // nothing refused was queued
  });

  it('reset clears faults kept to a method or a shape too', async () => {
    await control('POST', { status: 403, method: 'PUT', shape: 'error', times: 3 });
    sandbox.reset();
    expect(await (await control('GET')).json()).toEqual([]);
  });
});
