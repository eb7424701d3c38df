// The widget's figures (printed, never pass/fail), each against a baseline measured in the same run (a ratio
// travels between machines; absolute times do not):
// - sizes (min+gzip): the loader (all a quiet page view loads), the card stage, both (a page with a card);
// - navigation -> card painted, against a hand-written plain-DOM card;
// - the main-thread time a quiet page view costs, against the same page without the widget;
// - the config endpoint's throughput against a static JSON file on plain node:http, and its upstream calls per
//   TTL under that load.
// `npm run bench` runs it after a build; `npx tsx scripts/bench/widget-bench.ts` alone after `npm run build:widget`.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { Agent, createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { createAdaptorServer } from '@hono/node-server';
import { type Browser, chromium, type Page } from '@playwright/test';
import { QUIET_FLAGS } from '../../test/support/chromium';
import { createEmbedConfigHandler } from '../../widget/config-endpoint';
import { findChromium } from '../find-chromium.mjs';

const DIST = resolve('dist/widget');
const BUDGETS = { loader: 2_048, card: 14_336, shown: 15_360 };
const GOALS = { loader: 1_536, shown: 12_288 };
const RUNS = 15;
const CUSTOMER = 'https://customer.bench';
const STATUS_PAGE = 'https://status.bench';
const FIXTURES = resolve('test/fixtures/statuspage-summaries');
const ACTIVE = readFileSync(`${FIXTURES}/incident_major_update-3_monitoring.json`, 'utf8');
const QUIET = readFileSync(`${FIXTURES}/incident_major_update-4_resolved.json`, 'utf8');

/** min+gzip as `gzip -9 -c file | wc -c` counts it (zlib if there is no gzip binary: 16 bytes less, no file name). */
function gzipSize(file: string): number {
  const cli = spawnSync('gzip', ['-9', '-c', file]);
  return cli.status === 0 ? cli.stdout.length : gzipSync(readFileSync(file), { level: 9 }).length;
}

const verdict = (size: number, budget: number, goal?: number) =>
  size > budget
    ? `OVER the budget (${budget}) by ${size - budget}`
    : goal && size > goal
      ? `within the budget (${budget}), over the goal (${goal})`
      : `within the budget (${budget})`;

function cardFileName(): string {
  const integrity = JSON.parse(readFileSync(`${DIST}/integrity.json`, 'utf8')) as Record<string, string>;
  const card = Object.keys(integrity).find((file) => file.startsWith('status-embed-card-'));
  if (!card) throw new Error('integrity.json lists no card stage');
  return card;
}

function printSizes(): void {
  const integrity = JSON.parse(readFileSync(`${DIST}/integrity.json`, 'utf8')) as Record<string, string>;
  const loader = gzipSize(`${DIST}/status-embed.js`);
  const card = gzipSize(`${DIST}/${cardFileName()}`);
  const locales = Object.keys(integrity)
    .filter((file) => file.startsWith('status-embed-locale-'))
    .map((file) => ({ language: file.split('-')[3], size: gzipSize(`${DIST}/${file}`) }));
  const largest = locales.reduce((a, b) => (b.size > a.size ? b : a), { language: '-', size: 0 });
  console.log(`loader (status-embed.js):     ${loader} bytes min+gzip: ${verdict(loader, BUDGETS.loader, GOALS.loader)}`);
  console.log(`card stage (${cardFileName()}): ${card} bytes min+gzip (English built in): ${verdict(card, BUDGETS.card)}`);
  console.log(
    `language files:               ${locales.map(({ language, size }) => `${language} ${size}`).join(', ')} bytes min+gzip (only the visitor's)`,
  );
  console.log(`a quiet page view loads:      ${loader} bytes of script (the loader alone)`);
  console.log(`a page with a card loads:     ${loader + card} bytes: ${verdict(loader + card, BUDGETS.shown, GOALS.shown)}`);
  console.log(`  in the largest language (${largest.language}):  ${loader + card + largest.size} bytes (one more file, fetched while the config is)`);
}

/** The baseline: what a careful developer would write by hand for the same card, no framework, no validation. */
function plainCardScript(css: string): string {
  return `(() => {
  const statusPage = document.currentScript.dataset.statusPage.replace(/\\/*$/, '/');
  fetch(statusPage + 'api/v2/summary.json', { credentials: 'omit' }).then((r) => r.json()).then((summary) => {
    const incident = summary.incidents.find((i) => ['investigating', 'identified', 'monitoring'].includes(i.status));
    if (!incident) return;
    const host = document.createElement('div');
    const root = host.attachShadow({ mode: 'open' });
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(${JSON.stringify(css)});
    root.adoptedStyleSheets = [sheet];
    const el = (tag, className, text) => { const node = document.createElement(tag); node.className = className; if (text) node.textContent = text; return node; };
    const frame = el('div', 'fixed');
    frame.setAttribute('role', 'status');
    const card = el('div', 'card incident bottom left');
    card.style.setProperty('--bg', '#b42318');
    card.style.setProperty('--fg', '#ffffff');
    const name = el('p', 'name');
    const link = el('a', '', incident.name);
    link.href = incident.shortlink || statusPage;
    name.append(link);
    const button = el('button', 'dismiss', '\\u00d7');
    button.setAttribute('aria-label', 'Dismiss status message');
    button.onclick = () => host.remove();
    card.append(el('p', 'label', 'Incident \\u00b7 ' + incident.status), name, el('p', 'detail', incident.incident_updates[0].body), button);
    frame.append(card);
    root.append(frame);
    document.body.append(host);
  });
})();`;
}

