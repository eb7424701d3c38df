import { Hono, type Context } from 'hono';
import { requireOwnOrganization, requireUser } from './access';
import { readRequestBody } from '../http/body-parsing';
import type { PermissionsResponseShape } from '../config';
import type { SandboxDeps } from '../deps';
import type { SandboxEnv } from '../hono-env';
import type { PageRoleGrant, PageState } from '../state/types';
import { readPermissionsMapping } from './validation';

// A user's roles per page. PUT replaces the whole mapping, as the real API does: a page omitted from the
// payload is a page the user loses. The answer's shape is a setting (see PermissionsResponseShape).

export function permissionsJson(userId: string, entries: Array<[PageState, PageRoleGrant]>, shape: PermissionsResponseShape) {
  if (shape === 'data-map') {
    return { data: { user_id: userId, pages: Object.fromEntries(entries.map(([page, grant]) => [page.page.id, { ...grant }])) } };
  }
  return { user_id: userId, pages: entries.map(([page, grant]) => ({ page_id: page.page.id, ...grant })) };
}

export function permissionRoutes({ store, settings }: SandboxDeps) {
  const target = (c: Context<SandboxEnv>) => {
    const organizationId = c.req.param('organizationId')!;
    requireOwnOrganization(store, c.get('organizationId'), organizationId);
    return { organizationId, user: requireUser(store, organizationId, c.req.param('userId')!) };
  };
  const answer = (c: Context<SandboxEnv>, userId: string) =>
    c.json(permissionsJson(userId, store.permissionsOf(userId), settings.permissionsResponseShape));

  return new Hono<SandboxEnv>()
    .get('/organizations/:organizationId/permissions/:userId', (c) => answer(c, target(c).user.id))
    .put('/organizations/:organizationId/permissions/:userId', async (c) => {
      const { organizationId, user } = target(c);
      const mapping = readPermissionsMapping(await readRequestBody(c), store, organizationId);
      store.replacePermissions(user.id, mapping);
      return answer(c, user.id);
    });
}
