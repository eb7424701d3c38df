import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { SEED_PAGE_IDS, startSandbox, type RunningSandbox } from '../../sandbox';

// Failures on demand (POST /_control/faults): the next matching management API requests get the queued
// status with a {"message"} body, then the sandbox answers as usual again.

let sandbox: RunningSandbox;
beforeAll(async () => {
  sandbox = await startSandbox({ port: 0 });
});
afterAll(() => sandbox.close());
beforeEach(() => sandbox.reset());

const api = (path: string) => fetch(`${sandbox.apiBaseUrl}${path}`, { headers: { authorization: `OAuth ${sandbox.apiKey}` } });
const control = (method: string, body?: unknown) =>
  fetch(`${sandbox.url}/_control/faults`, {
    method,
    headers: body === undefined ? {} : { 'content-type': 'application/json' },
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
});
