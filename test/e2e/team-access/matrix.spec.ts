import { tabOf } from '../../drivers/playwright';
import { tabStops } from '../../support/focus';
import { apiCall, seedUsers, setRateLimit } from '../popup/helpers';
import { expect, scanAll, test, USER_COUNT } from './fixtures';

test('the matrix: accessible cells, filters, sort, windowed rows, keyboard and axe in light and dark', async ({ teamAccess: page, sandbox }) => {
  test.setTimeout(150_000);
  await setRateLimit(sandbox, { limit: 1000, windowMs: 60_000 }); // the checks below read the sandbox from Node too
  await scanAll(page);

  const grid = page.getByRole('table', { name: 'Team access: users by page' });
  await expect(grid).toHaveAttribute('aria-rowcount', String(USER_COUNT + 1));
  await expect(
    page.getByRole('cell', { name: 'Ada Lovelace on Acme Cloud: access, Configure page, Manage incidents, Manage maintenances' }),
  ).toBeVisible();
  await expect(page.getByRole('cell', { name: 'Ada Lovelace on Acme Labs: access', exact: true })).toBeVisible();
  await expect(page.getByRole('cell', { name: 'Amara Khan on Acme Labs: no access' })).toBeVisible();
  await expect(page.getByRole('cell', { name: 'Amara Khan on Acme Payments: access, Manage incidents', exact: true })).toBeVisible();

  // Only the rows in view are drawn; scrolling to the end draws the last one with its index.
  expect(await grid.locator('tbody tr').count()).toBeLessThan(USER_COUNT);
  await page.locator('.grid-scroll').evaluate((element) => element.scrollTo(0, element.scrollHeight));
  await expect(grid.locator(`tbody tr[aria-rowindex="${USER_COUNT + 1}"]`)).toBeVisible();

  // Filters, checked against the sandbox: who has no access to Acme Labs.
  const users = await seedUsers(sandbox);
  const labsId = sandbox.pages.find((page) => page.name === 'Acme Labs')!.id;
  let withoutLabs = 0;
  for (const user of users) {
    const answer = (await apiCall(sandbox, 'GET', `/organizations/${sandbox.organizationId}/permissions/${user.id}`)) as {
      pages: Array<{ page_id: string }>;
    };
    if (!answer.pages.some((entry) => entry.page_id === labsId)) withoutLabs++;
  }
  expect(withoutLabs).toBeGreaterThan(0);
  await page.getByLabel('Page', { exact: true }).selectOption({ label: 'Acme Labs' });
  await page.getByLabel('Access', { exact: true }).selectOption({ label: 'No access' });
  await expect(page.getByRole('status').filter({ hasText: 'Showing' })).toHaveText(`Showing ${withoutLabs} of ${USER_COUNT} users; 0 selected.`);
  await page.getByLabel('Search').fill('amara');
  await expect(page.getByRole('status').filter({ hasText: 'Showing' })).toHaveText(`Showing 1 of ${USER_COUNT} users; 0 selected.`);
  await page.getByLabel('Search').fill('');
  await page.getByLabel('Page', { exact: true }).selectOption({ label: 'Any page' });
  await page.getByLabel('Access', { exact: true }).selectOption({ label: 'Anyone' });

  // Sort by email, descending: the first row is the last email in alphabetical order.
  const lastEmail = users
    .map((user) => user.email)
    .sort((a, b) => a.localeCompare(b))
    .at(-1)!;
  await page.getByLabel('Sort by').selectOption({ label: 'Email' });
  await page.getByLabel('Descending').check();
  await page.locator('.grid-scroll').evaluate((element) => element.scrollTo(0, 0));
  await expect(grid.locator('tbody tr').first().getByRole('rowheader')).toContainText(lastEmail);

  // Keyboard: Tab reaches the filters, the matrix and a row's checkbox, each with a visible focus ring.
  await page.getByLabel('Search').focus();
  const stops = await tabStops(page, 14);
  const reached = stops.map((stop) => stop.name);
  expect(reached).toContain('Matrix, scrolls');
  expect(reached.some((name) => name.startsWith('Select '))).toBe(true);
  expect(stops.filter((stop) => !stop.ring).map((stop) => stop.name)).toEqual([]);

  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    expect((await tabOf(page).axe()).violations, colorScheme).toEqual([]);
  }
});
