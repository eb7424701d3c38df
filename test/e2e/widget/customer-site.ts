// Test pages for the widget, served by `page.route` (nothing leaves the browser): a customer site, its status
// page, its config endpoint and the CDN serving the built widget (loader and card stage) on four made-up origins.
import { existsSync, readFileSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import type { Page, Request } from '@playwright/test';
import { readSummaryFixture } from '../../support/fixtures';

export { readSummaryFixture };

export const CUSTOMER = 'https://customer.test';
export const STATUS_PAGE = 'https://status.test';
export const CONFIG_URL = 'https://config.test/embed-config';

/** The directory the customer's script tag points into (a CDN: another origin, CORS-open as SRI needs). */
export const WIDGET = 'https://cdn.test/widget/';
export const WIDGET_URL = `${WIDGET}status-embed.js`;

const WIDGET_DIR = resolve('dist/widget');
const WIDGET_FILE = resolve(WIDGET_DIR, 'status-embed.js');

export function widgetScript(): string {
  if (!existsSync(WIDGET_FILE)) throw new Error(`No widget build at ${WIDGET_FILE}: run npm run build:widget`);
  return readFileSync(WIDGET_FILE, 'utf8');
}

/** `{ "<file>": "sha384-..." }` for every browser file of the build. */
export const widgetIntegrity = (): Record<string, string> => JSON.parse(readFileSync(resolve(WIDGET_DIR, 'integrity.json'), 'utf8'));

/** A language's file name (it carries its digest), as integrity.json lists it. */
export const localeFile = (language: string): string => {
  const file = Object.keys(widgetIntegrity()).find((name) => name.startsWith(`status-embed-locale-${language}-`));
  if (!file) throw new Error(`integrity.json lists no ${language} file`);
  return file;
};

/** The card stage's file name (it carries a content hash). */
export const cardFile = (): string => {
  const file = Object.keys(widgetIntegrity()).find((name) => name.startsWith('status-embed-card-'));
  if (!file) throw new Error('integrity.json lists no card stage');
  return file;
};

/** Every browser file of the build: the loader, the card stage, the ES module. */
export const widgetFiles = (): string[] => Object.keys(widgetIntegrity()).map((file) => resolve(WIDGET_DIR, file));

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
  /** Serves a card stage that differs from the build by a few bytes (its integrity hash no longer matches). */
  tamperCard?: boolean;
  /** The same for every language file (status-embed-locale-*.js). */
  tamperLocales?: boolean;
  /** Serves the page with no charset at all (no meta, no header parameter): the browser falls back to windows-1252. */
  noCharset?: boolean;
  /** The page's `<html lang>` (default `en`; an empty string leaves it out). */
  lang?: string;
}

export interface CustomerSite {
  /** Resolves once the summary (and config) reached the page and the widget drew whatever it will draw. */
  settled(): Promise<void>;
  /** Serves another summary from now on (the next page load, or the next refresh). */
  setSummary(summary: string | object | number): void;
  /** How many summary requests reached the "status page". */
  summaryRequests(): Request[];
  /** Requests for the card stage's file. */
  cardRequests(): Request[];
  /** Requests for a language's file. */
  localeRequests(): Request[];
  /** Every request the page made, to check nothing unexpected went out. */
  requests(): string[];
}

/** Routes the three origins for this page and opens the customer site. */
export async function openCustomerSite(page: Page, options: CustomerSiteOptions = {}): Promise<CustomerSite> {
  let summary = options.summary ?? 'incident_major_update-3_monitoring.json';
  const summaryRequests: Request[] = [];
  const cardRequests: Request[] = [];
  const localeRequests: Request[] = [];
  const requests: string[] = [];
  const finished = new Set<string>();
  let inFlight = 0;
  page.on('request', (request) => {
    requests.push(request.url());
    inFlight += 1;
  });
  const done = (request: Request) => {
    finished.add(new URL(request.url()).origin);
    inFlight -= 1;
  };
  page.on('requestfinished', done);
  page.on('requestfailed', done);
  page.on('framenavigated', (frame) => frame === page.mainFrame() && finished.clear()); // a reload fetches again
  widgetScript(); // fails early, with the fix, when the widget is not built
  const configAttribute = options.config === undefined ? '' : ` data-config-url="${CONFIG_URL}"`;
  const embed =
    options.embed ??
    `<script async src="${WIDGET_URL}" data-status-page="${STATUS_PAGE}"${configAttribute} ${options.scriptAttributes ?? ''}></script>`;
  const charset = options.noCharset ? '' : '<meta charset="utf-8">';
  const lang = options.lang ?? 'en';
  const html = `<!doctype html><html${lang ? ` lang="${lang}"` : ''}><head>${charset}<title>Customer</title>${options.head ?? ''}</head>
<body><h1>Customer site</h1><button id="before">A button on the page</button>${options.body ?? ''}${embed}</body></html>`;

  await page.route(`${CUSTOMER}/**`, (route) => {
    const headers: Record<string, string> = options.csp ? { 'content-security-policy': options.csp } : {};
    // Playwright's contentType is sent as given: 'text/html' carries no charset parameter.
    return route.fulfill({ contentType: 'text/html', headers, body: options.noCharset ? Buffer.from(html, 'latin1') : html });
  });
  await page.route(`${WIDGET}**`, (route) => {
    const file = basename(new URL(route.request().url()).pathname);
    if (file.startsWith('status-embed-card-')) cardRequests.push(route.request());
    if (file.startsWith('status-embed-locale-')) localeRequests.push(route.request());
    const path = resolve(WIDGET_DIR, file);
    if (!/^status-embed[\w.-]*\.m?js$/.test(file) || !existsSync(path)) return route.fulfill({ status: 404, body: 'not found' });
    let body = readFileSync(path, 'utf8');
    if (options.tamperCard && file.startsWith('status-embed-card-')) body = `window.tampered=true;${body}`;
    if (options.tamperLocales && file.startsWith('status-embed-locale-')) body = body.replace(/"[^"]*"}/, '"Call 555-0100 now"}');
    return route.fulfill({ contentType: 'text/javascript', headers: { 'access-control-allow-origin': '*' }, body });
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
  const frames = () => page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
  const settled = async () => {
    await expectSoon(() => finished.has(STATUS_PAGE));
    // The summary is in; the loader may then fetch the card stage and the config. Parsing and drawing take well
    // under two frames: settled once two frames pass with nothing in flight.
    for (;;) {
      await frames();
      if (inFlight <= 0) break;
      await expectSoon(() => inFlight <= 0);
    }
  };
  return {
    settled,
    setSummary: (next) => (summary = next),
    summaryRequests: () => summaryRequests,
    cardRequests: () => cardRequests,
    localeRequests: () => localeRequests,
    requests: () => requests,
  };
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
  page.evaluate(() => {
    for (const animation of document.querySelector('status-embed')?.shadowRoot?.querySelector('.card')?.getAnimations() ?? []) animation.finish();
  });
