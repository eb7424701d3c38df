import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createSandboxApp,
  PAGE_WITHOUT_RBAC_ID,
  SEED_PAGE_COUNT,
  SEED_PAGE_IDS,
  SEED_USER_COUNT,
  startSandbox,
  type RunningSandbox,
} from '../../sandbox';

// Issue 11: SANDBOX_USERS / SANDBOX_PAGES (startSandbox {users, pages}) seed a larger organization for tests and
// benchmarks; without them the seed is the one every other test knows.

let large: RunningSandbox;
const auth = () => ({ headers: { authorization: `OAuth ${large.apiKey}` } });
const get = async <T>(path: string): Promise<T> => {
  const response = await fetch(`${large.apiBaseUrl}${path}`, auth());
  expect(response.status, path).toBe(200);
  return (await response.json()) as T;
};

beforeAll(async () => {
  large = await startSandbox({ port: 0, users: 1000, pages: 10, rateLimit: { limit: 10_000 } });
});
afterAll(() => large.close());

describe('a larger organization', () => {
  it('lists 10 pages: the three demo pages first, then extra ones with Statuspage-like ids, most with RBAC', async () => {
    const pages = await get<Array<{ id: string; name: string }>>('/pages');
    expect(pages).toHaveLength(10);
    expect(pages.slice(0, SEED_PAGE_COUNT).map((page) => page.id)).toEqual([SEED_PAGE_IDS.cloud, SEED_PAGE_IDS.payments, PAGE_WITHOUT_RBAC_ID]);
    expect(new Set(pages.map((page) => page.id)).size).toBe(10);
    expect(new Set(pages.map((page) => page.name)).size).toBe(10);
    for (const page of pages) expect(page.id).toMatch(/^[a-z0-9]{12}$/);
    expect(large.pages.map((page) => page.id)).toEqual(pages.map((page) => page.id));
    const control = (await (await fetch(`${large.url}/_control/pages`)).json()) as Array<{
      id: string;
      organization_id: string;
      role_based_access_control: boolean;
      components: unknown[];
    }>;
    const extra = control.filter((page) => page.organization_id === large.organizationId).slice(SEED_PAGE_COUNT);
    expect(extra).toHaveLength(7);
    expect(extra.filter((page) => page.role_based_access_control)).toHaveLength(6);
    for (const page of extra) expect(page.components.length).toBeGreaterThanOrEqual(2);
    for (const page of extra) expect((await get<{ position: string }>(`/pages/${page.id}/status_embed_config`)).position).toBeTruthy();
  });

  it('pages through 1,000 users, 100 at a time, each distinct', async () => {
    const all: Array<{ id: string; email: string }> = [];
    for (let page = 1; ; page++) {
      const batch = await get<Array<{ id: string; email: string }>>(`/organizations/${large.organizationId}/users?page=${page}&per_page=100`);
      all.push(...batch);
      if (batch.length < 100) break;
    }
    expect(all).toHaveLength(1000);
    expect(new Set(all.map((user) => user.id)).size).toBe(1000);
    expect(new Set(all.map((user) => user.email)).size).toBe(1000);
    for (const user of all) expect(user.id).toMatch(/^[a-z0-9]{12}$/);
  });

  it('gives a mix of permissions on the extra pages and to the extra users', async () => {
    const users = await get<Array<{ id: string }>>(`/organizations/${large.organizationId}/users?page=2&per_page=100`);
    const permissionsOf = (id: string) =>
      get<{ pages: Array<{ page_id: string } & Record<string, boolean>> }>(`/organizations/${large.organizationId}/permissions/${id}`);
    const [owner] = await get<Array<{ id: string }>>(`/organizations/${large.organizationId}/users?per_page=1`);
    expect((await permissionsOf(owner!.id)).pages).toHaveLength(10);
    const extraUsers = users.slice(SEED_USER_COUNT - 100, SEED_USER_COUNT - 100 + 30); // users 137-166
    const mappings = await Promise.all(extraUsers.map((user) => permissionsOf(user.id)));
    const withAccess = mappings.filter((mapping) => mapping.pages.length > 0);
    expect(withAccess.length).toBeGreaterThan(10);
    expect(withAccess.length).toBeLessThan(30);
    const grants = withAccess.flatMap((mapping) => mapping.pages);
    expect(grants.some((grant) => grant.incident_manager === true)).toBe(true);
    expect(grants.some((grant) => grant.incident_manager === false)).toBe(true);
    const extraIds = new Set(large.pages.slice(SEED_PAGE_COUNT).map((page) => page.id));
    expect(grants.some((grant) => extraIds.has(grant.page_id))).toBe(true);
  });

  it('is the same on every run and after a reset', async () => {
    const again = createSandboxApp({ users: 1000, pages: 10 }, {});
    const fromEnv = createSandboxApp({}, { SANDBOX_USERS: '1000', SANDBOX_PAGES: '10' });
    expect(fromEnv.store.state).toEqual(again.store.state);
    const before = structuredClone(again.store.state);
    again.reset();
    expect(again.store.state).toEqual(before);
    expect(large.pages.map((page) => page.id)).toEqual(again.store.pagesOf(again.config.organizationId).map((page) => page.page.id));
  });
});

describe('the default seed', () => {
  it('is unchanged: 137 users and the three demo pages', () => {
    const sandbox = createSandboxApp({}, {});
    const users = sandbox.store.usersOf(sandbox.config.organizationId);
    expect(users).toHaveLength(SEED_USER_COUNT);
    expect(sandbox.store.pagesOf(sandbox.config.organizationId).map((page) => page.page.id)).toEqual([
      SEED_PAGE_IDS.cloud,
      SEED_PAGE_IDS.payments,
      PAGE_WITHOUT_RBAC_ID,
    ]);
    // The larger seed only adds: the first 137 users and the demo pages are the default ones.
    const larger = createSandboxApp({ users: 1000, pages: 10 }, {});
    expect(larger.store.usersOf(larger.config.organizationId).slice(0, SEED_USER_COUNT)).toEqual(users);
    expect(larger.store.state.pages.slice(0, 4)).toEqual(sandbox.store.state.pages);
  });

  it('refuses sizes it cannot seed, saying what to give', () => {
    expect(() => createSandboxApp({ pages: 2 }, {})).toThrow(
      /pages \(SANDBOX_PAGES\) must be a whole number from 3 \(the demo pages\) to 1000, got 2/,
    );
    expect(() => createSandboxApp({}, { SANDBOX_USERS: '0' })).toThrow(/users \(SANDBOX_USERS\) must be a whole number from 1 to 100000, got 0/);
    expect(() => createSandboxApp({}, { SANDBOX_USERS: 'many' })).toThrow(/SANDBOX_USERS must be a whole number, got "many"/);
  });
});
