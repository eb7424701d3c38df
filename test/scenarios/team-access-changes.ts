// Changing access from the Team access page mid-scan (issue 20, parts 5 to 8), as an admin does it: a bulk change on
// users read and not read yet, its undo with its own plan and confirmation, CSV in and out as real spreadsheets write
// it, and the keyboard's way past the table to the bulk controls. Chromium (test/e2e/team-access) and Firefox
// (test/firefox) run them.
import type { RunningSandbox } from '../../sandbox';
import type { Scope } from '../drivers/driver';
import { isRead, openTeamAccess, pauseScan, search, select, startScan, statusMatching, USER_COUNT } from './team-access-steps';
import { apiCall, eventually, logged, type ScenarioRunner, type SeedUser, seedUsers } from './steps';

type Mapping = Array<{ page_id: string; [role: string]: unknown }>;
const mappingOf = async (sandbox: RunningSandbox, user: SeedUser): Promise<Mapping> =>
  ((await apiCall(sandbox, 'GET', `/organizations/${sandbox.organizationId}/permissions/${user.id}`)) as { pages: Mapping }).pages.sort((a, b) =>
    a.page_id.localeCompare(b.page_id),
  );
/**
 * The report of the batch shown now, found again each time: the one before it is replaced (a new element) when the
 * next batch starts. Empty while there is none (after looking for 2 s: a lookup takes a while on a busy machine).
 */
const reportText = async (page: Scope): Promise<string> =>
  (await page.byRole('region', 'Report', { timeout: 2_000 }).catch(() => undefined))?.text() ?? '';
const label = (user: SeedUser) => `${user.first_name} ${user.last_name} <${user.email}>`;

