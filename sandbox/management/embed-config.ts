import { Hono, type Context } from 'hono';
import { requireOwnPage } from './access';
import { readRequestBody } from '../http/body-parsing';
import type { SandboxDeps } from '../deps';
import type { SandboxEnv } from '../hono-env';
import type { PageState } from '../state/types';
import { readEmbedConfigChanges } from './validation';

// GET, PATCH (merge the given fields) and PUT (replace all five; a field not given becomes null).
// Answers are the unwrapped object: page_id and the five fields, spelled as they were sent.

const embedJson = (page: PageState) => ({ page_id: page.page.id, ...page.embed_config });

export function embedConfigRoutes({ store }: SandboxDeps) {
  const write = (mode: 'merge' | 'replace') => async (c: Context<SandboxEnv>) => {
    const page = requireOwnPage(store, c.get('organizationId'), c.req.param('pageId')!);
    const changes = readEmbedConfigChanges(await readRequestBody(c), page.page.id);
    store.updateEmbedConfig(page.page.id, changes, mode);
    return c.json(embedJson(page));
  };
  return new Hono<SandboxEnv>()
    .get('/pages/:pageId/status_embed_config', (c) => c.json(embedJson(requireOwnPage(store, c.get('organizationId'), c.req.param('pageId')))))
    .patch('/pages/:pageId/status_embed_config', write('merge'))
    .put('/pages/:pageId/status_embed_config', write('replace'));
}
