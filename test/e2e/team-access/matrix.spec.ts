import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { apiCall, seedUsers, setRateLimit } from '../popup/helpers';
import { expect, scanAll, test, teamAccessUrl, USER_COUNT } from './fixtures';

async function seriousViolations(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map((violation) => ({ id: violation.id, nodes: violation.nodes.map((node) => node.target.join(' ')) }));
}

/** Every control's focus ring shows when Tab reaches it; returns the names of those where it does not. */
async function tabRound(page: Page, stops: number): Promise<{ reached: string[]; noRing: string[] }> {
  const reached: string[] = [];
  const noRing: string[] = [];
  for (let i = 0; i < stops; i++) {
    await page.keyboard.press('Tab');
    const focused = await page.evaluate(() => {
      const element = document.activeElement as HTMLElement | null;
      if (!element || element === document.body) return undefined;
      const style = getComputedStyle(element);
      const name = element.getAttribute('aria-label') ?? (element as HTMLInputElement).labels?.[0]?.textContent ?? element.textContent ?? '';
      return { name: name.trim().slice(0, 40), ring: element.matches(':focus-visible') && style.outlineStyle !== 'none' };
    });
    if (!focused) continue;
    reached.push(focused.name);
    if (!focused.ring) noRing.push(focused.name);
  }
  return { reached, noRing };
}

test('the matrix: accessible cells, filters, sort, windowed rows, keyboard and axe in light and dark', async ({ page, extensionId, sandbox }) => {
  test.setTimeout(90_000);
  await setRateLimit(sandbox, { limit: 1000, windowMs: 60_000 }); // the checks below read the sandbox from Node too
  await page.goto(teamAccessUrl(extensionId));
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
  const { reached, noRing } = await tabRound(page, 14);
  expect(reached).toContain('Matrix, scrolls');
  expect(reached.some((name) => name.startsWith('Select '))).toBe(true);
  expect(noRing).toEqual([]);

  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    expect(await seriousViolations(page), colorScheme).toEqual([]);
  }
});