export function teamAccessChangeScenarios({ it }: ScenarioRunner): void {
  it('a bulk change on users read and not read yet: the plan says who is read just before the write, one changed elsewhere is skipped, the report says what was found; undo shows its plan, asks, and runs once', {
    tag: ['@slow'],
  }, async ({ driver }) => {
    const { sandbox, expect } = driver;
    const users = await seedUsers(sandbox);
    const labs = sandbox.pages.find((candidate) => candidate.name === 'Acme Labs')!.id;
    const amara = users.find((user) => user.first_name === 'Amara')!;
    const andres = users.find((user) => user.first_name === 'Andrés')!;
    // People near the end of the scan's order, without access to Acme Labs: still unread when the scan is paused.
    const late: SeedUser[] = [];
    for (const first of ['Zoë', 'Zainab', 'Yara', 'Wei', 'Uma']) {
      const user = users.find((candidate) => candidate.first_name === first)!;
      if (!(await mappingOf(sandbox, user)).some((entry) => entry.page_id === labs)) late.push(user);
    }
    const [unread, other] = late as [SeedUser, SeedUser];
    const name = (user: SeedUser) => `${user.first_name} ${user.last_name}`;
    const before = { amara: await mappingOf(sandbox, amara), unread: await mappingOf(sandbox, unread), other: await mappingOf(sandbox, other) };

    const page = await openTeamAccess(driver);
    await startScan(page);
    for (const read of ['Amara Khan', 'Andrés Hopper']) {
      await search(page, read);
      await eventually(driver, () => isRead(page, read), 15_000).toBe(true);
    }
    await pauseScan(page);
    await select(page, 'Andrés Hopper');
    await search(page, 'Amara');
    await select(page, 'Amara Khan');
    await search(page, name(unread));
    await page.byRole('checkbox', `Select ${name(unread)}`);
    expect(await isRead(page, name(unread))).toBe(false);
    await select(page, name(unread));

    // The plan: Amara and Andrés exactly; the other's access is not known yet, so it is read just before the write.
    await (await page.byRole('radio', 'Give access to pages')).click();
    await (await page.byRole('checkbox', 'Acme Labs')).click();
    await (await page.byRole('button', 'Preview the plan for 3 selected')).click();
    const planRegion = await page.byRole('region', 'Plan: Give access to Acme Labs');
    const plan = planRegion.within();
    expect(await planRegion.text()).toContain('2 users change; 0 unchanged; 1 not read yet (read just before the write)');
    expect(await planRegion.text()).toContain('1 selected user is not read yet: their current access is not known yet.');
    const cells = await plan.texts('cell');
    expect(cells).toContain('gets access to Acme Labs');
    expect(cells).toContain('not read yet: read just before the write');
    expect(cells).toContain('gets access to Acme Labs, unless they have it');
    expect(await planRegion.text()).toContain('Nobody loses access to any page.');

    // Someone changes Andrés elsewhere meanwhile: he loses Acme Payments. His write is skipped, never overwritten.
    const payments = sandbox.pages.find((candidate) => candidate.name === 'Acme Payments')!.id;
    const changed = Object.fromEntries(
      (await mappingOf(sandbox, andres)).filter((entry) => entry.page_id !== payments).map(({ page_id, ...roles }) => [page_id, roles]),
    );
    await apiCall(sandbox, 'PUT', `/organizations/${sandbox.organizationId}/permissions/${andres.id}`, { pages: changed });

    // The confirmation says how many are not read yet.
    await (await plan.byRole('button', 'Apply to 3 users…')).click();
    const dialog = await page.byRole('dialog', 'Apply “Give access to Acme Labs” to 3 users?');
    expect(await dialog.text()).toContain('1 of them is not read yet: each is read just before the write');
    await (await dialog.within().byRole('button', 'Apply')).click();
    await eventually(driver, () => reportText(page), 20_000).toContain('Done: 2. Skipped (conflict): 1. Failed: 0.');
    expect(await reportText(page)).toContain(`${label(andres)}: changed since the scan: loses access to Acme Payments`);
    expect((await mappingOf(sandbox, andres)).map((entry) => entry.page_id)).toEqual(Object.keys(changed).sort());
    // What the read found for the user not read before, and what changed.
    expect(await reportText(page)).toMatch(new RegExp(`${literally(label(unread))}: found [^;]+; gets access to Acme Labs`));
    const withLabs = await mappingOf(sandbox, unread);
    expect(withLabs.map((entry) => entry.page_id)).toEqual([...before.unread.map((entry) => entry.page_id), labs].sort());

    // Undo: its own plan names every loss, the confirmation asks, and it puts back exactly what the read had found.
    await (await (await page.byRole('region', 'Report')).within().byRole('button', 'Undo this batch')).click();
    const undo = await page.byRole('region', 'Plan: Undo of Give access to Acme Labs');
    expect(await undo.text()).toContain(`${label(amara)} loses Acme Labs`);
    expect(await undo.text()).toContain(`${label(unread)} loses Acme Labs`);
    await (await undo.within().byRole('button', 'Apply to 2 users…')).click();
    const confirm = await page.byRole('dialog', 'Apply “Undo of Give access to Acme Labs” to 2 users?');
    expect(await confirm.text()).toContain('This removes 2 accesses to pages:');
    await (await confirm.within().byRole('button', 'Apply, removing 2 accesses')).click();
    await page.byRole('heading', 'Undo of Give access to Acme Labs', { timeout: 10_000 });
    await eventually(driver, () => reportText(page), 20_000).toContain('Put back: 2. Skipped (conflict): 0. Failed: 0.');
    // "Undo of" once, and no second undo.
    expect((await page.texts('heading')).filter((text) => text.includes('Undo'))).toEqual(['Undo of Give access to Acme Labs']);
    expect(await page.count('button', 'Undo this batch')).toBe(0);
    expect(await mappingOf(sandbox, amara)).toEqual(before.amara);
    expect(await mappingOf(sandbox, unread)).toEqual(before.unread);

    // Removing access from someone not read yet may turn out to be nothing to do: said so, nothing sent, not a failure.
    // A batch sent clears the selection.
    await statusMatching(page, /^Showing \d+ of \d+ users; 0 selected\.$/);
    await search(page, name(other));
    await page.byRole('checkbox', `Select ${name(other)}`);
    expect(await isRead(page, name(other))).toBe(false);
    await select(page, name(other));
    await (await page.byRole('radio', 'Remove access to a page')).click();
    await (await page.byLabel('Page for the change')).select(labs);
    await (await page.byRole('button', 'Preview the plan for 1 selected')).click();
    const removal = await page.byRole('region', 'Plan: Remove access to Acme Labs');
    expect(await removal.text()).toContain('1 not read yet loses Acme Labs if they have access now:');
    await (await removal.within().byRole('button', 'Apply to 1 user…')).click();
    const ask = await page.byRole('dialog', 'Apply “Remove access to Acme Labs” to 1 user?');
    expect(await ask.text()).toContain(`${label(other)}: Acme Labs, if they have it`);
    // It asks first: Cancel has the focus, and Escape sends nothing.
    expect(await (await ask.within().byRole('button', 'Cancel')).focused()).toBe(true);
    const calls = sandbox.requests().length;
    await page.press('Escape');
    await eventually(driver, () => page.count('dialog')).toBe(0);
    expect(sandbox.requests()).toHaveLength(calls);
    await (await removal.within().byRole('button', 'Apply to 1 user…')).click();
    const again = await page.byRole('dialog', 'Apply “Remove access to Acme Labs” to 1 user?');
    await (await again.within().byRole('button', 'Apply, removing up to 1 access')).click();
    await eventually(driver, () => reportText(page), 20_000).toContain('Done: 0. Nothing to do: 1. Skipped (conflict): 0. Failed: 0.');
    expect(await reportText(page)).toMatch(new RegExp(`${literally(label(other))}: found [^;]+; nothing to do`));
    expect(logged(sandbox, 'PUT', `/permissions/${other.id}`)).toEqual([]);
    expect(await mappingOf(sandbox, other)).toEqual(before.other);
  });

  it('CSV mid-scan: the export quotes and neutralises formulas and round-trips; semicolons, a missing page column and an empty file are read as such', {
    tag: ['@slow'],
  }, async ({ driver }) => {
    const { sandbox, expect } = driver;
    const hostile = "Bob;=cmd|' /C calc'!A0";
    await apiCall(sandbox, 'POST', `/organizations/${sandbox.organizationId}/users`, {
      user: { email: 'bob.tables@acme.example', first_name: hostile, last_name: 'Tables' },
    });
    const users = USER_COUNT + 1;
    const ada = (await seedUsers(sandbox)).find((user) => user.first_name === 'Ada')!;
    const named = (name: string) => sandbox.pages.find((candidate) => candidate.name === name)!;
    const [cloud, pay, labs] = [named('Acme Cloud'), named('Acme Payments'), named('Acme Labs')];
    const page = await openTeamAccess(driver);
    await startScan(page, users);
    await eventually(driver, () => isRead(page, 'Ada Lovelace'), 15_000).toBe(true);

    // The export: every user, quoted where a cell holds a delimiter, and no cell a spreadsheet would run.
    const exported = await page.download(async () => (await page.byRole('button', `Export ${users} rows as CSV`)).click());
    expect(exported.name).toBe('team-access.csv');
    const lines = exported.text.trimEnd().split('\r\n');
    expect(lines).toHaveLength(users + 1);
    const header = lines[0]!.split(',');
    expect(header.slice(0, 3)).toEqual(['user_id', 'name', 'email']);
    expect(lines.find((line) => line.includes('bob.tables@'))).toContain(`"Bob;'=cmd|' /C calc'!A0 Tables"`);
    const naive = exported.text.split(/[;,\t\r\n]/).map((cell) => cell.replace(/^"/, ''));
    expect(naive.filter((cell) => /^[=+\-@]/.test(cell))).toEqual([]);

    // Round trip mid-scan: users not read yet have empty cells ("leave as is"); two cells edited for Ada.
    const column = (page: { id: string }) => header.findIndex((name) => name.endsWith(`(${page.id})`));
    const adaLine = lines.findIndex((line) => line.startsWith(`${ada.id},`));
    const cells = lines[adaLine]!.split(',');
    const edited = { pay: cells[column(pay)] === 'none' ? 'incidents' : 'none', labs: cells[column(labs)] === 'none' ? 'access' : 'none' };
    cells[column(pay)] = edited.pay;
    cells[column(labs)] = edited.labs;
    const roundTrip = [...lines.slice(0, adaLine), cells.join(','), ...lines.slice(adaLine + 1)].join('\r\n');
    const file = await page.byLabel('Import a CSV file as a plan');
    await file.upload('edited.csv', roundTrip);
    await statusMatching(page, /^edited\.csv: read with commas between cells\. \d+ users not scanned yet, with empty cells: left as they are\.$/);
    const plan = await page.byRole('region', 'Plan: Import of edited.csv');
    expect(await plan.text()).toMatch(/1 user changes; \d+ unchanged/);
    const adaChange = (await plan.within().texts('cell')).at(-1)!;
    expect(adaChange).toContain('Acme Payments');
    expect(adaChange).toContain('Acme Labs');

    // Saved by a spreadsheet in a semicolon locale: read, and the delimiter named.
    const row = (delimiter: string, pages: Array<{ id: string; name: string }>, values: string[]) =>
      [
        ['user_id', 'name', 'email', ...pages.map((page) => `${page.name} (${page.id})`)].join(delimiter),
        [ada.id, 'Ada Lovelace', ada.email, ...values].join(delimiter),
      ].join('\r\n');
    await file.upload('semicolons.csv', row(';', [cloud, pay, labs], ['', edited.pay, '']));
    await statusMatching(page, /^semicolons\.csv: read with semicolons between cells\./);
    await page.byRole('region', 'Plan: Import of semicolons.csv');

    // A page column missing: that page is named, and left as it is.
    await file.upload('two-pages.csv', row(',', [cloud, pay], ['', edited.pay]));
    await statusMatching(page, /^two-pages\.csv: read with commas between cells\. No column for Acme Labs: left as they are\./);
    await page.byRole('region', 'Plan: Import of two-pages.csv');

    // A file with errors: each named by row and column, and no plan.
    const bad = [lines[0], 'nobody,X,x@y,none,none,none', cells.map((cell, index) => (index === column(labs) ? 'incidents' : cell)).join(',')];
    await file.upload('bad.csv', bad.join('\r\n'));
    const badAlert = async () => (await page.texts('alert')).find((text) => text.startsWith('bad.csv has 2 problems'));
    await eventually(driver, badAlert).toContain('Row 2, column 1 (user_id): No user with id "nobody"');
    expect(await badAlert()).toContain(
      `Row 3, column ${column(labs) + 1} (${labs.name} (${labs.id})): Acme Labs has no role based access control: only none or access`,
    );
    expect(await page.count('region', 'Plan: Import of bad.csv')).toBe(0);

    // An empty file says so.
    await file.upload('empty.csv', '');
    const alert = async () => (await page.texts('alert')).find((text) => text.startsWith('empty.csv has 1 problem'));
    await eventually(driver, alert).toContain('Row 1, column 1: The file is empty');
    expect(await page.count('region', 'Plan: Import of empty.csv')).toBe(0);
    expect(logged(sandbox, 'PUT', '/permissions/')).toEqual([]);
    await pauseScan(page);
  });

  it('by keyboard, the bulk change is a few keys from the filters, past every row; the table keeps its size', {}, async ({ driver }) => {
    const { expect } = driver;
    const page = await openTeamAccess(driver);
    await startScan(page);
    await pauseScan(page);
    await (await page.byLabel('Search')).click();
    const skip = await page.byRole('link', 'Skip the table to the bulk change');
    let presses = 0;
    while (presses < 10 && !(await skip.focused())) {
      await page.press('Tab');
      presses++;
    }
    expect(presses).toBeLessThan(10);
    await page.press('Enter');
    await eventually(driver, async () => (await page.byRole('form', 'Change the selected users')).focused()).toBe(true);
    await page.press('Tab');
    await eventually(driver, async () => (await page.byRole('radio', 'Give access to pages')).focused()).toBe(true);
    expect(await (await page.byRole('table', 'Team access: users by page')).attribute('aria-rowcount')).toBe(String(USER_COUNT + 1));
  });
}

/** `text` as a regular expression that matches it literally. */
function literally(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
