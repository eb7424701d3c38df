// `npm start`'s widget half: the embed config endpoint for every sandbox page and a demo customer page that
// loads the built widget (dist/widget/status-embed.js) with one script tag.
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { Hono } from 'hono';
import { createStatuspageClient } from '../../shared/client/create-client';
import { createEmbedConfigHandler, type EmbedConfigHandler } from '../config-endpoint';
import { customerPageCsp, customerPageHtml, escapeHtml } from './customer-page';

/** What the demo needs of a running sandbox (`startSandbox()`'s result fits). */
export interface DemoSandbox {
  url: string;
  apiBaseUrl: string;
  apiKey: string;
  pages: Array<{ id: string; name: string }>;
  statusPageUrl(pageId: string): string;
}

export interface WidgetDemoOptions {
  /** The built widget's directory (the loader and the card stage); default dist/widget (`npm run build:widget`). */
  widgetDir?: string;
  /** Seconds a served config is kept; short, so that edits show up quickly in the demo. Default 5. */
  configTtlSeconds?: number;
}

const DEFAULT_WIDGET_DIR = fileURLToPath(new URL('../../dist/widget/', import.meta.url));
const DEMO_CSS = fileURLToPath(new URL('./demo.css', import.meta.url));

/**
 * A Hono app serving `/embed-config/:pageId` (the config endpoint, one per sandbox page, sharing one client and
 * so one rate limiter for the key) and the demo customer pages under `/demo/` (`/demo/<pageId>`).
 */
export function createWidgetDemo(sandbox: DemoSandbox, options: WidgetDemoOptions = {}): Hono {
  const widgetDir = options.widgetDir ?? DEFAULT_WIDGET_DIR;
  const client = createStatuspageClient({ apiKey: sandbox.apiKey, baseUrl: sandbox.apiBaseUrl, maxRetries: 0, timeoutMs: 10_000 });
  const handlers = new Map<string, EmbedConfigHandler>();
  const pageById = (pageId: string) => sandbox.pages.find((page) => page.id === pageId);
  const sandboxOrigin = new URL(sandbox.url).origin;

  return (
    new Hono()
      .all('/embed-config/:pageId', async (c) => {
        const pageId = c.req.param('pageId');
        if (!pageById(pageId)) return Response.json({ message: 'No such page' }, { status: 404, headers: { 'access-control-allow-origin': '*' } });
        let handler = handlers.get(pageId);
        if (!handler) {
          handler = createEmbedConfigHandler({ apiKey: sandbox.apiKey, pageId, client, ttlSeconds: options.configTtlSeconds ?? 5 });
          handlers.set(pageId, handler);
        }
        return handler(c.req.raw);
      })
      // The loader and, next to it, the card stage it adds when there is something to show and the language file the
      // card stage adds for a visitor who reads one (each checked by its hash). CORS-open, as a CDN serves them: a
      // page on another origin (your own, on another port) can load them with their integrity.
      .get('/demo/:file{status-embed(-card-[0-9a-f]+|-locale-[a-z]{2}-[\\w-]{43})?\\.js}', async (c) => {
        try {
          const body = await readFile(`${widgetDir}/${c.req.param('file')}`, 'utf8');
          return c.body(body, 200, {
            'content-type': 'text/javascript; charset=utf-8',
            'cache-control': 'no-cache',
            'access-control-allow-origin': '*',
          });
        } catch {
          return c.text(`console.error('[status-embed demo] no widget build: run npm run build:widget');`, 200, {
            'content-type': 'text/javascript',
          });
        }
      })
      .get('/demo/demo.css', async (c) => c.body(await readFile(DEMO_CSS, 'utf8'), 200, { 'content-type': 'text/css; charset=utf-8' }))
      .get('/demo', (c) => c.redirect('/demo/'))
      .get('/demo/', (c) => {
        const links = sandbox.pages.map((page) => `<li><a href="/demo/${escapeHtml(page.id)}">${escapeHtml(page.name)}</a></li>`).join('');
        return c.html(`<!doctype html><html lang="en"><meta charset="utf-8"><title>Status embed demo</title>
<link rel="stylesheet" href="/demo/demo.css"><main><h1>Status embed demo</h1><p>A customer page for each sandbox page:</p><ul>${links}</ul></main></html>`);
      })
      .get('/demo/:pageId', (c) => {
        const pageId = c.req.param('pageId');
        const page = pageById(pageId);
        if (!page) return c.text('No such page', 404);
        const origin = new URL(c.req.url).origin;
        const html = customerPageHtml({
          pageId,
          pageName: page.name,
          statusPageUrl: sandbox.statusPageUrl(pageId),
          configUrl: `${origin}/embed-config/${pageId}`,
          scriptUrl: `${origin}/demo/status-embed.js`,
          sandboxUrl: sandbox.url,
          otherPages: sandbox.pages.filter((other) => other.id !== pageId),
        });
        return c.html(html, 200, { 'content-security-policy': customerPageCsp(sandboxOrigin) });
      })
  );
}
