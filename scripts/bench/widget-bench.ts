// The widget's figures (printed, never pass/fail): the size of the script-tag file against its budget, and the
// time from the summary's arrival to the card on screen, against a hand-written plain-DOM card measured in the
// same run (a ratio travels between machines; absolute times do not).
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium, type Page } from '@playwright/test';
import { findChromium } from '../find-chromium.mjs';
import { QUIET_FLAGS } from '../../test/e2e/fixtures';

const WIDGET_FILE = resolve('dist/widget/status-embed.js');
const BUDGET = 12_288;
const GOAL = 10_240;
const RUNS = 25;
const CUSTOMER = 'https://customer.bench';
const STATUS_PAGE = 'https://status.bench';
const SUMMARY = resolve('test/fixtures/statuspage-summaries/incident_major_update-3_monitoring.json');

/** min+gzip as `gzip -9 -c file | wc -c` counts it (zlib if there is no gzip binary: 16 bytes less, no file name). */
function gzipSize(file: string): number {
  const cli = spawnSync('gzip', ['-9', '-c', file]);
  return cli.status === 0 ? cli.stdout.length : gzipSync(readFileSync(file), { level: 9 }).length;
}

function printSize(code: string): void {
  const size = gzipSize(WIDGET_FILE);
  const verdict =
    size <= GOAL ? 'within the goal' : size <= BUDGET ? 'within the budget, over the goal' : `OVER the budget by ${size - BUDGET} bytes`;
  console.log(`status-embed.js: ${code.length} bytes minified, ${size} bytes min+gzip (budget ${BUDGET}, goal ${GOAL}): ${verdict}`);
  const leaks = ['OAuth', 'api.statuspage.io', 'status_embed_config', 'Authorization'].filter((marker) => code.includes(marker));
  console.log(`management client in the bundle: ${leaks.length ? `YES (${leaks.join(', ')})` : 'no'}`);
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
    const button = el('button', 'dismiss', '×');
    button.setAttribute('aria-label', 'Dismiss status message');
    button.onclick = () => host.remove();
    card.append(el('p', 'label', 'Incident · ' + incident.status), name, el('p', 'detail', incident.incident_updates[0].body), button);
    frame.append(card);
    root.append(frame);
    document.body.append(host);
  });
})();`;
}

/** Records, in the page, when the summary arrived and when a `.card` appeared in any shadow root, was laid out, and painted. */
const MEASURE = () => {
  const bench: Record<string, number> = {};
  (window as unknown as { bench: typeof bench }).bench = bench;
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries() as PerformanceResourceTiming[]) if (entry.name.endsWith('summary.json')) bench.arrived = entry.responseEnd;
  }).observe({ type: 'resource', buffered: true });
  const attachShadow = Element.prototype.attachShadow;
  Element.prototype.attachShadow = function (this: Element, init: ShadowRootInit) {
    const root = attachShadow.call(this, init);
    const observer = new MutationObserver(() => {
      const card = root.querySelector('.card');
      if (!card) return;
      observer.disconnect();
      bench.inserted = performance.now();
      card.getBoundingClientRect(); // style and layout, now
      bench.laidOut = performance.now();
      requestAnimationFrame(() => (bench.painted = performance.now()));
    });
    observer.observe(root, { childList: true, subtree: true });
    return root;
  };
};

interface Timing {
  laidOut: number;
  painted: number;
}

async function measure(page: Page, script: string): Promise<Timing> {
  await page.unrouteAll();
  await page.route(`${CUSTOMER}/**`, (route) =>
    route.request().url().endsWith('.js')
      ? route.fulfill({ contentType: 'text/javascript', body: script })
      : route.fulfill({
          contentType: 'text/html',
          body: `<!doctype html><title>bench</title><h1>Customer</h1><script async src="${CUSTOMER}/card.js" data-status-page="${STATUS_PAGE}"></script>`,
        }),
  );
  // The summary comes late, so that both scripts are loaded and idle when it arrives.
  await page.route(`${STATUS_PAGE}/**`, async (route) => {
    await new Promise((done) => setTimeout(done, 150));
    await route.fulfill({ contentType: 'application/json', headers: { 'access-control-allow-origin': '*' }, body: readFileSync(SUMMARY, 'utf8') });
  });
  await page.goto(`${CUSTOMER}/`);
  await page.waitForFunction(() => {
    const bench = (window as unknown as { bench: Record<string, number> }).bench;
    return bench.painted !== undefined && bench.arrived !== undefined;
  });
  const bench = await page.evaluate(() => (window as unknown as { bench: Record<string, number> }).bench);
  return { laidOut: bench.laidOut! - bench.arrived!, painted: bench.painted! - bench.arrived! };
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
};
const ms = (value: number) => `${value.toFixed(2)} ms`;

export async function benchWidget(): Promise<void> {
  if (!existsSync(WIDGET_FILE)) throw new Error(`No widget build at ${WIDGET_FILE}: run npm run build:widget`);
  const widget = readFileSync(WIDGET_FILE, 'utf8');
  printSize(widget);

  const executablePath = findChromium();
  if (!executablePath) {
    console.log('no Chromium found (set CHROMIUM_PATH): render timing skipped');
    return;
  }
  const browser = await chromium.launch({ executablePath, headless: true, args: QUIET_FLAGS });
  try {
    const page = await browser.newPage();
    await page.addInitScript(MEASURE);
    const plain = plainCardScript(readFileSync(resolve('widget/card/card.css'), 'utf8'));
    const results = { widget: [] as Timing[], plain: [] as Timing[] };
    await measure(page, widget); // warm-up: first loads pay for compiling
    await measure(page, plain);
    for (let run = 0; run < RUNS; run += 1) {
      results.widget.push(await measure(page, widget));
      results.plain.push(await measure(page, plain));
    }
    for (const key of ['laidOut', 'painted'] as const) {
      const ours = median(results.widget.map((timing) => timing[key]));
      const theirs = median(results.plain.map((timing) => timing[key]));
      const what = key === 'laidOut' ? 'summary arrived -> card laid out' : 'summary arrived -> next frame';
      console.log(`${what}: widget ${ms(ours)}, plain DOM ${ms(theirs)}, ratio ${(ours / theirs).toFixed(2)} (median of ${RUNS})`);
    }
  } finally {
    await browser.close();
  }
}
