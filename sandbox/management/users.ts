import { Hono } from 'hono';
import { requireOwnOrganization, requireUser } from './access';
import type { SandboxDeps } from '../deps';
import { SandboxHttpError } from '../errors';
import { readRequestBody } from '../http/body-parsing';
import type { SandboxEnv } from '../hono-env';
import type { UserRecord } from '../state/types';
import { readNewUser } from './new-user';

// The document has no GET of one user: a client finds a member in the list. Since February 2023 the list is always paginated: `per_page` defaults to and is capped at 100, `page`
// counts from 1. Clients page until a short page.

export const MAX_PER_PAGE = 100;

function wholeNumberFrom1(raw: string | undefined, name: string, fallback: number): number {
  if (raw === undefined || raw === '') return fallback;
  if (!/^\d+$/.test(raw) || Number(raw) < 1) {
    throw new SandboxHttpError(400, `${name} must be a whole number from 1, got ${JSON.stringify(raw.slice(0, 40))}`);
  }
  return Number(raw);
}

const userJson = (user: UserRecord) => ({ ...user });

export function userRoutes({ store }: SandboxDeps) {
  return new Hono<SandboxEnv>()
    .get('/organizations/:organizationId/users', (c) => {
      const organizationId = c.req.param('organizationId');
      requireOwnOrganization(store, c.get('organizationId'), organizationId);
      const page = wholeNumberFrom1(c.req.query('page'), 'page', 1);
      const perPage = Math.min(wholeNumberFrom1(c.req.query('per_page'), 'per_page', MAX_PER_PAGE), MAX_PER_PAGE);
      const users = store.usersOf(organizationId);
      return c.json(users.slice((page - 1) * perPage, page * perPage).map(userJson));
    })
    .post('/organizations/:organizationId/users', async (c) => {
      const organizationId = c.req.param('organizationId');
      requireOwnOrganization(store, c.get('organizationId'), organizationId);
      const fields = readNewUser(await readRequestBody(c), store.usersOf(organizationId));
      return c.json(userJson(store.createUser(organizationId, fields)), 201);
    })
    .delete('/organizations/:organizationId/users/:userId', (c) => {
      const organizationId = c.req.param('organizationId');
      requireOwnOrganization(store, c.get('organizationId'), organizationId);
      const user = requireUser(store, organizationId, c.req.param('userId'));
      store.deleteUser(user.id);
      return c.json(userJson(user));
    });
}
