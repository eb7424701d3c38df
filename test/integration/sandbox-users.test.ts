import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createStatuspageClient, NotFoundError, UnprocessableEntityError } from '../../shared/index';
import { PAGE_WITHOUT_RBAC_ID, SECOND_ORGANIZATION, SEED_PAGE_IDS, SEED_USER_COUNT, startSandbox, type RunningSandbox } from '../../sandbox';
import { validatingFetch } from '../support/openapi';

// Joining and leaving (issue 21): POST and DELETE /organizations/{id}/users as the official document has them, over
// real HTTP, every exchange checked against the document on its way (validatingFetch).

let sandbox: RunningSandbox;
let problems: string[];
/** A fetch to the sandbox that records whatever either side does off the official document. */
let checked: ReturnType<typeof validatingFetch>;

beforeAll(async () => {
  sandbox = await startSandbox({ port: 0, rateLimit: { limit: 10_000 } });
});
afterAll(() => sandbox.close());
beforeEach(() => {
  sandbox.reset();
  problems = [];
  checked = validatingFetch('/v1', problems);
});

type Json = Record<string, unknown>;
const usersPath = () => `/organizations/${sandbox.organizationId}/users`;

async function api(path: string, init: RequestInit & { json?: unknown; key?: string } = {}): Promise<{ status: number; body: Json & Json[] }> {
  const { json, key = sandbox.apiKey, ...rest } = init;
  const headers = new Headers(rest.headers);
  headers.set('authorization', `OAuth ${key}`);
  if (json !== undefined) headers.set('content-type', 'application/json');
  const response = await checked(`${sandbox.apiBaseUrl}${path}`, {
    ...rest,
    headers: Object.fromEntries(headers),
    body: json === undefined ? rest.body : JSON.stringify(json),
  });
  return { status: response.status, body: (await response.json()) as Json & Json[] };
}
const create = (user: unknown) => api(usersPath(), { method: 'POST', json: { user } });
async function allUsers(): Promise<Json[]> {
  const users: Json[] = [];
  for (let page = 1; ; page++) {
    const { body } = await api(`${usersPath()}?page=${page}&per_page=100`);
    users.push(...body);
    if (body.length < 100) return users;
  }
}

