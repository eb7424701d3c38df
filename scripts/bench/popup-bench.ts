/// <reference types="chrome" />
// The popup's time from opening to its first drawn data, from cache and cold (nothing cached: the pages and the
// page's embed config come from the sandbox first), against an empty extension page opened the same way in the
// same browser in the same run. Both mark `first-data` after the frame that shows it (extension/ui/first-data.ts);
// times are from navigation start, so they include loading the page's own script. Each figure comes with its steps
// (the popup's `popup:*` marks, extension/popup/startup-marks.ts): where the time goes, as docs/extension.md reads them.
import type { BrowserContext } from '@playwright/test';
import { startSandbox } from '../../sandbox';
import { connectThroughSetup } from '../../test/drivers/playwright';
import { launchWithExtension, liveServiceWorker, TEST_EXTENSION_DIR } from '../../test/support/chromium';
import { figure, median, ms, openAndTrace, spread, times } from './figures';

// Each cold open costs two API calls and each cached open two refreshes: 8 + 8 stays under the key's 60 a minute.
const RUNS = 8;
const QUICK_RUNS = 2;

/**
 * Empties the current connection's caches (`org.<connection id>.cache.*`: its pages, users, embed configs), so that
 * the next open is cold. Nothing to empty means the caches moved: it throws rather than measure a warm open as cold.
 */
async function clearCache(context: BrowserContext, extensionId: string): Promise<void> {
  const worker = await liveServiceWorker(context, extensionId);
  const cleared = await worker.evaluate(async () => {
    const { connections } = (await chrome.storage.local.get('connections')) as { connections?: { active?: string } };
    const prefix = `org.${connections?.active}.cache.`;
    const keys = Object.keys(await chrome.storage.local.get(null)).filter((key) => key.startsWith(prefix));
    await chrome.storage.local.remove(keys);
    return keys;
  });
  if (!cleared.length)
    throw new Error("Found no cache of the current connection to clear (org.<id>.cache.*): the popup's cold figure would not be cold");
}

type Trace = Record<string, number>;

// The steps of an open, in order: a mark and what happened since the one before it.
const BLANK_STEPS = [
  ['html-parsed', 'HTML parsed'],
  ['first-data', 'script run, frame drawn'],
] as const;
const POPUP_STEPS = [
  ['html-parsed', 'HTML parsed'],
  ['popup:start', 'script loaded and run'],
  ['popup:context', 'tab URL and where the admin was read'],
  ['popup:read', "the open tab's data read"],
  ['popup:rendered', 'first render'],
  ['first-data', 'first frame drawn (cold: and the API read)'],
] as const;

/** Each step's median time since the step before it (medians of each run's differences), as one line. */
function steps(traces: Trace[], names: ReadonlyArray<readonly [string, string]>): string {
  return names
    .map(([mark, label], index) => {
      const previous = names[index - 1]?.[0];
      const times = traces.map((trace) => (trace[mark] ?? Number.NaN) - (previous ? (trace[previous] ?? Number.NaN) : 0));
      if (times.some(Number.isNaN)) throw new Error(`No ${mark} mark: the popup's start-up marks moved (extension/popup/startup-marks.ts)`);
      return `${label} ${ms(median(times))}`;
    })
    .join(', ');
}

export async function benchPopup({ quick }: { quick: boolean }): Promise<void> {
  const runs = quick ? QUICK_RUNS : RUNS;
  const sandbox = await startSandbox({ port: 0, rateLimit: { limit: 1000, windowMs: 60_000 } });
  const browser = await launchWithExtension(TEST_EXTENSION_DIR).catch(async (error) => {
    await sandbox.close();
    throw error;
  });
  const { context, extensionId } = browser;
  try {
    const popupUrl = `chrome-extension://${extensionId}/popup.html`;
    const blankUrl = `chrome-extension://${extensionId}/blank.html`;

    // Set up once, through the popup's own form.
    const setup = await context.newPage();
    await connectThroughSetup(setup, extensionId, sandbox);
    await setup.close();

    // Warm-up (the browser's first extension page pays for things no later one does), then interleaved runs so
    // that a noisy moment hits all three alike.
    await openAndTrace(context, blankUrl);
    await openAndTrace(context, popupUrl);
    const blank: Trace[] = [];
    const cached: Trace[] = [];
    const cold: Trace[] = [];
    for (let run = 0; run < runs; run++) {
      blank.push(await openAndTrace(context, blankUrl));
      cached.push(await openAndTrace(context, popupUrl));
      await clearCache(context, extensionId);
      cold.push(await openAndTrace(context, popupUrl));
    }
    const firstData = (traces: Trace[]) => traces.map((trace) => trace['first-data']!);

    console.log(`Opening to first drawn data (Chromium ${context.browser()?.version() ?? ''}, sandbox on 127.0.0.1)`);
    figure('empty extension page (baseline)', spread(firstData(blank)));
    figure('popup from cache', spread(firstData(cached)));
    figure('popup cold (nothing cached)', spread(firstData(cold)));
    figure('popup from cache / empty page (medians)', times(median(firstData(cached)) / median(firstData(blank))), 'at most 1.20x');
    figure('popup cold / empty page (medians)', times(median(firstData(cold)) / median(firstData(blank))), 'at most 1.50x');
    console.log('Where the time goes (each step: median ms since the step before it)');
    figure('empty extension page', steps(blank, BLANK_STEPS));
    figure('popup from cache', steps(cached, POPUP_STEPS));
    figure('popup cold', steps(cold, POPUP_STEPS));
  } finally {
    await browser.close();
    await sandbox.close();
  }
}

// Run on its own: `npx tsx scripts/bench/popup-bench.ts [--quick]`.
if (import.meta.url === `file://${process.argv[1]}`) await benchPopup({ quick: process.argv.includes('--quick') });
