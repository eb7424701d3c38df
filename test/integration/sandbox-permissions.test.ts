import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { normalizeUserPermissions, UserPermissionsResponse } from '../../shared/schemas';
import { PAGE_WITHOUT_RBAC_ID, SECOND_ORGANIZATION, SEED_PAGE_IDS, startSandbox, type RunningSandbox } from '../../sandbox';

// GET/PUT /organizations/:org/permissions/:user: both response shapes, PUT replacing the whole mapping,
// both encodings, and every refusal.

let sandbox: RunningSandbox;
let owner: string; // the seeded owner: all roles on both RBAC pages, {} on the page without RBAC
let newcomer: string; // a seeded user with no page access yet

const FULL = { page_configuration: true, incident_manager: true, maintenance_manager: true };
const NONE = { page_configuration: false, incident_manager: false, maintenance_manager: false };

function api(path: string, init: RequestInit = {}): Promise<Response> {
  const headers = new Headers(init.headers);
  headers.set('authorization', `OAuth ${sandbox.apiKey}`);
  return fetch(`${sandbox.apiBaseUrl}${path}`, { ...init, headers });
}
const permissionsPath = (userId: string, organizationId = sandbox.organizationId) => `/organizations/${organizationId}/permissions/${userId}`;
const putJson = (userId: string, body: unknown) =>
  api(permissionsPath(userId), { method: 'PUT', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
const putForm = (userId: string, body: string) =>
  api(permissionsPath(userId), { method: 'PUT', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body });

async function expectError(response: Response, status: number, pattern: RegExp) {
  expect(response.status).toBe(status);
  expect(((await response.json()) as { message: string }).message).toMatch(pattern);
}

async function setShape(shape: 'list' | 'data-map') {
  const response = await fetch(`${sandbox.url}/_control/settings`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ permissionsResponseShape: shape }),
  });
  expect(response.status).toBe(200);
}

beforeAll(async () => {
  sandbox = await startSandbox({ port: 0, rateLimit: { limit: 10_000 } });
  const users = (await (await api(`/organizations/${sandbox.organizationId}/users?per_page=100`)).json()) as Array<{ id: string }>;
  owner = users[0]!.id;
  newcomer = users[99]!.id;
});
afterAll(() => sandbox.close());
beforeEach(() => sandbox.reset());

describe('GET permissions', () => {
  it("answers the spec's example shape by default: {user_id, pages: [{page_id, ...roles}]}", async () => {
    const response = await api(permissionsPath(owner));
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({
      user_id: owner,
      pages: [{ page_id: SEED_PAGE_IDS.cloud, ...FULL }, { page_id: SEED_PAGE_IDS.payments, ...FULL }, { page_id: PAGE_WITHOUT_RBAC_ID }],
    });
  });

  it("answers the spec's schema shape when set to data-map: {data: {user_id, pages: {id: roles}}}", async () => {
    await setShape('data-map');
    const body = await (await api(permissionsPath(owner))).json();
    expect(body).toEqual({
      data: { user_id: owner, pages: { [SEED_PAGE_IDS.cloud]: FULL, [SEED_PAGE_IDS.payments]: FULL, [PAGE_WITHOUT_RBAC_ID]: {} } },
    });
  });

  it('gives the same mapping in both shapes, as a client reading either would see it', async () => {
    const list = await (await api(permissionsPath(owner))).json();
    await setShape('data-map');
    const map = await (await api(permissionsPath(owner))).json();
    const fromList = normalizeUserPermissions(UserPermissionsResponse.parse(list), 'fallback');
    const fromMap = normalizeUserPermissions(UserPermissionsResponse.parse(map), 'fallback');
    expect(fromMap).toEqual(fromList);
    expect(fromList.userId).toBe(owner);
  });

  it('takes the shape from the start options too, and reset() restores it', async () => {
    const mapped = await startSandbox({ port: 0, permissionsResponseShape: 'data-map' });
    try {
      const response = await fetch(`${mapped.apiBaseUrl}${permissionsPath(owner, mapped.organizationId)}`, {
        headers: { authorization: `OAuth ${mapped.apiKey}` },
      });
      expect(Object.keys((await response.json()) as object)).toEqual(['data']);
    } finally {
      await mapped.close();
    }
    await setShape('data-map');
    sandbox.reset();
    expect(Object.keys((await (await api(permissionsPath(owner))).json()) as object)).toEqual(['user_id', 'pages']);
  });

  it('answers an empty list for a member with no page access', async () => {
    expect(await (await api(permissionsPath(newcomer))).json()).toEqual({ user_id: newcomer, pages: [] });
  });

  it('answers 404 for an unknown user or a user of another organization, 403 for another organization', async () => {
    await expectError(await api(permissionsPath('zzzzzzzzzzzz')), 404, /could not be found/);
    const otherUsers = await fetch(`${sandbox.apiBaseUrl}/organizations/${SECOND_ORGANIZATION.id}/users`, {
      headers: { authorization: `OAuth ${SECOND_ORGANIZATION.apiKey}` },
    });
    const [otherUser] = (await otherUsers.json()) as Array<{ id: string }>;
    await expectError(await api(permissionsPath(otherUser!.id)), 404, /could not be found/);
    await expectError(await api(permissionsPath(otherUser!.id, SECOND_ORGANIZATION.id)), 403, /not authorized/);
  });
});