describe('POST /organizations/{id}/users', () => {
  it('creates a member: 201 with the user, in the paged list, with every page and every role', async () => {
    const { status, body } = await create({ email: 'ada@example.com', first_name: 'Ada', last_name: 'Lovelace' });
    expect(status).toBe(201);
    expect(body).toMatchObject({ organization_id: sandbox.organizationId, email: 'ada@example.com', first_name: 'Ada', last_name: 'Lovelace' });
    expect(body.id).toMatch(/^[a-z0-9]{12}$/);
    const users = await allUsers();
    expect(users).toHaveLength(SEED_USER_COUNT + 1);
    expect(users.at(-1)).toEqual(body);
    const permissions = await api(`/organizations/${sandbox.organizationId}/permissions/${body.id}`);
    expect(permissions.status).toBe(200);
    const everyRole = { page_configuration: true, incident_manager: true, maintenance_manager: true };
    expect(permissions.body.pages).toEqual([
      { page_id: SEED_PAGE_IDS.cloud, ...everyRole },
      { page_id: SEED_PAGE_IDS.payments, ...everyRole },
      { page_id: PAGE_WITHOUT_RBAC_ID },
    ]);
    expect(problems).toEqual([]);
  });

  it('reads the form the document shows (user[email]=…), names optional', async () => {
    const { status, body } = await api(usersPath(), {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'user[email]=grace%40example.com&user[password]=hunter22',
    });
    expect(status).toBe(201);
    expect(body).toMatchObject({ email: 'grace@example.com', first_name: '', last_name: '' });
    expect(JSON.stringify(body)).not.toContain('hunter22');
    expect(JSON.stringify(sandbox.requests())).not.toContain('hunter22');
  });

  // The last column: whether the body itself is one the document allows (then the exchange must be all on it; the
  // document lists 422 for this operation but not 400, so a 400 is the one thing off it).
  it.each([
    ['no email', { user: { first_name: 'Ada' } }, 422, /email can't be blank/, true],
    ['a blank email', { user: { email: '  ' } }, 422, /email can't be blank/, true],
    ['a malformed email', { user: { email: 'ada at example.com' } }, 422, /email "ada at example\.com" is not an email address/, true],
    ['an email with no domain dot', { user: { email: 'ada@localhost' } }, 422, /is not an email address/, true],
    ['an email already in the organization (any case)', { user: { email: 'ADA@example.com' } }, 422, /has already been taken/, true],
    [
      'an unknown field',
      { user: { email: 'new@example.com', role: 'admin' } },
      422,
      /role is not a user field \(email, first_name, last_name, password\)/,
      true,
    ],
    ['a name too long', { user: { email: 'new@example.com', last_name: 'x'.repeat(256) } }, 422, /last_name is longer than 255 characters/, true],
    ['a body not wrapped in user', { email: 'new@example.com' }, 400, /body must be \{"user": .*"user" is missing/, false],
    ['user not an object', { user: 'new@example.com' }, 400, /"user" must be an object/, false],
    ['an email that is not a string', { user: { email: ['a@b.co'] } }, 422, /email must be a string/, false],
  ])('refuses %s with %i and a message; nobody is created', async (_, json, status, message, onDocument) => {
    await create({ email: 'ada@example.com' });
    const before = (await allUsers()).length;
    problems.length = 0;
    const answer = await api(usersPath(), { method: 'POST', json });
    expect(answer.status).toBe(status);
    expect(answer.body.message).toMatch(message);
    expect((await allUsers()).length).toBe(before);
    const offDocument = problems.filter((problem) => !problem.includes('status 400 is not one the document lists'));
    if (onDocument) expect(offDocument).toEqual([]);
    else expect(offDocument).toEqual([expect.stringMatching(/postOrganizationsOrganizationIdUsers\) request: /)]);
  });

  it("refuses another organization's users with 403, and an unknown organization with 404", async () => {
    expect((await create({ email: 'ada@example.com' })).status).toBe(201);
    const foreign = await api(`/organizations/${SECOND_ORGANIZATION.id}/users`, { method: 'POST', json: { user: { email: 'x@example.com' } } });
    expect(foreign.status).toBe(403);
    expect((await api('/organizations/nosuchorg000/users', { method: 'POST', json: { user: { email: 'x@example.com' } } })).status).toBe(404);
  });
});

describe('DELETE /organizations/{id}/users/{user_id}', () => {
  it('removes the member: 200 with the user; then the user, its permissions and a second DELETE are 404', async () => {
    const { body: user } = await create({ email: 'ada@example.com' });
    const removed = await api(`${usersPath()}/${user.id}`, { method: 'DELETE' });
    expect(removed).toEqual({ status: 200, body: user });
    expect((await api(`/organizations/${sandbox.organizationId}/permissions/${user.id}`)).status).toBe(404);
    expect((await api(`${usersPath()}/${user.id}`, { method: 'DELETE' })).status).toBe(404);
    expect((await allUsers()).map((member) => member.id)).not.toContain(user.id);
    expect((await allUsers()).length).toBe(SEED_USER_COUNT);
    expect(problems).toEqual([]);
  });

  it('removes a seeded member too, and the email can join again as a new user', async () => {
    const [owner] = await allUsers();
    expect((await api(`${usersPath()}/${owner!.id}`, { method: 'DELETE' })).status).toBe(200);
    const again = await create({ email: owner!.email });
    expect(again.status).toBe(201);
    expect(again.body.id).not.toBe(owner!.id);
  });

  it("cannot reach another organization's member (403 on its organization, 404 through one's own)", async () => {
    const other = createStatuspageClient({ apiKey: SECOND_ORGANIZATION.apiKey, baseUrl: sandbox.apiBaseUrl });
    const [stranger] = await other.listUsers(SECOND_ORGANIZATION.id);
    expect((await api(`/organizations/${SECOND_ORGANIZATION.id}/users/${stranger!.id}`, { method: 'DELETE' })).status).toBe(403);
    expect((await api(`${usersPath()}/${stranger!.id}`, { method: 'DELETE' })).status).toBe(404);
    expect((await other.listUsers(SECOND_ORGANIZATION.id)).map((user) => user.id)).toContain(stranger!.id);
  });
});

describe('the client, through the document-checking fetch, against the sandbox', () => {
  it('createUser, then deleteUser: every exchange on the document; 422 and 404 in the server’s words', async () => {
    for (const encoding of ['json', 'form'] as const) {
      sandbox.reset();
      const client = createStatuspageClient({ apiKey: sandbox.apiKey, baseUrl: sandbox.apiBaseUrl, fetch: checked, encoding });
      const user = await client.createUser(sandbox.organizationId, { email: 'ada@example.com', firstName: 'Ada' });
      expect(user).toMatchObject({ email: 'ada@example.com', first_name: 'Ada', last_name: '' });
      const taken = await client.createUser(sandbox.organizationId, { email: 'ada@example.com' }).catch((e: unknown) => e);
      expect(taken).toBeInstanceOf(UnprocessableEntityError);
      expect((taken as Error).message).toMatch(/has already been taken/);
      expect(await client.deleteUser(sandbox.organizationId, user.id)).toEqual(user);
      await expect(client.deleteUser(sandbox.organizationId, user.id)).rejects.toBeInstanceOf(NotFoundError);
      await expect(client.getUserPermissions(sandbox.organizationId, user.id)).rejects.toBeInstanceOf(NotFoundError);
    }
    expect(problems).toEqual([]);
  });

  it('the checking fetch bites: an answer off the document is reported', async () => {
    const lying = validatingFetch('/v1', problems, async () => new Response(JSON.stringify({ id: 7 }), { status: 201 }));
    await lying(`${sandbox.apiBaseUrl}${usersPath()}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ user: { email: 'a@example.com' } }),
    });
    expect(problems).toEqual([expect.stringMatching(/postOrganizationsOrganizationIdUsers 201 answer: \/id must be string/)]);
  });
});