/** Records, in the page, when a `.card` appeared in any shadow root and when the next frame was painted (ms since navigation). */
const MEASURE = () => {
  const bench: Record<string, number> = {};
  (window as unknown as { bench: typeof bench }).bench = bench;
  const attachShadow = Element.prototype.attachShadow;
  Element.prototype.attachShadow = function (this: Element, init: ShadowRootInit) {
    const root = attachShadow.call(this, init);
    const observer = new MutationObserver(() => {
      const card = root.querySelector('.card');
      if (!card) return;
      observer.disconnect();
      card.getBoundingClientRect(); // style and layout, now
      bench.laidOut = performance.now();
      requestAnimationFrame(() => (bench.painted = performance.now()));
    });
    observer.observe(root, { childList: true, subtree: true });
    return root;
  };
};

/** Serves the customer page with `script` (or none), the widget's files from dist, and the given summary. */
async function routeSite(page: Page, script: string | null, summary: string): Promise<void> {
  await page.unrouteAll();
  await page.route(`${CUSTOMER}/**`, (route) => {
    const path = new URL(route.request().url()).pathname;
    if (path === '/card.js') return route.fulfill({ contentType: 'text/javascript', body: script ?? '' });
    if (path.startsWith('/w/')) return route.fulfill({ contentType: 'text/javascript', body: readFileSync(`${DIST}/${path.slice(3)}`, 'utf8') });
    const tag =
      script === null
        ? ''
        : `<script async src="${CUSTOMER}/${script === 'widget' ? 'w/status-embed.js' : 'card.js'}" data-status-page="${STATUS_PAGE}"></script>`;
    return route.fulfill({
      contentType: 'text/html',
      body: `<!doctype html><meta charset="utf-8"><title>bench</title><h1>Customer</h1><p>${'Some text. '.repeat(200)}</p>${tag}`,
    });
  });
  await page.route(`${STATUS_PAGE}/**`, (route) =>
    route.fulfill({ contentType: 'application/json', headers: { 'access-control-allow-origin': '*' }, body: summary }),
  );
}

async function timeToCard(page: Page, script: string): Promise<number> {
  await routeSite(page, script, ACTIVE);
  await page.goto(`${CUSTOMER}/`);
  await page.waitForFunction(() => (window as unknown as { bench: Record<string, number> }).bench.painted !== undefined);
  return page.evaluate(() => (window as unknown as { bench: Record<string, number> }).bench.painted!);
}

/** Main-thread time (CDP TaskDuration, ms) a page load costs until its network is idle and two frames passed. */
async function mainThreadTime(page: Page, withWidget: boolean): Promise<number> {
  await routeSite(page, withWidget ? 'widget' : null, QUIET);
  const devtools = await page.context().newCDPSession(page);
  await devtools.send('Performance.enable');
  await page.goto(`${CUSTOMER}/`, { waitUntil: 'networkidle' });
  await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
  const { metrics } = await devtools.send('Performance.getMetrics');
  await devtools.detach();
  return (metrics.find((metric) => metric.name === 'TaskDuration')?.value ?? Number.NaN) * 1000;
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
};
const ms = (value: number) => `${value.toFixed(2)} ms`;

async function benchBrowser(browser: Browser): Promise<void> {
  const fresh = async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    return { page, close: () => context.close() };
  };
  // Time to the card: each run in a fresh context (nothing cached), the widget's two stages against the plain card.
  const plain = plainCardScript(readFileSync(resolve('widget/card/card.css'), 'utf8'));
  const times = { widget: [] as number[], plain: [] as number[] };
  for (let run = -1; run < RUNS; run += 1) {
    for (const [key, script] of [
      ['widget', 'widget'],
      ['plain', plain],
    ] as const) {
      const { page, close } = await fresh();
      await page.addInitScript(MEASURE);
      const time = await timeToCard(page, script);
      if (run >= 0) times[key].push(time); // run -1 warms the browser up
      await close();
    }
  }
  const [ours, theirs] = [median(times.widget), median(times.plain)];
  console.log(`navigation -> card painted: widget ${ms(ours)}, plain DOM ${ms(theirs)}, ratio ${(ours / theirs).toFixed(2)} (median of ${RUNS})`);

  // Main-thread time of a quiet page view, against the same page without the widget.
  const main = { widget: [] as number[], none: [] as number[] };
  for (let run = -1; run < RUNS; run += 1) {
    for (const key of ['widget', 'none'] as const) {
      const { page, close } = await fresh();
      const time = await mainThreadTime(page, key === 'widget');
      if (run >= 0) main[key].push(time);
      await close();
    }
  }
  const [quiet, bare] = [median(main.widget), median(main.none)];
  console.log(
    `main thread, quiet page view: with the widget ${ms(quiet)}, without ${ms(bare)}: +${ms(quiet - bare)}, ratio ${(quiet / bare).toFixed(2)} (CDP TaskDuration, median of ${RUNS})`,
  );
}

