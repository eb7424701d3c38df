// The widget's refresh in a real page: every 60 s while the tab is visible, nothing while it is hidden, longer
// waits while the status page fails. Date.now stands still and long timers are parked on a clock the test moves
// (Playwright's own clock would be installed on the whole shared context, the extension's pages included); short
// timers run as usual.
import type { Page } from '@playwright/test';
import { expect, test } from './widget-fixtures';
import { card, CONFIG_URL, openCustomerSite } from './customer-site';
import { advance, installTestClock, nextRefreshIn, pending } from './test-clock';

const setVisibility = (page: Page, state: 'hidden' | 'visible') =>
  page.evaluate((value) => {
    Object.defineProperty(document, 'visibilityState', { value, configurable: true });
    document.dispatchEvent(new Event('visibilitychange'));
  }, state);

test('refreshes every 60 s while visible, not at all while hidden or removed, and waits longer while the status page fails', async ({ page }) => {
  await page.addInitScript(installTestClock);
  const site = await openCustomerSite(page, { summary: 'incident_major_update-4_resolved.json' });
  await site.settled();
  await expect(card(page)).toHaveCount(0);
  expect(site.summaryRequests()).toHaveLength(1);

  // The next read is a minute away; nothing goes out before it.
  expect(await nextRefreshIn(page)).toBe(60_000);
  site.setSummary('incident_major_update-3_monitoring.json');
  await advance(page, 59_999);
  expect(await nextRefreshIn(page)).toBe(1);
  expect(site.summaryRequests()).toHaveLength(1);
  await advance(page, 1);
  await expect(card(page)).toBeVisible(); // an incident opened meanwhile shows without a reload
  expect(site.summaryRequests()).toHaveLength(2);

  // Hidden: no timer at all, however long; shown again after the minute has passed: a read at once.
  expect(await nextRefreshIn(page)).toBe(60_000);
  await setVisibility(page, 'hidden');
  expect(await pending(page)).toEqual([]);
  await advance(page, 10 * 60_000);
  expect(site.summaryRequests()).toHaveLength(2);
  await setVisibility(page, 'visible');
  await expect.poll(() => site.summaryRequests().length).toBe(3);

  // The status page fails: the card stays (the last good summary), and the next try is twice as far (±20 % jitter).
  site.setSummary(503);
  await advance(page, await nextRefreshIn(page));
  await expect.poll(() => site.summaryRequests().length).toBe(4);
  const afterFailure = await nextRefreshIn(page);
  expect(afterFailure).toBeGreaterThanOrEqual(0.8 * 120_000);
  expect(afterFailure).toBeLessThanOrEqual(1.2 * 120_000);
  await expect(card(page)).toBeVisible();

  // Back to normal after a success.
  site.setSummary('incident_major_update-3_monitoring.json');
  await advance(page, afterFailure);
  await expect.poll(() => site.summaryRequests().length).toBe(5);
  expect(await nextRefreshIn(page)).toBe(60_000);

  // Removed from the page (a single-page app navigating away): no timer, no request.
  await page.locator('status-embed').evaluate((element) => element.remove());
  expect(await pending(page)).toEqual([]);
  await advance(page, 10 * 60_000);
  expect(site.summaryRequests()).toHaveLength(5);
});

test('a failing config endpoint is asked less often and never slows the summary down', async ({ page }) => {
  await page.addInitScript(installTestClock);
  const site = await openCustomerSite(page, { config: 500 });
  await site.settled();
  await expect(card(page)).toBeVisible(); // in the default colours
  const configReads = () => site.requests().filter((url) => url === CONFIG_URL).length;
  expect([site.summaryRequests().length, configReads()]).toEqual([1, 1]);

  for (const [summaries, configs] of [
    [2, 1],
    [3, 2],
    [4, 2],
    [5, 2],
    [6, 2],
    [7, 3],
  ]) {
    await advance(page, await nextRefreshIn(page));
    await expect.poll(() => site.summaryRequests().length).toBe(summaries);
    expect(await nextRefreshIn(page)).toBe(60_000); // this refresh is over, and the summary keeps its minute
    expect(configReads()).toBe(configs);
  }
});
