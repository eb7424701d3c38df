/// <reference types="chrome" />
// The in-page preview's lag: from an edit in the popup to the manage.statuspage.io tab's repaint, against the
// same repaint driven by a direct in-page call (the widget's `handle.update()` on a page of its own). Both
// recolour the same card, rendered by the same StatusEmbed; the difference is the trip from the popup.
import type { Page } from '@playwright/test';
import { existsSync, readFileSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { startSandbox } from '../../sandbox';
import { sampleSummary } from '../../shared/embed';
import { connectThroughSetup } from '../../test/drivers/playwright';
import { launchWithExtension, TEST_EXTENSION_DIR } from '../../test/support/chromium';
import { figure, median, ms, times } from './figures';

const WIDGET_DIR = resolve('dist/widget');
const EDITS = 40;
const QUICK_EDITS = 5;

declare global {
  interface Window {
    benchRepaints: Array<{ colour: string; updated: number; at: number }>;
    benchWidget?: { update(config: Record<string, string>): void };
  }
}

/** Records, for each new card colour in `root`, when the frame that shows it has been produced (epoch ms). */
async function watchRepaints(page: Page, rootOf: () => ShadowRoot | null | undefined): Promise<void> {
  await page.waitForFunction(rootOf);
  await page.evaluate(`(${installWatcher.toString()})(${rootOf.toString()})`);
}

function installWatcher(rootOf: () => ShadowRoot) {
  const root = rootOf();
  window.benchRepaints = [];
  let last = '';
  new MutationObserver(() => {
    const card = root.querySelector<HTMLElement>('.card');
    const colour = card?.style.getPropertyValue('--bg') ?? '';
    if (!colour || colour === last) return;
    last = colour;
    const updated = performance.timeOrigin + performance.now(); // the card's DOM has the colour
    // rAF runs just before the frame is drawn; the task after it, once it has been.
    requestAnimationFrame(() => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => window.benchRepaints.push({ colour, updated, at: performance.timeOrigin + performance.now() });
      channel.port2.postMessage(null);
    });
  }).observe(root, { subtree: true, childList: true, attributes: true });
}

/** This page's clock (timeOrigin + now) against the wall clock every process shares, to compare two tabs' times. */
async function clockOffset(page: Page): Promise<number> {
  return page.evaluate(() => {
    let sum = 0;
    const samples = 5_000;
    for (let i = 0; i < samples; i++) sum += Date.now() - (performance.timeOrigin + performance.now());
    return sum / samples;
  });
}

/** When the card took `colour` (DOM updated) and when the frame showing it was drawn. */
async function repaintOf(page: Page, colour: string): Promise<{ updated: number; at: number }> {
  const handle = await page.waitForFunction((wanted) => window.benchRepaints.find((entry) => entry.colour === wanted), colour, { timeout: 5_000 });
  return (await handle.jsonValue()) as { updated: number; at: number };
}

const colourOf = (i: number) => `#${(0x102030 + i * 0x030507).toString(16).padStart(6, '0').slice(-6)}`;

/** Median and 95th percentile of a series of times, as one value. */
function summary(values: number[]): string {
  const sorted = [...values].sort((a, b) => a - b);
  const p95 = sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * 0.95))]!;
  return `median ${ms(median(values))}, p95 ${ms(p95)} (${values.length} edits)`;
}

/**
 * The baseline site: a page on its own origin that loads the built widget with a <script src>, as a customer's site
 * does, the loader's card stage (and anything else it fetches) served from beside it, and a status page's summary.
 */
async function openBaselineSite(page: Page): Promise<void> {
  if (!existsSync(`${WIDGET_DIR}/status-embed.js`)) throw new Error(`No widget build in ${WIDGET_DIR}: run npm run build:widget`);
  await page.route('https://bench.example/**', (route) => {
    const { pathname } = new URL(route.request().url());
    if (pathname.startsWith('/widget/')) {
      const file = `${WIDGET_DIR}/${basename(pathname)}`;
      if (!existsSync(file)) return route.fulfill({ status: 404, body: 'not found' });
      return route.fulfill({ contentType: 'text/javascript', body: readFileSync(file) });
    }
    return route.fulfill({
      contentType: 'text/html',
      body: '<!doctype html><title>Baseline</title><h1>Baseline</h1><script src="/widget/status-embed.js"></script>',
    });
  });
  await page.route('https://status.example.com/api/v2/summary.json', (route) =>
    route.fulfill({
      contentType: 'application/json',
      headers: { 'access-control-allow-origin': '*' },
      body: JSON.stringify(sampleSummary('incident')),
    }),
  );
  await page.goto('https://bench.example/');
}

