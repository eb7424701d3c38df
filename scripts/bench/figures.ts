// How every bench prints and summarises what it measured. A figure is one line, `  <label>: <value> (goal: <goal>)`
// (the goal part when the issues set one), so `npm run bench` reads as a list of figures beside their goals and npm
// test's quick run can tell that each was produced. Helpers shared by the benches that open extension pages.
import type { BrowserContext } from '@playwright/test';

/** Prints one figure, beside its goal when it has one. */
export function figure(label: string, value: string, goal?: string): void {
  console.log(`  ${label}: ${value}${goal ? ` (goal: ${goal})` : ''}`);
}

export function median(values: number[]): number {
  if (!values.length) throw new Error('no measurement to take a median of');
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

export const ms = (value: number): string => `${value.toFixed(1)} ms`;
export const times = (value: number): string => `${value.toFixed(2)}x`;

/** Median, min and max of a series of times, as one value. */
export const spread = (values: number[]): string =>
  `median ${ms(median(values))} (min ${ms(Math.min(...values))}, max ${ms(Math.max(...values))}, ${values.length} runs)`;

/**
 * Opens `url` (an extension page) in a new tab and returns its `first-data` mark: ms from navigation start to the
 * frame that shows its first data (extension/ui/first-data.ts marks it; blank.html at once: the baseline).
 */
export async function openAndMeasure(context: BrowserContext, url: string): Promise<number> {
  return (await openAndTrace(context, url))['first-data']!;
}

/**
 * What `openAndTrace` runs in the page: waits (without polling) for the `first-data` mark, then returns every mark and
 * when the HTML was parsed (the navigation's domInteractive), as JSON. A plain expression sent over CDP: Playwright's
 * own `waitForFunction` first evaluates its injected script in the page, a 7 to 12 ms task that landed before the
 * popup's first frame (and after the empty page's), so it charged the page being measured for the harness's work.
 */
const MARKS_AFTER_FIRST_DATA = `new Promise((resolve, reject) => {
  const done = () => {
    const navigation = performance.getEntriesByType('navigation')[0];
    const marks = performance.getEntriesByType('mark').map((mark) => [mark.name, mark.startTime]);
    resolve(JSON.stringify(Object.fromEntries([['html-parsed', navigation ? navigation.domInteractive : 0], ...marks])));
  };
  if (performance.getEntriesByName('first-data').length) return done();
  const observer = new PerformanceObserver((list) => {
    if (!list.getEntriesByName('first-data').length) return;
    observer.disconnect();
    done();
  });
  observer.observe({ type: 'mark' });
  setTimeout(() => reject(new Error('no first-data mark within 15 s')), 15000);
})`;

/**
 * Like `openAndMeasure`, with the page's other marks (the popup's `popup:*` steps) and when its HTML was parsed
 * (`html-parsed`, the navigation's domInteractive), each in ms from navigation start: where the time went.
 */
export async function openAndTrace(context: BrowserContext, url: string): Promise<Record<string, number>> {
  const page = await context.newPage();
  try {
    const cdp = await context.newCDPSession(page);
    await page.goto(url);
    const { result, exceptionDetails } = await cdp.send('Runtime.evaluate', {
      expression: MARKS_AFTER_FIRST_DATA,
      awaitPromise: true,
      returnByValue: true,
    });
    if (exceptionDetails) throw new Error(`${url}: ${exceptionDetails.exception?.description ?? exceptionDetails.text}`);
    return JSON.parse(result.value as string) as Record<string, number>;
  } finally {
    await page.close();
  }
}
