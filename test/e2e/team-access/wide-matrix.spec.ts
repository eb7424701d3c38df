/// <reference types="chrome" />
import { liveServiceWorker } from '../../support/chromium';
import { expect, test, teamAccessUrl } from './fixtures';

const PAGES = 20;

test('an organization with 20 pages: each row draws the page columns in view, and scrolling sideways brings the others with their names', async ({
  teamAccess: page,
  extensionId,
}) => {
  const worker = await liveServiceWorker(page.context(), extensionId);
  // A stored matrix as a scan leaves it (version 3: an index by name, one item per user), 20 pages wide.
  await worker.evaluate(async (pageCount) => {
    const { connections } = (await chrome.storage.local.get('connections')) as { connections: { active: string } };
    const prefix = `org.${connections.active}.teamAccess.`;
    const pages = Array.from({ length: pageCount }, (_, p) => ({ id: `wp${p}`, name: `Wide Page ${p}`, usesRoles: true }));
    const users = ['Ada Wide', 'Ben Wide', 'Cruz Wide'].map((name, u) => ({
      id: `wu${u}`,
      name,
      email: `wu${u}@acme.example`,
      firstSeenAt: 1,
      readAt: Date.now(),
      cells: Object.fromEntries(pages.map((page, p) => [page.id, (u + p) % 2 ? 'i' : ''])),
    }));
    await chrome.storage.local.set({
      [`${prefix}matrix`]: { userIds: users.map((user) => user.id) },
      [`${prefix}matrix$`]: { v: 3 },
      [`${prefix}pages`]: pages,
      ...Object.fromEntries(users.map((user) => [`${prefix}row.${user.id}`, user])),
    });
  }, PAGES);
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto(teamAccessUrl(extensionId));

  const table = page.getByRole('table', { name: 'Team access: users by page' });
  await expect(table).toHaveAttribute('aria-colcount', String(PAGES + 2));
  // Every page keeps its column header; the first pages' cells are drawn, the last pages' are not yet.
  await expect(page.getByRole('columnheader', { name: 'Wide Page 19' })).toHaveCount(1);
  const first = page.getByRole('cell', { name: 'Ada Wide on Wide Page 0: access', exact: true });
  const last = page.getByRole('cell', { name: 'Ada Wide on Wide Page 19: access, Manage incidents' });
  await expect(first).toBeVisible();
  await expect(first).toHaveAttribute('aria-colindex', '3');
  await expect(last).toHaveCount(0);
  const drawn = await table.locator('tbody tr').first().getByRole('cell').count();
  expect(drawn).toBeLessThan(PAGES);

  // Scrolled to the right end: the last pages' cells, in their columns, and the first ones no longer drawn.
  await page.getByRole('region', { name: 'Matrix, scrolls' }).evaluate((region) => region.scrollTo(region.scrollWidth, 0));
  await expect(last).toBeVisible();
  await expect(last).toHaveAttribute('aria-colindex', String(PAGES + 2));
  await expect(first).toHaveCount(0);
  // Drawn under its own header: the cell and the column header share their left edge.
  const [cellBox, headerBox] = await Promise.all([last.boundingBox(), page.getByRole('columnheader', { name: 'Wide Page 19' }).boundingBox()]);
  expect(Math.abs((cellBox?.x ?? 0) - (headerBox?.x ?? -100))).toBeLessThan(1);
});
