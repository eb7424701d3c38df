// Team access on an organization with many pages (issue 20, part 8: keyboard and screen readers at this size): each
// row draws only the page columns in view, every column keeps its header, each drawn cell says where it is, and
// scrolling sideways brings the other pages' cells with their names, under their own headers. Chromium
// (test/e2e/team-access) and Firefox (test/firefox) run it.
import { connectThroughSetup, type ScenarioRunner } from './steps';

const PAGES = 20;

export function teamAccessWideScenarios({ it }: ScenarioRunner): void {
  it('20 pages: each row draws the page columns in view, and scrolling sideways brings the others with their names', {}, async ({ driver }) => {
    const { expect } = driver;
    await connectThroughSetup(driver);
    const { connections } = (await driver.stored('local', ['connections'])) as { connections: { active: string } };
    // A stored matrix as a scan leaves it (an index by name, one item per user), 20 pages wide.
    const prefix = `org.${connections.active}.teamAccess.`;
    const pages = Array.from({ length: PAGES }, (_, p) => ({ id: `wp${p}`, name: `Wide Page ${p}`, usesRoles: true }));
    const users = ['Ada Wide', 'Ben Wide', 'Cruz Wide'].map((name, u) => ({
      id: `wu${u}`,
      name,
      email: `wu${u}@acme.example`,
      firstSeenAt: 1,
      readAt: Date.now(),
      cells: Object.fromEntries(pages.map((page, p) => [page.id, (u + p) % 2 ? 'i' : ''])),
    }));
    await driver.store({
      [`${prefix}matrix`]: { userIds: users.map((user) => user.id) },
      [`${prefix}matrix$`]: { v: 3 },
      [`${prefix}pages`]: pages,
      ...Object.fromEntries(users.map((user) => [`${prefix}row.${user.id}`, user])),
    });
    const page = await driver.openExtensionPage('team-access.html');
    await page.setViewport(1280, 800);

    const table = await page.byRole('table', 'Team access: users by page');
    expect(await table.attribute('aria-colcount')).toBe(String(PAGES + 2));
    // Every page keeps its column header; the first pages' cells are drawn, the last pages' are not.
    expect(await page.count('columnheader', 'Wide Page 19')).toBe(1);
    const first = await page.byRole('cell', 'Ada Wide on Wide Page 0: access');
    expect(await first.attribute('aria-colindex')).toBe('3');
    const lastName = 'Ada Wide on Wide Page 19: access, Manage incidents';
    expect(await page.count('cell', lastName)).toBe(0);
    expect(await page.count('cell')).toBeLessThan(PAGES * users.length);

    // Scrolled to the right end: the last pages' cells, in their columns, and the first ones no longer drawn.
    await page.evaluate(() => {
      const region = document.querySelector('.grid-scroll') as HTMLElement;
      region.scrollTo(region.scrollWidth, 0);
    }, null);
    const last = await page.byRole('cell', lastName);
    expect(await last.attribute('aria-colindex')).toBe(String(PAGES + 2));
    expect(await page.count('cell', 'Ada Wide on Wide Page 0: access')).toBe(0);
    // Under its own header: the cell and the column header share their left edge.
    const [cellBox, headerBox] = [await last.box(), await (await page.byRole('columnheader', 'Wide Page 19')).box()];
    expect(Math.abs((cellBox?.x ?? 0) - (headerBox?.x ?? -100))).toBeLessThan(1);
  });
}
