// The widget's figures (printed, never pass/fail), each line `  <label>: <value> (goal: <goal>)`, and each time
// against a baseline measured in the same run (a ratio travels between machines; absolute times do not):
// - sizes (gzip -9): the loader (all a quiet page view loads) and what each of its parts costs, the card stage,
//   both (a page with a card), the language files;
// - navigation -> card painted, against a hand-written plain-DOM card, for a first visit and for a returning
//   visitor during an incident (real HTTP servers on 127.0.0.1, the browser's cache and validators at work);
// - the longest main-thread task with a summary whose incident name and update are 5 MB each;
// - the main-thread time a quiet page view costs, against the same page without the widget;
// - the config endpoint's throughput against a static JSON file on plain node:http, and its upstream calls per
//   TTL under that load.
// `npm run bench` runs it after a build; `npx tsx scripts/bench/widget-bench.ts [--quick]` alone after
// `npm run build:widget` (`--sizes`: the sizes alone, no browser: docs/widget.md's tables). It throws when it cannot
// produce a figure.
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
const GOALS = { loader: 2_048, loaderGoal: 1_536, shown: 12_288, firstVisit: 1.3, returning: 1.2, longestTaskMs: 300 };
const FIXTURES = resolve('test/fixtures/statuspage-summaries');
const ACTIVE = readFileSync(`${FIXTURES}/incident_major_update-3_monitoring.json`, 'utf8');
const QUIET = readFileSync(`${FIXTURES}/incident_major_update-4_resolved.json`, 'utf8');
const CUSTOMER = 'https://customer.bench';
const STATUS_PAGE = 'https://status.bench';

/** One figure, as the harness (scripts/bench.ts) prints them all. */
const figure = (label: string, value: string, goal = '-') => console.log(`  ${label}: ${value} (goal: ${goal})`);

/** Size as `gzip -9 -c file | wc -c` counts it (zlib if there is no gzip binary: the header without the file name). */
function gzipSize(file: string): number {
  const cli = spawnSync('gzip', ['-9', '-c', file]);
  return cli.status === 0 ? cli.stdout.length : gzipSync(readFileSync(file), { level: 9 }).length;
}

const within = (size: number, goal: number) => (size <= goal ? `within by ${goal - size}` : `OVER by ${size - goal}`);

function integrity(): Record<string, string> {
  return JSON.parse(readFileSync(`${DIST}/integrity.json`, 'utf8')) as Record<string, string>;
}

function cardFileName(): string {
  const card = Object.keys(integrity()).find((file) => file.startsWith('status-embed-card-'));
  if (!card) throw new Error('integrity.json lists no card stage');
  return card;
}

const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** The source index of each mapped segment of a source map (`[line, column, source]`, -1 for unmapped). */
function mappedSegments(mappings: string): Array<[number, number, number]> {
  const segments: Array<[number, number, number]> = [];
  let source = 0;
  mappings.split(';').forEach((line, lineNumber) => {
    let column = 0;
    for (const segment of line.split(',')) {
      if (!segment) continue;
      const values: number[] = [];
      let value = 0;
      let shift = 0;
      for (const char of segment) {
        const digit = BASE64.indexOf(char);
        value += (digit & 31) << shift;
        if (digit & 32) shift += 5;
        else {
          values.push(value & 1 ? -(value >>> 1) : value >>> 1);
          value = shift = 0;
        }
      }
      column += values[0]!;
      if (values.length > 1) source += values[1]!;
      segments.push([lineNumber, column, values.length > 1 ? source : -1]);
    }
  });
  return segments;
}

/**
 * What each source file costs the loader: the gzip -9 size of the loader less that of the loader without the
 * bytes the file's code became (from the build's hidden source map). The parts overlap in what gzip shares, so
 * they add up to more than the whole.
 */
