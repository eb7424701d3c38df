import { Hono } from 'hono';
import { requireOwnPage } from './access';
import type { SandboxDeps } from '../deps';
import type { SandboxEnv } from '../hono-env';

/** GET /pages (not paginated) and GET /pages/:page_id: the spec's Page, every field. */
export function pageRoutes({ store }: SandboxDeps) {
  return new Hono<SandboxEnv>()
    .get('/pages', (c) => c.json(store.pagesOf(c.get('organizationId')).map((page) => ({ ...page.page }))))
    .get('/pages/:pageId', (c) => c.json({ ...requireOwnPage(store, c.get('organizationId'), c.req.param('pageId')).page }));
}