const listen = async (server: Server): Promise<string> => {
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
};

/** One GET on a kept-alive connection; resolves with the status once the body is read. */
const get = (url: string, agent: Agent) =>
  new Promise<number>((done, fail) => {
    request(url, { agent }, (response) => {
      response.resume();
      response.on('end', () => done(response.statusCode ?? 0));
    })
      .on('error', fail)
      .end();
  });

/** Requests answered in `durationMs` by `concurrency` loops on kept-alive connections (bounded in time and in count). */
async function load(url: string, durationMs: number, concurrency = 32, maxRequests = 500_000): Promise<number> {
  const agent = new Agent({ keepAlive: true, maxSockets: concurrency });
  let done = 0;
  const until = Date.now() + durationMs;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (Date.now() < until && done < maxRequests) {
        const status = await get(url, agent);
        if (status !== 200) throw new Error(`${url}: HTTP ${status}`);
        done += 1;
      }
    }),
  );
  agent.destroy();
  return done;
}

export async function benchConfigEndpoint(): Promise<void> {
  const body = JSON.stringify({ position: 'bottom-right', incident_background_color: '#b42318' });
  let upstreamCalls = 0;
  const upstream = createServer((request, response) => {
    upstreamCalls += 1;
    request.resume();
    response.writeHead(200, { 'content-type': 'application/json' });
    response.end(JSON.stringify({ ...JSON.parse(body), page_id: 'benchpage' }));
  });
  const ttlSeconds = 1;
  const handler = createEmbedConfigHandler({
    apiKey: 'bench',
    pageId: 'benchpage',
    baseUrl: `${await listen(upstream)}/v1`,
    ttlSeconds,
    onError: () => {},
  });
  const endpoint = createAdaptorServer({ fetch: handler }) as Server;
  const staticFile = createServer((request, response) => {
    request.resume();
    response.writeHead(200, {
      'content-type': 'application/json; charset=utf-8',
      'access-control-allow-origin': '*',
      'cache-control': 'public, max-age=60',
    });
    response.end(body);
  });
  const [endpointUrl, staticUrl] = [await listen(endpoint), await listen(staticFile)];
  try {
    // Alternating half-second slices, so that a noisy neighbour slows both sides alike.
    const rounds = 6;
    const sliceMs = 500;
    await load(endpointUrl, 300); // warm-up: the first read, the JIT
    await load(staticUrl, 300);
    const callsBefore = upstreamCalls;
    let [ours, theirs] = [0, 0];
    for (let round = 0; round < rounds; round += 1) {
      ours += await load(endpointUrl, sliceMs);
      theirs += await load(staticUrl, sliceMs);
    }
    const calls = upstreamCalls - callsBefore;
    const seconds = (rounds * sliceMs) / 1000;
    const elapsed = 2 * seconds; // the endpoint's TTL clock ran through the static slices too
    console.log(
      `config endpoint: ${Math.round(ours / seconds)} req/s, static JSON on node:http ${Math.round(theirs / seconds)} req/s, ratio ${(ours / theirs).toFixed(2)} (32 kept-alive connections, ${rounds} alternating ${sliceMs} ms slices each)`,
    );
    console.log(
      `upstream calls under that load: ${calls} in ${elapsed} s with a ${ttlSeconds} s TTL (${(calls / (elapsed / ttlSeconds)).toFixed(2)} per TTL)`,
    );
  } finally {
    for (const server of [endpoint, staticFile, upstream]) {
      server.closeAllConnections();
      await new Promise((done) => server.close(done));
    }
  }
}

export async function benchWidget(_options: { quick: boolean }): Promise<void> {
  if (!existsSync(`${DIST}/status-embed.js`)) throw new Error(`No widget build in ${DIST}: run npm run build:widget`);
  printSizes();
  const executablePath = findChromium();
  if (!executablePath) console.log('no Chromium found (set CHROMIUM_PATH): browser timings skipped');
  else {
    const browser = await chromium.launch({ executablePath, headless: true, args: QUIET_FLAGS });
    try {
      await benchBrowser(browser);
    } finally {
      await browser.close();
    }
  }
  await benchConfigEndpoint();
}

if (import.meta.url === `file://${process.argv[1]}`) await benchWidget({ quick: process.argv.includes('--quick') });
