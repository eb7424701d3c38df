// Team access while the scan runs (issue 20, parts 1 to 5), as an admin sees it: the lists read once and their
// progress counted, rows recorded one at a time with the scan's progress and time left, a person's save ahead of the
// scan, what the admin filters for read next, honest counts for users not read yet, rows that hold their place and
// controls whose names tell people apart. Chromium (test/e2e/team-access) and Firefox (test/firefox) run them.
import { controlJson } from '../support/sandbox-control';
import {
  fillKeyWindow,
  isRead,
  openTeamAccess,
  pauseScan,
  permissionReadOrder,
  rowHeaders,
  search,
  startScan,
  statusMatching,
  USER_COUNT,
  userListReads,
} from './team-access-steps';
import { apiCall, eventually, expectSaved, logged, permissionsOf, pickUser, type ScenarioRunner, seedUsers } from './steps';

export function teamAccessScanScenarios({ it }: ScenarioRunner): void {
  it('mid-scan: the lists read once, rows recorded one at a time with progress and time left, a search read next, honest counts, rows that stay, names that differ', {
    tag: ['@slow'],
  }, async ({ driver }) => {
    const { sandbox, expect } = driver;
    // Two people with one name.
    await apiCall(sandbox, 'POST', `/organizations/${sandbox.organizationId}/users`, {
      user: { email: 'amara.khan2@acme.example', first_name: 'Amara', last_name: 'Khan' },
    });
    const users = USER_COUNT + 1;
    const zoe = (await seedUsers(sandbox)).find((user) => user.first_name === 'Zoë')!;
    const ownReads = userListReads(sandbox); // this test's own, from Node
    const page = await openTeamAccess(driver);

    // Part 1: the scan starts on the user list the popup read when connecting (once), then shows its progress.
    await startScan(page, users);
    expect(userListReads(sandbox) - ownReads).toBe(1);
    await page.byRole('progressbar', 'Scan progress');
    // Part 4: time left from the limiter's schedule, one read a second: about a second a user left.
    const [, done, left] = (await statusMatching(page, /^(\d+) of \d+ users read, about (\d+) s left$/)).map(Number);
    expect(left).toBeGreaterThanOrEqual(Math.floor((users - done!) * 0.6));
    expect(left).toBeLessThanOrEqual((users - done!) * 2 + 5);

    // Part 2: each read is recorded as that user's own small row, the index holds ids only; the table follows.
    const rows = async () => {
      const stored = await driver.stored();
      const row = Object.entries(stored).filter(([key, value]) => /\.teamAccess\.row\./.test(key) && (value as { cells?: unknown }).cells);
      return { read: row.length, largest: Math.max(...row.map(([, value]) => JSON.stringify(value).length)), stored };
    };
    const first = await rows();
    await eventually(driver, async () => (await rows()).read, 10_000).toBeGreaterThan(first.read);
    const { stored, largest } = await rows();
    expect(largest).toBeLessThanOrEqual(400);
    const index = Object.entries(stored).find(([key]) => key.endsWith('.teamAccess.matrix'))?.[1] as { userIds: string[] };
    expect(index.userIds).toHaveLength(users);

    // Part 4: Zoë Byrne comes near the end of the scan's order; searched for, she is read next.
    await search(page, 'Zoë');
    await eventually(driver, () => isRead(page, 'Zoë Byrne'), 15_000).toBe(true);
    const order = permissionReadOrder(sandbox);
    expect(order.indexOf(zoe.id)).toBeGreaterThanOrEqual(0);
    expect(order.indexOf(zoe.id)).toBeLessThan(users / 2);
    await search(page, '');

    // Part 5: "has access" cannot be answered for users not read yet: the count says how many there are.
    await (await page.byLabel('Page')).select(sandbox.pages.find((candidate) => candidate.name === 'Acme Cloud')!.id);
    await (await page.byLabel('Access')).select('has');
    const [, shown, unread] = (
      await statusMatching(
        page,
        /^Showing (\d+) of (?:\d+) users; (\d+) not read yet \(their access is unknown: they may match once the scan reads them\); 0 selected\.$/,
      )
    ).map(Number);
    expect(unread).toBeGreaterThan(0);
    expect(shown! + unread!).toBeLessThanOrEqual(users);
    // Rows hold their place while the scan reads on: those who come to match wait behind "N more now match".
    const held = await rowHeaders(page);
    const showMore = await page.byRoleMatching('button', /^\d+ more now match: show them$/, { timeout: 30_000 });
    expect((await rowHeaders(page)).map((text) => text.split(' ')[0])).toEqual(held.map((text) => text.split(' ')[0]));
    // Its name counts on as the scan reads.
    await showMore.click();
    await eventually(driver, async () => (await rowHeaders(page)).length).toBeGreaterThan(held.length);

    // Part 5: two people named Amara Khan: each one's checkbox names them by email too.
    await (await page.byLabel('Access')).select('any');
    await (await page.byLabel('Page')).select('');
    await search(page, 'Amara');
    await page.byRole('checkbox', 'Select Amara Khan (amara.khan2@acme.example)');
    expect(await rowHeaders(page)).toHaveLength(2);
    expect(await page.count('checkbox', 'Select Amara Khan')).toBe(0);
    await pauseScan(page);

    // Part 1 again: with the shared list grown old, a new scan lists the users itself and counts them as they come.
    const aged: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(await driver.stored()))
      if (/\.cache\.(users|pages)$/.test(key)) aged[key] = { ...(value as object), fetchedAt: Date.now() - 10 * 60_000 };
    expect(Object.keys(aged)).toHaveLength(2);
    await driver.store(aged);
    await controlJson(sandbox, 'POST', '/settings', { latencyMs: 1500 }); // a far-away API: each list takes a while
    await (await page.byRole('button', 'Scan again')).click();
    await statusMatching(page, new RegExp(`^Listing users: ${users} of about ${users}$`), 15_000);
    await statusMatching(page, new RegExp(`^\\d+ of ${users} users read`), 15_000);
    expect(userListReads(sandbox) - ownReads).toBe(2);
    await controlJson(sandbox, 'POST', '/settings', { latencyMs: 0 });
    await pauseScan(page);
  });

  it('a save in the popup during the scan goes ahead of it: its read and write take the next slots, and the scan goes on', {}, async ({ driver }) => {
    const { sandbox, expect } = driver;
    const target = (await seedUsers(sandbox)).find((user) => user.first_name === 'Zainab')!;
    const page = await openTeamAccess(driver);
    await startScan(page);

    const popup = await driver.openPopup();
    await (await popup.byRole('tab', 'Permissions')).click();
    await pickUser(popup, target.email);
    const box = await popup.byLabel('Configure page on Acme Cloud');
    const before = await box.checked();
    await box.click();
    const sentFrom = sandbox.requests().length;
    await (await popup.byRole('button', 'Save')).click();
    await expectSaved(driver, popup, 10_000);

    // The save took two slots in a row: its read, then its write, with at most a scan read already due between them
    // (a person's calls need no spacing; the scan's go one a second).
    const after = sandbox.requests().slice(sentFrom);
    const own = (entry: { path: string }) => entry.path.endsWith(`/permissions/${target.id}`);
    const put = after.findIndex((entry) => entry.method === 'PUT' && own(entry));
    const read = after.findLastIndex((entry, index) => index < put && entry.method === 'GET' && own(entry));
    expect(read).toBeGreaterThanOrEqual(0);
    expect(put - read - 1).toBeLessThanOrEqual(1);
    expect(logged(sandbox, 'PUT', `/permissions/${target.id}`)).toHaveLength(1);
    const saved = (await apiCall(sandbox, 'GET', `/organizations/${sandbox.organizationId}/permissions/${target.id}`)) as {
      pages: Array<{ page_id: string; page_configuration?: boolean }>;
    };
    const cloud = sandbox.pages.find((candidate) => candidate.name === 'Acme Cloud')!.id;
    expect(saved.pages.find((entry) => entry.page_id === cloud)?.page_configuration ?? false).toBe(!before);

    // The scan went on meanwhile, and goes on.
    const [, was] = (await statusMatching(page, /^(\d+) of \d+ users read/)).map(Number);
    await eventually(driver, async () => Number((await statusMatching(page, /^(\d+) of \d+ users read/))[1]), 10_000).toBeGreaterThan(was!);
    await pauseScan(page);
  });

  it('with the key’s window full, the scan waits and says so while a person’s save goes first, its read and write in the next two slots', {}, async ({
    driver,
  }) => {
    const { sandbox, expect } = driver;
    const target = (await seedUsers(sandbox)).find((user) => user.first_name === 'Zainab')!;
    const page = await openTeamAccess(driver);
    // The person has the user open in the popup before the scan starts (picking reads their access).
    const popup = await driver.openPopup();
    await (await popup.byRole('tab', 'Permissions')).click();
    await pickUser(popup, target.email);
    // A minute of scanning in a moment: the key's 60 a minute used, as the limiter saved it.
    await fillKeyWindow(driver);
    await startScan(page);

    const box = await popup.byLabel('Configure page on Acme Cloud');
    const before = await box.checked();
    await box.click();
    const sentFrom = sandbox.requests().length;
    const waiting = statusMatching(page, /^\d+ of \d+ users read, about .+ left\. Waiting: A person's request goes first$/, 20_000);
    await (await popup.byRole('button', 'Save')).click();
    await waiting;
    await expectSaved(driver, popup, 20_000);

    // The save's read and write took the next two slots: no scan read went between them, or before them once asked.
    const permissions = sandbox
      .requests()
      .slice(sentFrom)
      .filter((entry) => /\/permissions\/[\w-]+$/.test(entry.path));
    const own = (entry: { path: string }) => entry.path.endsWith(`/permissions/${target.id}`);
    const read = permissions.findIndex((entry) => entry.method === 'GET' && own(entry));
    expect(read).toBeGreaterThanOrEqual(0);
    const next = permissions[read + 1];
    expect(next && next.method === 'PUT' && own(next)).toBe(true);
    // Before the person's read: at most a scan read granted already when Save was pressed.
    expect(permissions.slice(0, read).filter((entry) => !own(entry)).length).toBeLessThanOrEqual(1);
    const saved = await permissionsOf(sandbox, target.id);
    const cloud = sandbox.pages.find((candidate) => candidate.name === 'Acme Cloud')!.id;
    expect((saved[cloud] as { page_configuration?: boolean } | undefined)?.page_configuration ?? false).toBe(!before);

    // Then the scan goes on, and no longer says it waits.
    const [, was] = (await statusMatching(page, /^(\d+) of \d+ users read, about .+ left$/, 10_000)).map(Number);
    await eventually(driver, async () => Number((await statusMatching(page, /^(\d+) of \d+ users read/))[1]), 10_000).toBeGreaterThan(was!);
    await pauseScan(page);
  });
}
