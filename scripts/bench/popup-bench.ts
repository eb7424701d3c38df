/// <reference types="chrome" />
// The popup's time from opening to its first drawn data, from cache and cold (nothing cached: the pages and the
// page's embed config come from the sandbox first), against an empty extension page opened the same way in the
// same browser in the same run. Both mark `first-data` after the frame that shows it (popup/first-data.ts);
// times are from navigation start, so they include loading the page's own script.
import type { BrowserContext, Worker } from '@playwright/test';
import { startSandbox } from '../../sandbox';
import { connectThroughSetup, launchWithExtension, TEST_EXTENSION_DIR } from '../../test/support/chromium';

// Each cold open costs two API calls and each cached open two refreshes: 8 + 8 stays under the key's 60 a minute.
const RUNS = 8;

/** Opens `path` in a new tab and returns its `first-data` mark (ms from navigation start). */
async function openAndMeasure(context: BrowserContext, url: string): Promise<number> {
  const page = await context.newPage();
  try {
    await page.goto(url);
    const handle = await page.waitForFunction(() => performance.getEntriesByName('first-data')[0]?.startTime, undefined, { timeout: 15_000 });
    return (await handle.jsonValue()) as number;
  } finally {
    await page.close();
  }
}

function median(times: number[]): number {
  const sorted = [...times].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

function line(label: string, times: number[]): string {
  return `${label.padEnd(34)} median ${median(times).toFixed(1).padStart(6)} ms   min ${Math.min(...times)
    .toFixed(1)
    .padStart(6)} ms   max ${Math.max(...times)
    .toFixed(1)
    .padStart(6)} ms`;
}

async function clearCache(worker: Worker): Promise<void> {
  await worker.evaluate(async () => {
    const keys = Object.keys(await chrome.storage.local.get(null)).filter((key) => key.startsWith('cache.'));
    await chrome.storage.local.remove(keys);
  });
}

export async function benchPopup(): Promise<void> {
  const sandbox = await startSandbox({ port: 0, rateLimit: { limit: 1000, windowMs: 60_000 } });
  const browser = await launchWithExtension(TEST_EXTENSION_DIR);
  const { context, extensionId } = browser;
  const worker = browser.serviceWorker;
  try {
    const popupUrl = `chrome-extension://${extensionId}/popup.html`;
    const blankUrl = `chrome-extension://${extensionId}/blank.html`;

    // Set up once, through the popup's own form.
    const setup = await context.newPage();
    await connectThroughSetup(setup, extensionId, sandbox);
    await setup.close();

    // Warm-up (the browser's first extension page pays for things no later one does), then interleaved runs so
    // that a noisy moment hits all three alike.
    await openAndMeasure(context, blankUrl);
    await openAndMeasure(context, popupUrl);
    const blank: number[] = [];
    const cached: number[] = [];
    const cold: number[] = [];
    for (let run = 0; run < RUNS; run++) {
      blank.push(await openAndMeasure(context, blankUrl));
      cached.push(await openAndMeasure(context, popupUrl));
      await clearCache(worker);
      cold.push(await openAndMeasure(context, popupUrl));
    }

    console.log(`Popup: opening to first drawn data, ${RUNS} runs each (Chromium ${context.browser()?.version() ?? ''}, sandbox on 127.0.0.1)`);
    console.log(line('Empty extension page (baseline)', blank));
    console.log(line('Popup, from cache', cached));
    console.log(line('Popup, cold (nothing cached)', cold));
    console.log(
      `Ratio to the empty page (medians): from cache ${(median(cached) / median(blank)).toFixed(2)}x, cold ${(median(cold) / median(blank)).toFixed(2)}x`,
    );
  } finally {
    await browser.close();
    await sandbox.close();
  }
}

// Run on its own: `npx tsx scripts/bench/popup-bench.ts`.
if (import.meta.url === `file://${process.argv[1]}`) await benchPopup();
