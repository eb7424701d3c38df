import { Hono, type Context } from 'hono';
import type { SandboxDeps } from '../deps';
import type { SandboxEnv } from '../hono-env';
import { ChangeClock, conditionalGets } from './conditional';
import { STATUS_API_PATHS, statusApiBody } from './status-api';
import { renderIncidentPage, renderStatusPage } from './status-html';
import { buildSummary, incidentJson } from './summary';
import type { PageState } from '../state/types';

// The public side of a status page: /status/<page id>/ stands in for https://<page>.statuspage.io/.
// Public pages are CORS-open (Atlassian's own widget reads them from any site), with no credentials. A page's script
// may revalidate (If-None-Match) and read the ETag: the sandbox allows both; whether Statuspage's CDN does is unknown.

const CORS = { 'access-control-allow-origin': '*' };
const JSON_HEADERS = {
  'content-type': 'application/json; charset=utf-8',
  'cache-control': 'no-cache',
  'access-control-expose-headers': 'ETag',
  ...CORS,
};
const HTML_HEADERS = {
  'content-type': 'text/html; charset=utf-8',
  'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'",
};

/** `http://127.0.0.1:4100/status/<id>`: derived from the request, so it holds however the app is mounted. */
export function statusPageUrlOf(c: Context, pageId: string): string {
  return `${new URL(c.req.url).origin}/status/${pageId}`;
}

function summaryOf(c: Context, page: PageState): unknown {
  if (page.summary_override !== null) return JSON.parse(page.summary_override);
  return buildSummary(page, statusPageUrlOf(c, page.page.id));
}

export function publicStatusRoutes({ store, now }: SandboxDeps) {
  const notFound = () =>
    new Response(JSON.stringify({ message: 'The requested resource could not be found.' }), {
      status: 404,
      headers: { 'content-type': 'application/json; charset=utf-8', ...CORS },
    });

  const statusPage = (c: Context<SandboxEnv>) => {
    const page = store.page(c.req.param('pageId')!);
    if (!page) return c.html('<!doctype html><title>Not found</title><p>No such status page.</p>', 404);
    return c.body(renderStatusPage(page.page.id, summaryOf(c, page)), 200, HTML_HEADERS);
  };

  const statusApi = new Hono<SandboxEnv>()
    .options(
      '/*',
      () =>
        new Response(null, {
          status: 204,
          headers: {
            ...CORS,
            'access-control-allow-methods': 'GET, HEAD, OPTIONS',
            'access-control-allow-headers': 'If-None-Match, If-Modified-Since',
            'access-control-max-age': '600',
          },
        }),
    )
    .use('/*', ...conditionalGets(new ChangeClock(now)));
  for (const document of STATUS_API_PATHS) {
    statusApi.get(`/${document}`, (c) => {
      const page = store.page(c.req.param('pageId')!);
      if (!page) return notFound();
      return new Response(statusApiBody(page, document, statusPageUrlOf(c, page.page.id)), { headers: JSON_HEADERS });
    });
  }

  return new Hono<SandboxEnv>()
    .route('/status/:pageId/api/v2', statusApi)
    .get('/status/:pageId', statusPage)
    .get('/status/:pageId/', statusPage)
    .get('/status/:pageId/incidents/:incidentId', (c) => {
      const page = store.page(c.req.param('pageId'));
      const incidentId = c.req.param('incidentId');
      if (!page) return c.html('<!doctype html><title>Not found</title><p>No such status page.</p>', 404);
      const stored = page.incidents.find((incident) => incident.id === incidentId);
      const served = summaryOf(c, page) as { incidents?: unknown; scheduled_maintenances?: unknown };
      const fromSummary = [served.incidents, served.scheduled_maintenances]
        .flatMap((list) => (Array.isArray(list) ? list : []))
        .find((incident) => incident && typeof incident === 'object' && (incident as { id?: unknown }).id === incidentId);
      const incident = stored ? incidentJson(page, stored, statusPageUrlOf(c, page.page.id)) : fromSummary;
      if (!incident) return c.html('<!doctype html><title>Not found</title><p>No such incident.</p>', 404);
      return c.body(renderIncidentPage(page.page.id, page.page.name, incident), 200, HTML_HEADERS);
    });
}
