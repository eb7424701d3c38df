import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  BadRequestError,
  createStatuspageClient,
  ForbiddenError,
  InvalidRequestError,
  NetworkError,
  NotFoundError,
  RateLimitedError,
  ServerError,
  UnauthorizedError,
  UnprocessableEntityError,
  type HttpError,
  type StatuspageClientOptions,
} from '../../shared/index';
import { PAGE_WITHOUT_RBAC_ID, SECOND_ORGANIZATION, SEED_PAGE_IDS, SEED_USER_COUNT, startSandbox, type RunningSandbox } from '../../sandbox';

// The client against the sandbox over real HTTP: the real fetch, real sockets, the sandbox's own checks.

let sandbox: RunningSandbox;
beforeAll(async () => {
  sandbox = await startSandbox({ port: 0 });
});
afterAll(() => sandbox.close());
beforeEach(() => sandbox.reset());

const clientFor = (options: Partial<StatuspageClientOptions> = {}) =>
  createStatuspageClient({ apiKey: sandbox.apiKey, baseUrl: sandbox.apiBaseUrl, ...options });

/** Resolves to what the promise rejected with (fails the test if it resolved). */
async function failureOf(promise: Promise<unknown>): Promise<Error> {
  const outcome = await promise.then(
    (value) => ({ value }),
    (error: unknown) => ({ error }),
  );
  if (!('error' in outcome)) throw new Error(`expected a failure, got ${JSON.stringify(outcome.value)}`);
  return outcome.error as Error;
}

const { cloud, payments, labs, globex } = SEED_PAGE_IDS;

describe('every method, both encodings', () => {
  it('listPages returns the organization’s pages', async () => {
    const pages = await clientFor().listPages();
    expect(pages.map((page) => page.id).sort()).toEqual(sandbox.pages.map((page) => page.id).sort());
    expect(pages.map((page) => page.id)).not.toContain(globex);
  });

  it('listUsers follows the pages of 100 to the end', async () => {
    const users = await clientFor().listUsers(sandbox.organizationId);
    expect(SEED_USER_COUNT).toBeGreaterThanOrEqual(120);
    expect(users).toHaveLength(SEED_USER_COUNT);
    expect(new Set(users.map((user) => user.id)).size).toBe(SEED_USER_COUNT);
    const calls = sandbox.requests().filter((request) => request.path.endsWith('/users'));
    expect(calls.map((request) => request.query)).toEqual([
      { page: '1', per_page: '100' },
      { page: '2', per_page: '100' },
    ]);
  });

  it('getStatusEmbedConfig reads a page’s config', async () => {
    const config = await clientFor().getStatusEmbedConfig(cloud);
    expect(config.page_id).toBe(cloud);
    expect(config.position).toBe('bottom-left');
  });

  for (const encoding of ['json', 'form'] as const) {
    it(`updateStatusEmbedConfig PATCHes only the given fields (${encoding})`, async () => {
      const client = clientFor({ encoding });
      const before = await client.getStatusEmbedConfig(payments);
      const after = await client.updateStatusEmbedConfig(payments, { incident_text_color: '#ABC', position: 'top_left' });
      expect(after).toEqual({ ...before, incident_text_color: '#aabbcc', position: 'top_left' });
      expect(await client.getStatusEmbedConfig(payments)).toEqual(after);
      const patch = sandbox.requests().find((request) => request.method === 'PATCH');
      expect(patch?.body).toEqual({ status_embed_config: { position: 'top_left', incident_text_color: '#aabbcc' } });
      expect(patch?.contentType).toBe(encoding === 'json' ? 'application/json' : 'application/x-www-form-urlencoded');
    });

    it(`replaceStatusEmbedConfig PUTs all five fields (${encoding})`, async () => {
      const config = {
        position: 'bottom-right',
        incident_background_color: '#111',
        incident_text_color: '#eeeeee',
        maintenance_background_color: '#0000FF',
        maintenance_text_color: '#fff',
      } as const;
      const result = await clientFor({ encoding }).replaceStatusEmbedConfig(labs, config);
      expect(result).toEqual({
        page_id: labs,
        position: 'bottom-right',
        incident_background_color: '#111111',
        incident_text_color: '#eeeeee',
        maintenance_background_color: '#0000ff',
        maintenance_text_color: '#ffffff',
      });
    });

    it(`replaceUserPermissions PUTs the whole mapping, {} for a page without RBAC (${encoding})`, async () => {
      const client = clientFor({ encoding });
      const [user] = await client.listUsers(sandbox.organizationId);
      const pages = {
        [cloud]: { page_configuration: true, incident_manager: false, maintenance_manager: true },
        [labs]: {},
      };
      const result = await client.replaceUserPermissions(sandbox.organizationId, user!.id, pages);
      expect(result).toEqual({ userId: user!.id, pages });
      // payments was left out, so the user lost it: exactly what the API's PUT does.
      expect(await client.getUserPermissions(sandbox.organizationId, user!.id)).toEqual({ userId: user!.id, pages });
    });
  }

  it('getUserPermissions reads the list shape and the data-wrapped map shape alike', async () => {
    const [user] = await clientFor().listUsers(sandbox.organizationId);
    const fromList = await clientFor().getUserPermissions(sandbox.organizationId, user!.id);
    const other = await startSandbox({ port: 0, permissionsResponseShape: 'data-map' });
    try {
      const client = createStatuspageClient({ apiKey: other.apiKey, baseUrl: other.apiBaseUrl });
      const fromMap = await client.getUserPermissions(other.organizationId, user!.id);
      expect(fromMap).toEqual(fromList);
      expect(other.requests()[0]?.status).toBe(200);
    } finally {
      await other.close();
    }
    expect(fromList.userId).toBe(user!.id);
    expect(Object.keys(fromList.pages).length).toBeGreaterThan(0);
  });
});