describe('PUT permissions', () => {
  it('replaces the whole mapping: a page left out loses access', async () => {
    const response = await putJson(owner, { pages: { [SEED_PAGE_IDS.cloud]: { incident_manager: true } } });
    expect(response.status).toBe(200);
    const expected = { user_id: owner, pages: [{ page_id: SEED_PAGE_IDS.cloud, ...NONE, incident_manager: true }] };
    expect(await response.json()).toEqual(expected);
    expect(await (await api(permissionsPath(owner))).json()).toEqual(expected);
  });

  it('grants a page without RBAC as {} and an RBAC page with no roles as read-only', async () => {
    await putJson(newcomer, { pages: { [PAGE_WITHOUT_RBAC_ID]: {}, [SEED_PAGE_IDS.payments]: {} } });
    expect(await (await api(permissionsPath(newcomer))).json()).toEqual({
      user_id: newcomer,
      pages: [{ page_id: SEED_PAGE_IDS.payments, ...NONE }, { page_id: PAGE_WITHOUT_RBAC_ID }],
    });
  });

  it('takes an empty mapping: the user keeps no page', async () => {
    await putJson(owner, { pages: {} });
    expect(await (await api(permissionsPath(owner))).json()).toEqual({ user_id: owner, pages: [] });
  });

  it('reads a bracket-notation form: booleans as true/false or 1/0, pages[<id>]= for {}', async () => {
    const body = [
      `pages[${SEED_PAGE_IDS.cloud}][page_configuration]=true`,
      `pages[${SEED_PAGE_IDS.cloud}][incident_manager]=0`,
      `pages[${SEED_PAGE_IDS.cloud}][maintenance_manager]=1`,
      `pages[${PAGE_WITHOUT_RBAC_ID}]=`,
    ].join('&');
    const response = await putForm(newcomer, body);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({
      user_id: newcomer,
      pages: [
        { page_id: SEED_PAGE_IDS.cloud, page_configuration: true, incident_manager: false, maintenance_manager: true },
        { page_id: PAGE_WITHOUT_RBAC_ID },
      ],
    });
  });

  it('answers PUT in the data-map shape when so set', async () => {
    await setShape('data-map');
    const response = await putJson(owner, { pages: { [PAGE_WITHOUT_RBAC_ID]: {} } });
    expect(await response.json()).toEqual({ data: { user_id: owner, pages: { [PAGE_WITHOUT_RBAC_ID]: {} } } });
  });

  it.each([
    [
      'a role that is not a boolean',
      { [SEED_PAGE_IDS.cloud]: { incident_manager: 'yes' } },
      /pages\.\w+\.incident_manager must be true or false, got "yes"/,
    ],
    ['"true" as a string in JSON', { [SEED_PAGE_IDS.cloud]: { incident_manager: 'true' } }, /must be true or false/],
    ['roles on a page without RBAC', { [PAGE_WITHOUT_RBAC_ID]: { incident_manager: false } }, /has no role based access control.*map it to \{\}/],
    ['an unknown page id', { zzzzzzzzzzzz: {} }, /unknown page id "zzzzzzzzzzzz"/],
    ["another organization's page", { [SEED_PAGE_IDS.globex]: {} }, /is not a page of organization/],
    ['an unknown role', { [SEED_PAGE_IDS.cloud]: { admin: true } }, /"admin" is not a role/],
    ['roles that are not an object', { [SEED_PAGE_IDS.cloud]: true }, /must be an object of roles/],
    ['__proto__ as a page id', JSON.parse('{"__proto__": {"incident_manager": true}}'), /unknown page id "__proto__"/],
  ])('refuses %s with 422 and changes nothing', async (_, pages, message) => {
    const before = await (await api(permissionsPath(owner))).json();
    await expectError(await putJson(owner, { pages: { [SEED_PAGE_IDS.payments]: {}, ...pages } }), 422, message);
    expect(await (await api(permissionsPath(owner))).json()).toEqual(before);
  });

  it('refuses a non-boolean role in a form with 422', async () => {
    await expectError(await putForm(owner, `pages[${SEED_PAGE_IDS.cloud}][incident_manager]=maybe`), 422, /must be true or false, got "maybe"/);
  });

  it.each([
    ['no pages key', { roles: {} }, /"pages" is missing/],
    ['pages as a list', { pages: [SEED_PAGE_IDS.cloud] }, /"pages" must be an object/],
  ])('refuses %s with 400', async (_, body, message) => {
    await expectError(await putJson(owner, body), 400, message);
  });

  it('refuses a JSON body sent as a form with 400', async () => {
    await expectError(await putForm(owner, JSON.stringify({ pages: {} })), 400, /the body is JSON/);
  });
});
