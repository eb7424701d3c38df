// Test pages for the widget, served by `page.route` (nothing leaves the browser): a customer site, its status
// page and its config endpoint on three made-up origins, the built widget as the customer's script.
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Page, Request } from '@playwright/test';
import { readSummaryFixture } from '../../support/fixtures';

export { readSummaryFixture };

export const CUSTOMER = 'https://customer.test';
export const STATUS_PAGE = 'https://status.test';
export const CONFIG_URL = 'https://config.test/embed-config';

const WIDGET_FILE = resolve('dist/widget/status-embed.js');

export function widgetScript(): string {
  if (!existsSync(WIDGET_FILE)) throw new Error(`No widget build at ${WIDGET_FILE}: run npm run build:widget`);
  return readFileSync(WIDGET_FILE, 'utf8');
}

/** A JSON answer as a public status page or our config endpoint gives it: CORS-open. */
const json = (body: unknown, status = 200) => ({
  status,
  contentType: 'application/json',
  headers: { 'access-control-allow-origin': '*' },
  body: typeof body === 'string' ? body : JSON.stringify(body),
});

export interface CustomerSiteOptions {
  /** Markup inside <body>, before the widget's script tag (default: a heading and a button). */
  body?: string;
  /** Extra markup in <head> (hostile styles, ...). */
  head?: string;
  /** The Content-Security-Policy header of the customer page. */
  csp?: string;
  /** The summary.json to serve (a fixture name or an object); a number answers with that HTTP status. */
  summary?: string | object | number;
  /** The config to serve; a number answers with that HTTP status; undefined: no config URL on the tag. */
  config?: object | number;
  /** More attributes for the script tag (`data-position="top-left"`, ...). */
  scriptAttributes?: string;
  /** Replaces the script tag entirely (the declarative form, the JS API). */
  embed?: string;
}

export interface CustomerSite {
  /** Resolves once the summary (and config) reached the page and the widget drew whatever it will draw. */
  settled(): Promise<void>;
  /** Serves another summary from now on (the next page load, or the next refresh). */
  setSummary(summary: string | object | number): void;
  /** How many summary requests reached the "status page". */
  summaryRequests(): Request[];
  /** Every request the page made, to check nothing unexpected went out. */
  requests(): string[];
}

/** Routes the three origins for this page and opens the customer site. */
export async function openCustomerSite(page: Page, options: CustomerSiteOptions = {}): Promise<CustomerSite> {
  let summary = options.summary ?? 'incident_major_update-3_monitoring.json';
  const summaryRequests: Request[] = [];
  const requests: string[] = [];
  const finished = new Set<string>();
  page.on('request', (request) => requests.push(request.url()));
  page.on('requestfinished', (request) => finished.add(new URL(request.url()).origin));
  page.on('requestfailed', (request) => finished.add(new URL(request.url()).origin));
  page.on('framenavigated', (frame) => frame === page.mainFrame() && finished.clear()); // a reload fetches again
  const script = widgetScript();
  const configAttribute = options.config === undefined ? '' : ` data-config-url="${CONFIG_URL}"`;
  const embed =
    options.embed ??
    `<script async src="${CUSTOMER}/status-embed.js" data-status-page="${STATUS_PAGE}"${configAttribute} ${options.scriptAttributes ?? ''}></script>`;
  const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Customer</title>${options.head ?? ''}</head>
<body><h1>Customer site</h1><button id="before">A button on the page</button>${options.body ?? ''}${embed}</body></html>`;

  await page.route(`${CUSTOMER}/**`, (route) => {
    const url = new URL(route.request().url());
    if (url.pathname === '/status-embed.js') return route.fulfill({ contentType: 'text/javascript', body: script });
    if (url.pathname === '/status-embed.mjs')
      return route.fulfill({ contentType: 'text/javascript', body: readFileSync(resolve('dist/widget/status-embed.mjs'), 'utf8') });
    const headers: Record<string, string> = options.csp ? { 'content-security-policy': options.csp } : {};
    return route.fulfill({ contentType: 'text/html', headers, body: html });
  });
  await page.route(`${STATUS_PAGE}/**`, (route) => {
    summaryRequests.push(route.request());
    if (typeof summary === 'number') return route.fulfill(json({ message: 'nope' }, summary));
    return route.fulfill(json(typeof summary === 'string' ? readSummaryFixture(summary) : summary));
  });
  await page.route(`${CONFIG_URL}`, (route) =>
    route.fulfill(typeof options.config === 'number' ? json({ message: 'nope' }, options.config) : json(options.config ?? {})),
  );
  // One browser serves every test of a worker: start each site with no dismissals left by another test.
  const devtools = await page.context().newCDPSession(page);
  await devtools.send('Storage.clearDataForOrigin', { origin: CUSTOMER, storageTypes: 'local_storage' });
  await devtools.detach();
  await page.goto(`${CUSTOMER}/`);
  const settled = async () => {
    const origins = [STATUS_PAGE, ...(options.config === undefined ? [] : [new URL(CONFIG_URL).origin])];
    await expectSoon(() => origins.every((origin) => finished.has(origin)));
    // The answers are in the page; parsing and drawing take well under two frames.
    await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
  };
  return { settled, setSummary: (next) => (summary = next), summaryRequests: () => summaryRequests, requests: () => requests };
}

async function expectSoon(condition: () => boolean, timeoutMs = 5_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('the widget never fetched what it should');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/** The card inside the widget's shadow root (Playwright's CSS locators pierce open shadow roots). */
export const card = (page: Page) => page.locator('status-embed .card');

/** Ends the card's entrance animation at once, so geometry reads the resting place (not a frame of the slide-in). */
export const finishCardAnimations = (page: Page) =>
  page.evaluate(() =>
    document
      .querySelector('status-embed')
      ?.shadowRoot?.querySelector('.card')
      ?.getAnimations()
      .forEach((a) => a.finish()),
  );
