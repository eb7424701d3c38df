import { Hono, type Context } from 'hono';
import { readBodyText } from '../http/body-limit';
import { assertJsonDepth, readRequestBody } from '../http/body-parsing';
import { readIncidentInput, readMaintenanceInput, readFault, readRateLimitChange, readSettingsChange, readUpdateInput } from './input';
import type { SandboxDeps } from '../deps';
import { SandboxHttpError } from '../errors';
import type { SandboxEnv } from '../hono-env';
import { MAX_QUEUED_FAULTS } from '../limits';
import { incidentJson } from '../public/summary';
import type { IncidentRecord, PageState } from '../state/types';
import { statusPageUrlOf } from '../public/routes';

// Control endpoints drive the sandbox from tests and `npm run incident`. They take no key: the server
// binds 127.0.0.1 only, and control-guard.ts refuses other web pages. They take JSON only, and refuse bad
// input with a 400 that names the field.

async function jsonBody(c: Context<SandboxEnv>): Promise<unknown> {
  const body = await readRequestBody(c);
  if (body.encoding === 'form') throw new SandboxHttpError(415, 'control endpoints take application/json');
  return body.value;
}

export function controlRoutes(deps: SandboxDeps) {
  const { store, settings } = deps;

  const pageOf = (c: Context<SandboxEnv>): PageState => {
    const page = store.page(c.req.param('pageId')!);
    if (!page) throw new SandboxHttpError(404, `no page ${c.req.param('pageId')} in the sandbox (GET /_control/pages lists them)`);
    return page;
  };
  const answer = (c: Context<SandboxEnv>, page: PageState, incident: IncidentRecord, status: 200 | 201 = 200) =>
    c.json(incidentJson(page, incident, statusPageUrlOf(c, page.page.id)), status);

  const lifecycle = (kind: IncidentRecord['kind'], collection: string) => {
    const find = (c: Context<SandboxEnv>, page: PageState) => {
      const incident = store.findIncident(page.page.id, kind, c.req.param('id')!);
      if (!incident) throw new SandboxHttpError(404, `no ${kind} ${c.req.param('id')} on page ${page.page.id}`);
      return incident;
    };
    const update = (resolving: boolean) => async (c: Context<SandboxEnv>) => {
      const page = pageOf(c);
      const incident = find(c, page);
      const input = readUpdateInput(await jsonBody(c), kind, resolving);
      return answer(c, page, store.updateIncident(page.page.id, incident, input));
    };
    return new Hono<SandboxEnv>()
      .get(`/pages/:pageId/${collection}`, (c) => {
        const page = pageOf(c);
        const url = statusPageUrlOf(c, page.page.id);
        return c.json(page.incidents.filter((incident) => incident.kind === kind).map((incident) => incidentJson(page, incident, url)));
      })
      .post(`/pages/:pageId/${collection}`, async (c) => {
        const page = pageOf(c);
        const body = await jsonBody(c);
        const created =
          kind === 'incident'
            ? store.openIncident(page.page.id, readIncidentInput(body))
            : store.openMaintenance(page.page.id, readMaintenanceInput(body, deps.now().getTime()));
        return answer(c, page, created, 201);
      })
      .post(`/pages/:pageId/${collection}/:id/updates`, update(false))
      .post(`/pages/:pageId/${collection}/:id/resolve`, update(true));
  };

  return new Hono<SandboxEnv>()
    .get('/pages', (c) =>
      c.json(
        store.state.pages.map((page) => ({
          id: page.page.id,
          name: page.page.name,
          organization_id: page.organization_id,
          role_based_access_control: page.role_based_access_control,
          status_page_url: statusPageUrlOf(c, page.page.id),
          components: page.components.map(({ id, name, status }) => ({ id, name, status })),
        })),
      ),
    )
    .route('/', lifecycle('incident', 'incidents'))
    .route('/', lifecycle('maintenance', 'maintenances'))
    .put('/pages/:pageId/summary', async (c) => {
      const page = pageOf(c);
      const contentType = c.req.header('content-type') ?? '';
      if (!/^application\/json\b/i.test(contentType)) throw new SandboxHttpError(415, 'send the summary as application/json');
      const text = await readBodyText(c);
      assertJsonDepth(text, 'the summary');
      let parsed: unknown;
      try {
        parsed = JSON.parse(text);
      } catch (error) {
        throw new SandboxHttpError(400, `the summary is not valid JSON: ${(error as Error).message}`);
      }
      if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
        throw new SandboxHttpError(400, 'the summary must be a JSON object (a summary.json)');
      }
      store.setSummaryOverride(page.page.id, text);
      return c.body(null, 204);
    })
    .delete('/pages/:pageId/summary', (c) => {
      store.setSummaryOverride(pageOf(c).page.id, null);
      return c.body(null, 204);
    })
    .post('/reset', (c) => {
      deps.reset();
      return c.body(null, 204);
    })
    .get('/requests', (c) => c.json(deps.requestLog.entries()))
    .delete('/requests', (c) => {
      deps.requestLog.clear();
      return c.body(null, 204);
    })
    .get('/faults', (c) => c.json(deps.faults.entries()))
    .post('/faults', async (c) => {
      const fault = readFault(await jsonBody(c));
      if (deps.faults.entries().length >= MAX_QUEUED_FAULTS) {
        throw new SandboxHttpError(400, `${MAX_QUEUED_FAULTS} faults are queued already, the most the sandbox keeps: DELETE /_control/faults first`);
      }
      deps.faults.add(fault);
      return c.json(deps.faults.entries(), 201);
    })
    .delete('/faults', (c) => {
      deps.faults.clear();
      return c.body(null, 204);
    })
    .get('/settings', (c) => c.json(settings))
    .post('/rate-limit', async (c) => {
      settings.rateLimit = { ...settings.rateLimit, ...readRateLimitChange(await jsonBody(c)) };
      deps.rateLimiter.clear(); // new rules start from an empty window, so a test knows where it stands
      return c.json(settings.rateLimit);
    })
    .post('/settings', async (c) => {
      const change = readSettingsChange(await jsonBody(c));
      if (change.permissionsResponseShape) settings.permissionsResponseShape = change.permissionsResponseShape;
      if (change.latency) settings.latency = change.latency;
      if (change.rateLimit) {
        settings.rateLimit = { ...settings.rateLimit, ...change.rateLimit };
        deps.rateLimiter.clear();
      }
      return c.json(settings);
    });
}
