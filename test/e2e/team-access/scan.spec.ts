// What only Chromium can do for the scan: stop the service worker mid-scan. The scan as an admin sees it (progress,
// time left, a person's save first, a search read next) is a browser scenario: test/scenarios/team-access.ts.
import { setRateLimit } from '../popup/helpers';
import { SCAN_IN_FLIGHT } from '../../../extension/team-access/scan/scan-runner';
import { expect, permissionReads, stopWorkerAndExpectRestart, test, USER_COUNT } from './fixtures';

test('a scan shows its progress, waits out 429s, and after the worker is stopped goes on where it was', async ({
  teamAccess: page,
  extensionId,
  sandbox,
}) => {
  test.setTimeout(150_000);
  // A server stricter than the key's pace (the scan starts one read a second): it meets 429s and must wait out their
  // Retry-After by itself.
  await setRateLimit(sandbox, { limit: 1, windowMs: 3000 });
  sandbox.requests().length = 0;
  await page.getByRole('button', { name: 'Scan the organization' }).click();

  const status = page.getByRole('status').filter({ hasText: /users read|Rate limited/ });
  await expect(status).toContainText(`of ${USER_COUNT} users read`);
  await expect(page.getByRole('progressbar', { name: 'Scan progress' })).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: /Rate limited by Statuspage: going on by itself in \d+ s/ })).toBeVisible({
    timeout: 15_000,
  });
  await setRateLimit(sandbox, { limit: 60, windowMs: 60_000 }); // the real key's rule again, for the rest
  await expect.poll(() => [...permissionReads(sandbox).keys()].length, { timeout: 20_000 }).toBeGreaterThanOrEqual(10);

  await stopWorkerAndExpectRestart(page, extensionId, () => {
    expect(permissionReads(sandbox).size).toBeLessThan(USER_COUNT);
  });

  await expect(page.getByRole('status').filter({ hasText: `Scanned ${USER_COUNT} users` })).toBeVisible({ timeout: 90_000 });
  const reads = permissionReads(sandbox);
  expect(reads.size).toBe(USER_COUNT);
  // Went on from where it stopped: no user read twice, but for at most the ones in flight whose answers the stop cut off.
  const twice = [...reads.entries()].filter(([, count]) => count > 1);
  expect(twice.length).toBeLessThanOrEqual(SCAN_IN_FLIGHT);
  // Every call of the scan was a background one; the matrix now has a row per user.
  await expect(page.getByRole('table', { name: 'Team access: users by page' })).toHaveAttribute('aria-rowcount', String(USER_COUNT + 1));
});
