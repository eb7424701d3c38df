// Drafts: an unsaved edit (embed or permissions) survives closing the popup (written to storage as it is typed), and
// nothing is sent to Statuspage meanwhile.
import { connectThroughSetup, eventually, logged, pickUser, type ScenarioRunner, seedUsers } from './steps';

export function draftScenarios({ it }: ScenarioRunner): void {
  it('a closed and reopened popup keeps its embed draft, and nothing was saved', {}, async ({ driver }) => {
    const { sandbox, expect } = driver;
    const popup = await connectThroughSetup(driver);
    await (await popup.byRole('radio', 'Bottom right')).click();
    await (await popup.byLabel('Maintenance background')).fill('#223344');
    const pageId = await (await popup.byLabel('Page')).value();
    await eventually(driver, async () => (await popup.byRole('button', 'Revert')).disabled()).toBe(false);
    await popup.close();

    const reopened = await driver.openPopup();
    await eventually(driver, async () => (await reopened.byLabel('Maintenance background')).value()).toBe('#223344');
    expect(await (await reopened.byLabel('Page')).value()).toBe(pageId);
    expect(await (await reopened.byRole('radio', 'Bottom right')).checked()).toBe(true);
    expect(await (await reopened.byRole('button', 'Revert')).disabled()).toBe(false);
    expect(logged(sandbox, 'PATCH', '/status_embed_config')).toHaveLength(0);
  });

  it('a closed and reopened popup keeps its permissions draft: the same tab, the same user, the same unsaved change', {}, async ({ driver }) => {
    const { sandbox, expect } = driver;
    const [owner] = await seedUsers(sandbox);
    const popup = await connectThroughSetup(driver);
    await (await popup.byRole('tab', 'Permissions')).click();
    await pickUser(popup, owner!.email);
    const role = 'Manage maintenances on Acme Cloud';
    await eventually(driver, async () => (await popup.byLabel(role)).checked()).toBe(true);
    await (await popup.byLabel(role)).click();
    await eventually(driver, async () => (await popup.byRole('button', 'Revert')).disabled()).toBe(false);
    await popup.close();

    const reopened = await driver.openPopup();
    const tab = await reopened.byRole('tab', 'Permissions');
    await eventually(driver, () => tab.attribute('aria-selected')).toBe('true');
    await eventually(driver, async () => (await reopened.byRole('combobox', 'User')).value()).toBe(`${owner!.first_name} ${owner!.last_name}`);
    expect(await (await reopened.byLabel(role)).checked()).toBe(false);
    expect(await (await reopened.byRole('button', 'Revert')).disabled()).toBe(false);
    expect(logged(sandbox, 'PUT', '/permissions/')).toHaveLength(0);
  });
}