export function loaderParts(): Array<[string, number]> {
  const code = readFileSync(`${DIST}/status-embed.js`, 'utf8');
  const mapFile = `${DIST}/status-embed.js.map`;
  if (!existsSync(mapFile)) throw new Error(`No ${mapFile}: rebuild with npm run build:widget`);
  const map = JSON.parse(readFileSync(mapFile, 'utf8')) as { sources: string[]; mappings: string };
  const lineStarts = [0];
  for (let i = 0; i < code.length; i += 1) if (code[i] === '\n') lineStarts.push(i + 1);
  const owner = new Int32Array(code.length).fill(-1);
  const segments = mappedSegments(map.mappings).map(([line, column, source]) => [lineStarts[line]! + column, source] as const);
  for (const [i, [from, source]] of segments.entries()) owner.fill(source, from, segments[i + 1]?.[0] ?? code.length);
  const gzip = (text: string) => gzipSync(text, { level: 9 }).length;
  const whole = gzip(code);
  return map.sources
    .map((source, index): [string, number] => {
      const rest = [...code].filter((_, i) => owner[i] !== index).join('');
      return [source.replace(/^(\.\.\/)+/, ''), whole - gzip(rest)];
    })
    .sort((a, b) => b[1] - a[1]);
}

function printSizes(): void {
  const loader = gzipSize(`${DIST}/status-embed.js`);
  const card = gzipSize(`${DIST}/${cardFileName()}`);
  figure(
    'loader, status-embed.js (gzip -9): all a quiet page view loads',
    `${loader} B, ${within(loader, GOALS.loader)}`,
    `${GOALS.loader} B, then ${GOALS.loaderGoal} B`,
  );
  for (const [source, cost] of loaderParts()) figure(`loader part ${source}`, `${cost} B (what it adds to the gzip size)`);
  figure('card stage (zod/mini, the card, English)', `${card} B`);
  figure('loader + card stage: a page with a card', `${loader + card} B, ${within(loader + card, GOALS.shown)}`, `${GOALS.shown} B`);
  const locales = Object.keys(integrity())
    .filter((file) => file.startsWith('status-embed-locale-'))
    .map((file) => `${file.split('-')[3]} ${gzipSize(`${DIST}/${file}`)}`);
  figure('a language file, only for a visitor who reads it', `${locales.join(', ')} B`);
}

/** The baseline: what a careful developer would write by hand for the same card, no framework, no validation. */
export function plainCardScript(css: string): string {
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

/**
 * Records, in the page, when a `.card` appeared in any shadow root and when the next frame was painted (ms since
 * navigation), and the longest task (PerformanceObserver `longtask`: 50 ms and more).
 */
const MEASURE = () => {
  const bench: Record<string, number> = { longestTask: 0 };
  (window as unknown as { bench: typeof bench }).bench = bench;
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) bench.longestTask = Math.max(bench.longestTask!, entry.duration);
  }).observe({ type: 'longtask', buffered: true });
  const attachShadow = Element.prototype.attachShadow;
  Element.prototype.attachShadow = function (this: Element, init: ShadowRootInit) {
    const root = attachShadow.call(this, init);
    const observer = new MutationObserver(() => {
      const card = root.querySelector('.card');
      if (!card) return;
      observer.disconnect();
      bench.cardIn = performance.now();
      card.getBoundingClientRect(); // style and layout, now
      bench.laidOut = performance.now();
      requestAnimationFrame(() => (bench.painted = performance.now()));
    });
    observer.observe(root, { childList: true, subtree: true });
    return root;
  };
};

/** A 5 MB incident name and a 5 MB update (words, so that layout has lines to break), in a real summary. */
function hugeSummary(): string {
  const summary = JSON.parse(ACTIVE) as { incidents: Array<{ name: string; incident_updates: Array<{ body: string }> }> };
  const words = (size: number) => 'Checkout is slow for some customers '.repeat(Math.ceil(size / 36)).slice(0, size);
  summary.incidents[0]!.name = words(5_000_000);
  for (const update of summary.incidents[0]!.incident_updates) update.body = words(5_000_000);
  return JSON.stringify(summary);
}

interface Sites {
  customer: string;
  status: string;
  /** 304s summary.json answered (the browser revalidating with If-None-Match). */
  notModified(): number;
  close(): Promise<void>;
}

