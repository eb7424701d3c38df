// A permissions save: the complete mapping is PUT after a fresh read every time, and a save that removes access asks
// first, naming each page; Cancel sends nothing, confirming removes exactly that access (read back).
import { SEED_PAGE_IDS } from '../../sandbox';
import { connectThroughSetup, eventually, expectSaved, logged, permissionsOf, pickUser, type ScenarioRunner, seedUsers } from './steps';

const { cloud, payments, labs } = SEED_PAGE_IDS;
const all = { page_configuration: true, incident_manager: true, maintenance_manager: true };

export function permissionsScenarios({ it }: ScenarioRunner): void {
  it('granting and revoking roles sends the complete mapping every time; removing access asks first, naming the pages', {
    tag: ['@screenshot'],
  }, async ({ driver }) => {
    const { sandbox, expect } = driver;
    const [owner] = await seedUsers(sandbox);
    expect(await permissionsOf(sandbox, owner!.id)).toEqual({ [cloud]: all, [payments]: all, [labs]: {} });
    const page = await connectThroughSetup(driver);
    await page.setViewport(440, 600);
    await (await page.byRole('tab', 'Permissions')).click();
    await pickUser(page, owner!.email);
    const labsRow = await page.byCss(`tr[data-page-id="${labs}"]`);
    await eventually(driver, () => labsRow.text()).toContain('Access only');
    const checked = async (label: string) => (await page.byLabel(label)).checked();
    await eventually(driver, () => checked('Manage incidents on Acme Payments')).toBe(true);

    // Revoke a role.
    await (await page.byLabel('Manage incidents on Acme Payments')).click();
    await page.byText('1 unsaved change');
    await (await page.byRole('button', 'Save')).click();
    await expectSaved(driver, page);
    // Grant one.
    await (await page.byLabel('Manage incidents on Acme Payments')).click();
    await (await page.byLabel('Configure page on Acme Cloud')).click();
    await (await page.byRole('button', 'Save')).click();
    await expectSaved(driver, page);
    expect(await permissionsOf(sandbox, owner!.id)).toEqual({ [cloud]: { ...all, page_configuration: false }, [payments]: all, [labs]: {} });

    // Removing access asks, naming every page it would go from; Cancel changes nothing.
    await (await page.byLabel('Access to Acme Labs')).click();
    await page.screenshot('popup-permissions.png');
    await (await page.byLabel('Access to Acme Payments')).click();
    const putsBefore = logged(sandbox, 'PUT', '/permissions/').length;
    const before = await permissionsOf(sandbox, owner!.id);
    const save = await page.byRole('button', 'Save');
    await save.click();
    const dialogName = `Remove ${owner!.first_name} ${owner!.last_name}'s access?`;
    const dialog = await page.byRole('dialog', dialogName);
    expect(await dialog.text()).toContain('these 2 pages');
    expect(await dialog.within().texts('listitem')).toEqual(['Acme Labs', 'Acme Payments']);
    await (await dialog.within().byRole('button', 'Cancel')).click();
    await eventually(driver, () => page.count('dialog')).toBe(0);
    await eventually(driver, () => save.focused()).toBe(true); // focus back where it was
    expect(logged(sandbox, 'PUT', '/permissions/')).toHaveLength(putsBefore);
    expect(await permissionsOf(sandbox, owner!.id)).toEqual(before);
    expect(await checked('Access to Acme Labs')).toBe(false); // the draft is still there
    expect(await checked('Access to Acme Payments')).toBe(false);

    // Only Acme Labs, then: the dialog names it alone, and confirmed, the access goes.
    await (await page.byRole('button', 'Revert')).click();
    await eventually(driver, () => checked('Access to Acme Payments')).toBe(true);
    await (await page.byLabel('Access to Acme Labs')).click();
    await (await page.byRole('button', 'Save')).click();
    const confirm = await page.byRole('dialog', dialogName);
    expect(await confirm.within().texts('listitem')).toEqual(['Acme Labs']);
    await (await confirm.within().byRole('button', 'Remove access and save')).click();
    await expectSaved(driver, page);
    expect(await permissionsOf(sandbox, owner!.id)).toEqual({ [cloud]: { ...all, page_configuration: false }, [payments]: all });

    // Every PUT carried every page the user was to keep, each RBAC page with all three roles.
    const puts = logged(sandbox, 'PUT', `/permissions/${owner!.id}`).map((entry) => (entry.body as { pages: Record<string, unknown> }).pages);
    expect(puts).toEqual([
      { [cloud]: all, [payments]: { ...all, incident_manager: false }, [labs]: {} },
      { [cloud]: { ...all, page_configuration: false }, [payments]: all, [labs]: {} },
      { [cloud]: { ...all, page_configuration: false }, [payments]: all },
    ]);
    // Each save read the permissions again just before its PUT.
    const calls = sandbox
      .requests()
      .filter((entry) => entry.path.endsWith(`/permissions/${owner!.id}`))
      .map((entry) => entry.method);
    for (const [index, method] of calls.entries()) if (method === 'PUT') expect(calls[index - 1]).toBe('GET');
  });
}
