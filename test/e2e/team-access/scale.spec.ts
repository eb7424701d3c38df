/// <reference types="chrome" />
import { liveServiceWorker } from '../../support/chromium';
import { apiCall } from '../../support/sandbox-api';
import { controlJson } from '../../support/sandbox-control';
import { expect, permissionReads, scanAll, test, USER_COUNT } from './fixtures';

test('mid-scan: a search is read next, filtered counts say who is not read yet, shared names carry the email', async ({
  teamAccess: page,
  sandbox,
  extensionId,
}) => {
  test.setTimeout(90_000);
  // A second Amara Khan: two people, one name.
  await apiCall(sandbox, 'POST', `/organizations/${sandbox.organizationId}/users`, {
    user: { email: 'amara.khan2@acme.example', first_name: 'Amara', last_name: 'Khan' },
  });
  // The user list read when connecting is shared while fresh (5 min): made older here, the scan lists users again.
  const worker = await liveServiceWorker(page.context(), extensionId);
  await worker.evaluate(async () => {
    const all = await chrome.storage.local.get(null);
    const key = Object.keys(all).find((name) => name.endsWith('.cache.users'));
    if (key) await chrome.storage.local.set({ [key]: { ...(all[key] as object), fetchedAt: Date.now() - 10 * 60_000 } });
  });
  // Slow answers (a far-away API), so that the scan is still reading when the admin searches.
  await controlJson(sandbox, 'POST', '/settings', { latencyMs: 2500 });
  sandbox.requests().length = 0;
  await page.getByRole('button', { name: 'Scan the organization' }).click();
  await expect(page.getByRole('status').filter({ hasText: /of \d+ users read/ })).toBeVisible({ timeout: 30_000 });

  // Zoë Byrne comes last in name order: searched for, she is read next.
  await page.getByLabel('Search').fill('Zoë');
  await expect(page.getByRole('row', { name: /Zoë Byrne/ })).toContainText(/read just now/, { timeout: 20_000 });
  const order = sandbox
    .requests()
    .map((entry) => /\/permissions\/([\w-]+)$/.exec(entry.path)?.[1])
    .filter(Boolean);
  const zoe =
    (await page
      .getByRole('row', { name: /Zoë Byrne/ })
      .getByRole('checkbox')
      .getAttribute('aria-label')) ?? '';
  expect(zoe).toBe('Select Zoë Byrne');
  expect(order.length).toBeLessThan(USER_COUNT);

  // "Has access" cannot be answered for users not read yet: the count says how many there are.
  await page.getByLabel('Search').fill('');
  await page.getByRole('combobox', { name: 'Access' }).selectOption({ label: 'Has access' });
  await expect(page.getByRole('status').filter({ hasText: /^Showing \d+ of \d+ users; \d+ not read yet/ })).toBeVisible();

  // Two people named Amara Khan: each checkbox names its person by email too.
  await page.getByRole('combobox', { name: 'Access' }).selectOption({ label: 'Anyone' });
  await page.getByLabel('Search').fill('Amara');
  await expect(page.getByRole('checkbox', { name: 'Select Amara Khan (amara.khan2@acme.example)' })).toBeVisible();
  await expect(page.getByRole('checkbox', { name: /^Select Amara Khan \((?!amara\.khan2)/ })).toBeVisible();
  await expect(page.getByRole('checkbox', { name: 'Select Amara Khan', exact: true })).toHaveCount(0);
  expect(permissionReads(sandbox).size).toBeGreaterThan(0);
  await page.getByRole('button', { name: 'Pause scan' }).click();
  await expect(page.getByRole('status').filter({ hasText: /Paused$/ })).toBeVisible();
  await controlJson(sandbox, 'POST', '/settings', { latencyMs: 0 });
});

test('by keyboard, the bulk change is a few keys from the filters, past every row', async ({ teamAccess: page }) => {
  test.setTimeout(120_000);
  await scanAll(page);
  await page.getByLabel('Search').focus();
  const skip = page.getByRole('link', { name: 'Skip the table to the bulk change' });
  let presses = 0;
  while (presses < 10 && !(await skip.evaluate((link) => link === document.activeElement))) {
    await page.keyboard.press('Tab');
    presses++;
  }
  expect(presses).toBeLessThan(10);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('form', { name: 'Change the selected users' })).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(page.getByRole('radio', { name: 'Give access to pages' })).toBeFocused();
  // The table keeps its size and cell names for a screen reader.
  await expect(page.getByRole('table', { name: 'Team access: users by page' })).toHaveAttribute('aria-rowcount', String(USER_COUNT + 1));
});