/**
 * The customer site and the status page as a CDN serves them, on 127.0.0.1: the loader and the plain card with a
 * short cache, the card stage (named by its content) forever, summary.json with an ETag and `no-cache` (every
 * read revalidates; an unchanged one is a 304), CORS-open. `/huge/` serves the 5 MB summary.
 */
async function startSites(): Promise<Sites> {
  const plain = plainCardScript(readFileSync(resolve('widget/browser/card/card.css'), 'utf8'));
  const summaries: Record<string, string> = { '/api/v2/summary.json': ACTIVE, '/huge/api/v2/summary.json': hugeSummary() };
  let notModified = 0;
  const status = createServer((request, response) => {
    const body = summaries[request.url ?? ''];
    if (!body) return response.writeHead(404).end();
    const etag = `"${body.length}-${request.url!.length}"`;
    const headers = { etag, 'cache-control': 'no-cache', 'access-control-allow-origin': '*', 'content-type': 'application/json' };
    if (request.headers['if-none-match'] === etag) {
      notModified += 1;
      return response.writeHead(304, headers).end();
    }
    response.writeHead(200, headers).end(body);
  });
  const customer = createServer((request, response) => {
    const path = new URL(request.url ?? '/', 'http://x').pathname;
    const script = (body: string, maxAge: number) =>
      response
        .writeHead(200, { 'content-type': 'text/javascript', 'cache-control': `max-age=${maxAge}`, 'access-control-allow-origin': '*' })
        .end(body);
    if (path === '/card.js') return script(plain, 300);
    if (path === '/w/status-embed.js') return script(readFileSync(`${DIST}/status-embed.js`, 'utf8'), 300);
    if (path.startsWith('/w/status-embed-')) return script(readFileSync(`${DIST}/${path.slice(3)}`, 'utf8'), 31_536_000);
    const [kind, statusPath] = [path.split('/')[1], path.includes('/huge') ? '/huge' : ''];
    const src = kind === 'widget' ? '/w/status-embed.js' : '/card.js';
    response
      .writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-cache' })
      .end(
        `<!doctype html><meta charset="utf-8"><title>bench</title><h1>Customer</h1><p>${'Some text. '.repeat(200)}</p>` +
          `<script async src="${src}" data-status-page="${statusUrl}${statusPath}"></script>`,
      );
  });
  const statusUrl = await listen(status);
  const customerUrl = await listen(customer);
  return {
    customer: customerUrl,
    status: statusUrl,
    notModified: () => notModified,
    close: async () => {
      for (const server of [status, customer]) {
        server.closeAllConnections();
        await new Promise((done) => server.close(done));
      }
    },
  };
}

/** One visit's times (ms since navigation): the card in the DOM, laid out, painted; each request's start and end. */
type Visit = Record<string, number> & { cardIn: number; painted: number; longestTask: number };

/** Opens `url` in a new page of `context` and returns the card's paint time, the longest task and the requests' times (ms). */
async function visit(context: import('@playwright/test').BrowserContext, url: string) {
  const page = await context.newPage();
  try {
    await page.addInitScript(MEASURE);
    await page.goto(url);
    await page.waitForFunction(() => (window as unknown as { bench: Record<string, number> }).bench.painted !== undefined, undefined, {
      timeout: 60_000,
    });
    await page.waitForTimeout(100); // a task that follows the paint
    return await page.evaluate(() => {
      const times = { ...(window as unknown as { bench: Record<string, number> }).bench } as Visit;
      // When each request started and its last byte came (ms since navigation): the script, summary.json, the card stage.
      for (const entry of performance.getEntriesByType('resource') as PerformanceResourceTiming[]) {
        const name = /summary\.json/.test(entry.name)
          ? 'summary'
          : /status-embed-card-/.test(entry.name)
            ? 'stage'
            : /\.js$/.test(entry.name)
              ? 'script'
              : '';
        if (name) [times[`${name}Start`], times[`${name}End`]] = [entry.startTime, entry.responseEnd];
      }
      return times;
    });
  } finally {
    await page.close();
  }
}

