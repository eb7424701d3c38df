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
 * Like `openAndMeasure`, with the page's other marks (the popup's `popup:*` steps) and when its HTML was parsed
 * (`html-parsed`, the navigation's domInteractive), each in ms from navigation start: where the time went.
 */
export async function openAndTrace(context: BrowserContext, url: string): Promise<Record<string, number>> {
  const page = await context.newPage();
  try {
    await page.goto(url);
    await page.waitForFunction(() => performance.getEntriesByName('first-data')[0]?.startTime, undefined, { timeout: 15_000 });
    return await page.evaluate(() => {
      const navigation = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined;
      const marks = performance.getEntriesByType('mark').map((mark) => [mark.name, mark.startTime] as const);
      return Object.fromEntries([['html-parsed', navigation?.domInteractive ?? 0], ...marks]);
    });
  } finally {
    await page.close();
  }
}
