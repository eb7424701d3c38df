// What only Chromium can do for a bulk change: stop the service worker mid-batch. The bulk change itself (plan,
// confirmation, report, conflicts, users not read yet, undo) is a browser scenario: test/scenarios/team-access-changes.ts.
import { apiCall, logged, setRateLimit } from '../popup/helpers';
import { expect, scanAll, stopWorkerAndExpectRestart, test } from './fixtures';

type Answer = { pages: Array<{ page_id: string; [role: string]: unknown }> };

test('a bulk change resumes after the worker is stopped mid-batch, sending nothing twice', async ({ teamAccess: page, extensionId, sandbox }) => {
  test.setTimeout(240_000);
  await scanAll(page);
  await page.getByLabel('Page', { exact: true }).selectOption({ label: 'Acme Labs' });
  await page.getByLabel('Access', { exact: true }).selectOption({ label: 'No access' });
  const boxes = page.getByRole('checkbox', { name: /^Select / });
  for (let i = 0; i < 6; i++) await boxes.nth(i).check();
  await page.getByRole('radio', { name: 'Give access to pages' }).check();
  await page.getByRole('checkbox', { name: 'Acme Labs', exact: true }).check();
  await page.getByRole('button', { name: 'Preview the plan for 6 selected' }).click();
  // A slow server from here on: one request every 3 s, so the batch (a read and a PUT per user) takes a while.
  await setRateLimit(sandbox, { limit: 1, windowMs: 3000 });
  await page.getByRole('button', { name: 'Apply to 6 users…' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Apply', exact: true }).click();

  const puts = () => logged(sandbox, 'PUT', '/permissions/').filter((entry) => entry.status === 200);
  await expect.poll(() => puts().length, { timeout: 30_000 }).toBeGreaterThanOrEqual(2);
  await stopWorkerAndExpectRestart(page, extensionId, () => expect(puts().length).toBeLessThan(6));

  await expect(page.getByRole('region', { name: 'Report' })).toContainText('Done: 6. Skipped (conflict): 0. Failed: 0.', { timeout: 100_000 });
  const perUser = new Map<string, number>();
  for (const entry of puts()) perUser.set(entry.path, (perUser.get(entry.path) ?? 0) + 1);
  expect(perUser.size).toBe(6);
  expect([...perUser.values()].every((count) => count === 1)).toBe(true);
  const labsId = sandbox.pages.find((candidate) => candidate.name === 'Acme Labs')!.id;
  await setRateLimit(sandbox, { limit: 1000, windowMs: 60_000 });
  for (const path of perUser.keys()) {
    const answer = (await apiCall(sandbox, 'GET', path.replace(/^\/v1/, ''))) as Answer;
    expect(answer.pages.map((entry) => entry.page_id)).toContain(labsId);
  }
});