/** Serves the customer page with `script` (or none) and the widget's files from dist, and the given summary (routed: no cache). */
async function routeSite(page: Page, script: string | null, summary: string): Promise<void> {
  await page.unrouteAll();
  await page.route(`${CUSTOMER}/**`, (route) => {
    const path = new URL(route.request().url()).pathname;
    if (path.startsWith('/w/')) return route.fulfill({ contentType: 'text/javascript', body: readFileSync(`${DIST}/${path.slice(3)}`, 'utf8') });
    const tag = script === null ? '' : `<script async src="${CUSTOMER}/w/status-embed.js" data-status-page="${STATUS_PAGE}"></script>`;
    return route.fulfill({
      contentType: 'text/html',
      body: `<!doctype html><meta charset="utf-8"><title>bench</title><h1>Customer</h1><p>${'Some text. '.repeat(200)}</p>${tag}`,
    });
  });
  await page.route(`${STATUS_PAGE}/**`, (route) =>
    route.fulfill({ contentType: 'application/json', headers: { 'access-control-allow-origin': '*' }, body: summary }),
  );
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
const ms = (value: number) => `${value.toFixed(1)} ms`;

async function benchBrowser(browser: Browser, runs: number): Promise<void> {
  const sites = await startSites();
  try {
    // Time to the card: each run a fresh context (nothing cached, nothing stored) for the first visit, then a
    // second visit in the same context (the returning visitor, the incident still open), widget and plain card
    // alternating, each first every other run (so that a neighbour's load, rising or falling, favours neither);
    // run -1 warms the browser up.
    const times = { widget: { first: [] as number[], again: [] as number[] }, plain: { first: [] as number[], again: [] as number[] } };
    const firstVisits = { widget: [] as Visit[], plain: [] as Visit[] };
    const before304 = sites.notModified();
    for (let run = -1; run < runs; run += 1) {
      for (const kind of run % 2 ? (['plain', 'widget'] as const) : (['widget', 'plain'] as const)) {
        const context = await browser.newContext();
        const first = await visit(context, `${sites.customer}/${kind}`);
        const again = await visit(context, `${sites.customer}/${kind}`);
        await context.close();
        if (run < 0) continue;
        times[kind].first.push(first.painted);
        times[kind].again.push(again.painted);
        firstVisits[kind].push(first);
      }
    }
    for (const [visitKind, label, goal] of [
      ['first', 'navigation -> card painted, first visit', GOALS.firstVisit],
      ['again', 'navigation -> card painted, returning visitor during an incident', GOALS.returning],
    ] as const) {
      const [ours, theirs] = [median(times.widget[visitKind]), median(times.plain[visitKind])];
      // Also each run's widget against the plain card of the same run (visited just before or after it): a load
      // that comes and goes over the runs moves both, so the median of these ratios swings less.
      const paired = median(times.widget[visitKind].map((time, run) => time / times.plain[visitKind][run]!));
      figure(
        label,
        `widget ${ms(ours)}, plain DOM card ${ms(theirs)}: ratio ${(ours / theirs).toFixed(2)} (median of ${runs}; run by run, median ${paired.toFixed(2)})`,
        `at most ${goal}x`,
      );
    }
    // The same first visits counted from the script's arrival: what the two scripts do, without the page's and the
    // script's own download (the same for both, and on this shared machine the most scattered part).
    const fromScript = (kind: 'widget' | 'plain') => median(firstVisits[kind].map((visit) => visit.painted - visit.scriptEnd!));
    const [oursFromScript, theirsFromScript] = [fromScript('widget'), fromScript('plain')];
    figure(
      'script arrived -> card painted, first visit',
      `widget ${ms(oursFromScript)}, plain DOM card ${ms(theirsFromScript)}: ratio ${(oursFromScript / theirsFromScript).toFixed(2)} (median of ${runs})`,
    );
    // Where a first visit's time goes: each step's median over the runs (from the page's resource timings).
    const steps = (kind: 'widget' | 'plain', path: Array<[string, string]>) =>
      path
        .map(([from, to]) => {
          const [a, b] = from.split('>') as [string, string];
          return `${to} ${median(firstVisits[kind].map((visit) => visit[b]! - visit[a]!)).toFixed(1)}`;
        })
        .join(', ');
    figure(
      'first visit, step by step (ms, medians): widget',
      steps('widget', [
        ['scriptEnd>summaryStart', 'script came -> summary asked'],
        ['summaryStart>summaryEnd', 'summary'],
        ['summaryEnd>stageStart', '-> card stage asked'],
        ['stageStart>stageEnd', 'card stage'],
        ['stageEnd>cardIn', '-> card in the page (parse, run, check, draw)'],
        ['cardIn>painted', '-> painted'],
      ]),
    );
    figure(
      'first visit, step by step (ms, medians): plain DOM card',
      steps('plain', [
        ['scriptEnd>summaryStart', 'script came -> summary asked'],
        ['summaryStart>summaryEnd', 'summary'],
        ['summaryEnd>cardIn', '-> card in the page'],
        ['cardIn>painted', '-> painted'],
      ]),
    );
    figure(
      'summary.json revalidated on a returning visit (304 Not Modified)',
      `${sites.notModified() - before304} of ${2 * (runs + 1)} returning visits`,
    );

    // The 5 MB name and update: the longest task on the host page while the card comes.
    const longest: number[] = [];
    for (let run = 0; run < Math.max(1, Math.ceil(runs / 3)); run += 1) {
      const context = await browser.newContext();
      longest.push((await visit(context, `${sites.customer}/widget/huge`)).longestTask);
      await context.close();
    }
    const worst = Math.max(...longest);
    figure(
      'longest main-thread task, incident name and update 5 MB each',
      worst ? ms(worst) : 'none of 50 ms or more',
      `under ${GOALS.longestTaskMs} ms`,
    );
  } finally {
    await sites.close();
  }

  // Main-thread time of a quiet page view, against the same page without the widget.
  const main = { widget: [] as number[], none: [] as number[] };
  for (let run = -1; run < runs; run += 1) {
    for (const key of ['widget', 'none'] as const) {
      const context = await browser.newContext();
      const time = await mainThreadTime(await context.newPage(), key === 'widget');
      if (run >= 0) main[key].push(time);
      await context.close();
    }
  }
  const [quiet, bare] = [median(main.widget), median(main.none)];
  figure(
    'main thread, quiet page view (CDP TaskDuration)',
    `with the widget ${ms(quiet)}, without ${ms(bare)}: +${ms(quiet - bare)}, ratio ${(quiet / bare).toFixed(2)} (median of ${runs})`,
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

export async function benchConfigEndpoint(quick = false): Promise<void> {
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
    const rounds = quick ? 2 : 6;
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
    figure(
      'config endpoint throughput',
      `${Math.round(ours / seconds)} req/s, static JSON on node:http ${Math.round(theirs / seconds)} req/s: ratio ${(ours / theirs).toFixed(2)} (32 kept-alive connections, ${rounds} alternating ${sliceMs} ms slices each)`,
    );
    figure(
      'upstream calls under that load',
      `${calls} in ${elapsed} s with a ${ttlSeconds} s TTL: ${(calls / (elapsed / ttlSeconds)).toFixed(2)} per TTL`,
      'at most 1 per TTL',
    );
  } finally {
    for (const server of [endpoint, staticFile, upstream]) {
      server.closeAllConnections();
      await new Promise((done) => server.close(done));
    }
  }
}

export async function benchWidget(options: { quick: boolean } = { quick: false }): Promise<void> {
  if (!existsSync(`${DIST}/status-embed.js`)) throw new Error(`No widget build in ${DIST}: run npm run build:widget`);
  printSizes();
  const executablePath = findChromium();
  if (!executablePath) throw new Error('No Chromium found (set CHROMIUM_PATH): the time and main-thread figures need one');
  const browser = await chromium.launch({ executablePath, headless: true, args: QUIET_FLAGS });
  try {
    await benchBrowser(browser, options.quick ? 3 : 11);
  } finally {
    await browser.close();
  }
  await benchConfigEndpoint(options.quick);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  if (process.argv.includes('--sizes')) printSizes();
  else await benchWidget({ quick: process.argv.includes('--quick') });
}
