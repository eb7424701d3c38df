import { describe, expect, it } from 'vitest';
import { createStatuspageClient, InvalidRequestError, NotFoundError, UnprocessableEntityError } from '../../../shared/client';
import { documentMockFetch } from '../../support/openapi';
import { makeClient } from './make-client';
import { FakeClock } from '../rate-limit/fake-clock';
import { API_KEY, BASE_URL, json, text } from './scripted-fetch';

// createUser and deleteUser (issue 21): against the official document alone (each request checked against its
// operation, each answer one the document generates), then the errors every method shares.

const ORG = 'org1';

/** A client whose only partner is the document: requests checked against it, answers generated from it. */
function documentClient(encoding: 'json' | 'form' = 'json') {
  const problems: string[] = [];
  const fetch = documentMockFetch('/v1', problems);
  const client = createStatuspageClient({ apiKey: API_KEY, baseUrl: BASE_URL, fetch, clock: new FakeClock(), encoding });
  return { client, fetch, problems };
}

describe('against the official OpenAPI document', () => {
  it('createUser POSTs a valid {"user": {...}} and parses the documented 201, in both encodings', async () => {
    for (const encoding of ['json', 'form'] as const) {
      const { client, fetch, problems } = documentClient(encoding);
      const created = await client.createUser(ORG, { email: 'ada@example.com', firstName: 'Ada', lastName: 'Lovelace' });
      expect(problems, encoding).toEqual([]);
      expect(fetch.sent.map((request) => request.operationId)).toEqual(['postOrganizationsOrganizationIdUsers']);
      expect(created).toMatchObject({ id: expect.any(String), email: expect.any(String) });
      const sent = fetch.sent[0]!.body as string;
      if (encoding === 'json') expect(JSON.parse(sent)).toEqual({ user: { email: 'ada@example.com', first_name: 'Ada', last_name: 'Lovelace' } });
      else expect(sent).toBe('user[email]=ada%40example.com&user[first_name]=Ada&user[last_name]=Lovelace');
    }
  });

  it('sends only the email when no name is given', async () => {
    const { client, fetch, problems } = documentClient();
    await client.createUser(ORG, { email: 'grace@example.com' });
    expect(problems).toEqual([]);
    expect(JSON.parse(fetch.sent[0]!.body as string)).toEqual({ user: { email: 'grace@example.com' } });
  });

  it('deleteUser DELETEs the member by id (percent-encoded) and parses the documented answer', async () => {
    const { client, fetch, problems } = documentClient();
    const removed = await client.deleteUser('org 1', 'u/1');
    expect(problems).toEqual([]);
    expect(fetch.sent.map((request) => request.operationId)).toEqual(['deleteOrganizationsOrganizationIdUsersUserId']);
    expect(fetch.sent[0]!.url.pathname).toBe('/v1/organizations/org%201/users/u%2F1');
    expect(fetch.sent[0]!.body).toBeUndefined();
    expect(removed).toMatchObject({ id: expect.any(String) });
  });

  it('the mock itself bites: a request off the document is reported', async () => {
    const problems: string[] = [];
    const fetch = documentMockFetch('/v1', problems);
    await fetch('https://api.statuspage.test/v1/organizations/o/users', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'not wrapped' }),
    });
    await fetch('https://api.statuspage.test/v1/organizations/o/people', { method: 'POST' });
    expect(problems).toEqual([
      expect.stringMatching(/postOrganizationsOrganizationIdUsers\) request: .*must have required property 'user'/),
      expect.stringMatching(/POST \/organizations\/o\/people: no such operation in the document/),
    ]);
  });
});

describe('the errors every method shares', () => {
  it.each([
    [{ email: '' }, 'email'],
    [{ email: 'ada at example.com' }, 'email'],
    [{ email: `${'a'.repeat(250)}@example.com` }, 'email'],
    [{ email: 'ada@example.com', firstName: 7 }, 'firstName'],
    [{ email: 'ada@example.com', nickname: 'A' }, 'nickname'],
  ])('refuses %j before sending, naming the field', async (user, field) => {
    const { client, fetch } = makeClient(() => json({}));
    const error = await client.createUser(ORG, user as never).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InvalidRequestError);
    expect((error as InvalidRequestError).field).toBe(field);
    expect(fetch.sent).toHaveLength(0);
  });

  it('refuses an empty organization or user id before sending', async () => {
    const { client, fetch } = makeClient(() => json({}));
    await expect(client.deleteUser('', 'u1')).rejects.toThrow(/organizationId: must be a non-empty string/);
    await expect(client.deleteUser(ORG, ' ')).rejects.toThrow(/userId: must be a non-empty string/);
    expect(fetch.sent).toHaveLength(0);
  });

  it("a 422 carries the server's words", async () => {
    const { client } = makeClient(() => json({ message: 'email has already been taken' }, 422));
    const error = await client.createUser(ORG, { email: 'ada@example.com' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UnprocessableEntityError);
    expect((error as Error).message).toContain('email has already been taken');
  });

  it('a user who is gone is a NotFoundError', async () => {
    const { client } = makeClient(() => json({ message: 'The requested resource could not be found.' }, 404));
    await expect(client.deleteUser(ORG, 'u1')).rejects.toBeInstanceOf(NotFoundError);
  });

  it.each([420, 429])('a %i is waited out (Retry-After), then the call goes through once', async (status) => {
    let refusals = 1;
    const { client, fetch, clock } = makeClient(() =>
      refusals-- > 0 ? text('{"error":"Rate limit exceeded"}', status, { 'Retry-After': '7' }) : json({ id: 'u9', email: 'ada@example.com' }, 201),
    );
    const t0 = clock.now();
    const call = client.createUser(ORG, { email: 'ada@example.com' });
    await clock.runAll();
    await expect(call).resolves.toMatchObject({ id: 'u9' });
    expect(fetch.sent.map((request) => request.method)).toEqual(['POST', 'POST']);
    expect(clock.now() - t0).toBe(7_000);
  });
});