describe('every error status', () => {
  it('401: a wrong key', async () => {
    const error = await failureOf(clientFor({ apiKey: 'not-the-key' }).listPages());
    expect(error).toBeInstanceOf(UnauthorizedError);
    expect(error.message).toBe('The API key was not accepted (401)');
  });

  it("403: another organization's page or organization", async () => {
    const client = clientFor();
    const page = await failureOf(client.getStatusEmbedConfig(globex));
    expect(page).toBeInstanceOf(ForbiddenError);
    expect(page.message).toBe('This API key may not do that (403): You are not authorized to access this resource.');
    expect(await failureOf(client.listUsers(SECOND_ORGANIZATION.id))).toBeInstanceOf(ForbiddenError);
  });

  it('404: unknown ids', async () => {
    const client = clientFor();
    const page = await failureOf(client.getStatusEmbedConfig('nosuchpage00'));
    expect(page).toBeInstanceOf(NotFoundError);
    expect(page.message).toBe('Not found (404): The requested resource could not be found.');
    expect(await failureOf(client.getUserPermissions(sandbox.organizationId, 'nosuchuser00'))).toBeInstanceOf(NotFoundError);
    expect(await failureOf(client.listUsers('nosuchorg000'))).toBeInstanceOf(NotFoundError);
  });

  it('422: roles for a page without RBAC, the server’s words kept', async () => {
    const [user] = await clientFor().listUsers(sandbox.organizationId);
    const error = await failureOf(
      clientFor().replaceUserPermissions(sandbox.organizationId, user!.id, { [PAGE_WITHOUT_RBAC_ID]: { incident_manager: true } }),
    );
    expect(error).toBeInstanceOf(UnprocessableEntityError);
    expect((error as UnprocessableEntityError).serverMessage).toMatch(/no role based access control/);
  });

  it('422 for a bad colour from a raw request; the client refuses the same value before sending', async () => {
    // The raw fetch stands in for a client without our checks: it shows the sandbox's 422 is real.
    const raw = await fetch(`${sandbox.apiBaseUrl}/pages/${cloud}/status_embed_config`, {
      method: 'PATCH',
      headers: { Authorization: `OAuth ${sandbox.apiKey}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ status_embed_config: { incident_text_color: 'red' } }),
    });
    expect(raw.status).toBe(422);
    sandbox.reset();
    const error = await failureOf(clientFor().updateStatusEmbedConfig(cloud, { incident_text_color: 'red' }));
    expect(error).toBeInstanceOf(InvalidRequestError);
    expect((error as InvalidRequestError).field).toBe('incident_text_color');
    expect(sandbox.requests()).toHaveLength(0);
  });

  it('400 and 5xx, which the sandbox sends when told (its checks and ours leave no honest way to a 400)', async () => {
    const queueFault = async (fault: object) => {
      const response = await fetch(`${sandbox.url}/_control/faults`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(fault),
      });
      expect(response.status).toBe(201);
    };
    await queueFault({ status: 400, message: 'per_page must be at most 100' });
    const bad = await failureOf(clientFor().listUsers(sandbox.organizationId));
    expect(bad).toBeInstanceOf(BadRequestError);
    expect(bad.message).toBe('Bad request (400): per_page must be at most 100');
    for (const status of [500, 503]) {
      await queueFault({ status, path: `/pages/${cloud}` });
      const error = await failureOf(clientFor().getStatusEmbedConfig(cloud));
      expect(error).toBeInstanceOf(ServerError);
      expect((error as HttpError).status).toBe(status);
      expect(error.message).toMatch(new RegExp(`^Statuspage had a problem \\(${status}\\): \\w`));
    }
    expect(await clientFor().getStatusEmbedConfig(cloud)).toMatchObject({ page_id: cloud }); // and then it works again
  });

  it('a server that is not there: NetworkError', async () => {
    const error = await failureOf(clientFor({ baseUrl: 'http://127.0.0.1:1/v1' }).listPages());
    expect(error).toBeInstanceOf(NetworkError);
    expect(error.message).toMatch(/^Could not reach Statuspage/);
  });
});

describe('both auth forms', () => {
  it('header by default: the key never in the URL', async () => {
    await clientFor().listPages();
    expect(sandbox.requests().map((request) => [request.auth, request.status])).toEqual([['header', 200]]);
  });

  it("?api_key= with auth: 'query'", async () => {
    await clientFor({ auth: 'query' }).getStatusEmbedConfig(cloud);
    expect(sandbox.requests().map((request) => [request.auth, request.status])).toEqual([['query', 200]]);
  });

  it('a wrong key in the query is a 401 too', async () => {
    expect(await failureOf(clientFor({ auth: 'query', apiKey: 'nope' }).listPages())).toBeInstanceOf(UnauthorizedError);
  });
});

describe('rate limits over real HTTP', () => {
  const limit = 5;
  const windowMs = 1000;
  let strict: RunningSandbox;
  beforeAll(async () => {
    strict = await startSandbox({ port: 0, rateLimit: { limit, windowMs, status: 429 } });
  });
  afterAll(() => strict.close());
  beforeEach(() => strict.reset());

  const strictClient = (options: Partial<StatuspageClientOptions> = {}) =>
    createStatuspageClient({ apiKey: strict.apiKey, baseUrl: strict.apiBaseUrl, ...options });

  it(`a burst of ${3 * limit} calls at ${limit} per ${windowMs} ms draws no 429`, async () => {
    const client = strictClient({ rateLimit: { limit, windowMs } });
    const started = performance.now();
    const results = await Promise.all(Array.from({ length: 3 * limit }, () => client.listPages()));
    const elapsed = performance.now() - started;

    expect(results).toHaveLength(3 * limit);
    const log = strict.requests();
    expect(log.map((request) => request.status)).toEqual(Array(3 * limit).fill(200));
    // Three windows' worth: the last batch can go only once the first two have left the window.
    expect(elapsed).toBeGreaterThanOrEqual(2 * windowMs);
    expect(elapsed).toBeLessThan(4 * windowMs);
    const arrivals = log.map((request) => Date.parse(request.at));
    for (const at of arrivals) {
      expect(arrivals.filter((other) => other >= at && other < at + windowMs).length).toBeLessThanOrEqual(limit);
    }
  });

  it('a person’s call made during a background scan goes within a slot, and the scan draws no 429', async () => {
    const client = strictClient({ rateLimit: { limit, windowMs } });
    const started = performance.now();
    const scan = Promise.all(Array.from({ length: 3 * limit }, () => client.listPages({ priority: 'background' })));
    await new Promise((resolve) => setTimeout(resolve, windowMs / 2));
    const asked = performance.now();
    await client.getStatusEmbedConfig(cloud);
    const personMs = performance.now() - asked;
    await scan;
    const scanMs = performance.now() - started;

    expect(strict.requests().map((request) => request.status)).toEqual(Array(3 * limit + 1).fill(200));
    // One slot at this rate is windowMs / limit = 200 ms, plus a round trip.
    expect(personMs).toBeLessThan(1500);
    // 16 requests: the floor is 3 windows; real round trips stretch each one a little.
    expect(scanMs).toBeGreaterThanOrEqual(3 * windowMs);
    expect(scanMs).toBeLessThan(4.5 * windowMs);
  });

  it('a client with a looser limiter is told to wait, waits Retry-After, and gets through', async () => {
    const client = strictClient({ rateLimit: { limit: 100, windowMs } });
    const results = await Promise.all(Array.from({ length: limit + 3 }, () => client.listPages()));
    expect(results).toHaveLength(limit + 3);
    const statuses = strict.requests().map((request) => request.status);
    expect(statuses.filter((status) => status === 429).length).toBeGreaterThan(0);
    expect(statuses.filter((status) => status === 200)).toHaveLength(limit + 3);
  });

  it('with no retries left: RateLimitedError saying when to try again', async () => {
    const client = strictClient({ rateLimit: { limit: 100, windowMs }, maxRetries: 0 });
    const outcomes = await Promise.allSettled(Array.from({ length: limit + 1 }, () => client.listPages()));
    const refused = outcomes.filter((outcome) => outcome.status === 'rejected');
    expect(refused).toHaveLength(1);
    const error = (refused[0] as PromiseRejectedResult).reason as RateLimitedError;
    expect(error).toBeInstanceOf(RateLimitedError);
    expect(error.status).toBe(429);
    expect(error.retryAfterMs).toBeGreaterThanOrEqual(1000);
    expect(error.retryAt.getTime()).toBeGreaterThan(Date.now());
    expect(error.message).toMatch(/^Too many requests: try again after \d\d:\d\d:\d\d \(429\)$/);
  });

  it('420 is handled like 429', async () => {
    const other = await startSandbox({ port: 0, rateLimit: { limit: 2, windowMs, status: 420 } });
    try {
      const client = createStatuspageClient({ apiKey: other.apiKey, baseUrl: other.apiBaseUrl, rateLimit: { limit: 100, windowMs } });
      await Promise.all([1, 2, 3].map(() => client.listPages()));
      expect(other.requests().map((request) => request.status)).toContain(420);
    } finally {
      await other.close();
    }
  });
});