export async function benchPreview({ quick }: { quick: boolean }): Promise<void> {
  const edits = quick ? QUICK_EDITS : EDITS;
  const sandbox = await startSandbox({ port: 0, rateLimit: { limit: 1000, windowMs: 1000 } });
  const browser = await launchWithExtension(TEST_EXTENSION_DIR).catch(async (error) => {
    await sandbox.close();
    throw error;
  });
  const { context, extensionId } = browser;
  const worker = browser.serviceWorker;
  try {
    // Connect the extension to the sandbox (the set-up form, in a tab closed afterwards).
    const setup = await context.newPage();
    await connectThroughSetup(setup, extensionId, sandbox);
    await setup.close();

    // The manage.statuspage.io tab (served locally), in front in its window as when the admin clicks the toolbar
    // button; the popup in a window of its own, aimed at that tab. (A tab behind another gets ~1 frame a second.)
    const pageId = sandbox.pages[0]!.id;
    const manage = await context.newPage();
    await manage.route('https://manage.statuspage.io/**', (route) =>
      route.fulfill({ contentType: 'text/html', body: '<!doctype html><title>Status embed</title><h1>Status embed</h1>' }),
    );
    await manage.goto(`https://manage.statuspage.io/pages/${pageId}/status-embed`);
    const tabId = await worker.evaluate(async (url) => (await chrome.tabs.query({ url }))[0]?.id, manage.url());
    const popupOpened = context.waitForEvent('page');
    await worker.evaluate(
      async (url) => void (await chrome.windows.create({ url, type: 'popup', width: 420, height: 760 })),
      `chrome-extension://${extensionId}/popup.html?tab=${tabId}`,
    );
    const popup = await popupOpened;
    const field = popup.getByLabel('Incident background', { exact: true });
    await field.fill('#0b3d91'); // the draft starts: the preview appears on the manage tab
    await watchRepaints(manage, () => document.querySelector<HTMLElement>('statuspage-toolkit-preview')?.shadowRoot);

    const skew = (await clockOffset(manage)) - (await clockOffset(popup));
    const viaPopup: number[] = [];
    const viaPopupDom: number[] = [];
    for (let i = 0; i < edits; i++) {
      const colour = colourOf(i);
      const editedAt = await field.evaluate((input: HTMLInputElement, value) => {
        const at = performance.timeOrigin + performance.now();
        input.value = value;
        input.dispatchEvent(new Event('input', { bubbles: true }));
        return at;
      }, colour);
      const { updated, at } = await repaintOf(manage, colour);
      viaPopupDom.push(updated + skew - editedAt);
      viaPopup.push(at + skew - editedAt);
    }

    // Baseline: the widget on a page of its own (in front in the same window), recoloured by a direct call in that page.
    await popup.close();
    const direct = await context.newPage();
    await openBaselineSite(direct);
    await direct.evaluate(() => {
      const api = (window as unknown as { StatusEmbed: { mount(options: object): { update(config: object): void } } }).StatusEmbed;
      window.benchWidget = api.mount({ statusPage: 'https://status.example.com', config: { incident_background_color: '#0b3d91' } });
    });
    await watchRepaints(direct, () =>
      document.querySelector('status-embed')?.shadowRoot?.querySelector('.card') ? document.querySelector('status-embed')!.shadowRoot : null,
    );
    const inPage: number[] = [];
    const inPageDom: number[] = [];
    for (let i = 0; i < edits; i++) {
      const colour = colourOf(i);
      const editedAt = await direct.evaluate((value) => {
        const at = performance.timeOrigin + performance.now();
        window.benchWidget!.update({ incident_background_color: value });
        return at;
      }, colour);
      const { updated, at } = await repaintOf(direct, colour);
      inPageDom.push(updated - editedAt);
      inPage.push(at - editedAt);
    }

    console.log(`Edit in the popup -> the manage.statuspage.io tab repainted, against a direct in-page call (${edits} edits each)`);
    figure('edit in the popup -> tab repainted', summary(viaPopup));
    figure('  of which: edit -> card updated in the page (before the frame)', summary(viaPopupDom));
    figure('baseline: the widget recoloured by a direct in-page call -> repainted', summary(inPage));
    figure('  of which: call -> card updated (before the frame)', summary(inPageDom));
    figure('preview / baseline (medians)', times(median(viaPopup) / median(inPage)));
    figure("the tabs' clocks differed by (corrected)", ms(skew));
  } finally {
    await browser.close();
    await sandbox.close();
  }
}

// Run on its own: `npx tsx scripts/bench/preview-bench.ts [--quick]` (after npm run build and npm run build:extension:test).
if (import.meta.url === `file://${process.argv[1]}`) await benchPreview({ quick: process.argv.includes('--quick') });
