// axe-core: no serious or critical violation in set-up, Embed and Permissions (with the user list open).
import type { Tab } from '../drivers/driver';
import { connectThroughSetup, eventually, pickUser, type Scenario } from './steps';

/** Runs axe on the tab as it is now: rules passed (so that "none" means something) and no serious violation. */
async function expectNoSeriousViolation(driver: Parameters<Scenario['run']>[0], tab: Tab): Promise<void> {
  const { passed, violations } = await tab.axe();
  driver.expect(passed).toBeGreaterThan(0);
  driver.expect(violations).toEqual([]);
}

/** In the default (light) scheme, and in dark in Chromium (Firefox over WebDriver BiDi cannot emulate a colour scheme). */
export const accessibilityScenarios: Scenario[] = (['light', 'dark'] as const).map((colorScheme) => ({
  title: `axe finds no serious or critical violation in set-up, Embed and Permissions (${colorScheme})`,
  // Three full axe runs, one with two shadow-DOM previews: slow on a shared 2-core machine.
  timeout: 90_000,
  browsers: colorScheme === 'light' ? ['chromium', 'firefox'] : ['chromium'],
  async run(driver) {
    const setup = await driver.openPopup();
    if (colorScheme === 'dark') await setup.emulateColorScheme(colorScheme);
    await setup.byLabel('API key');
    await expectNoSeriousViolation(driver, setup);
    await setup.close();

    const popup = await connectThroughSetup(driver);
    if (colorScheme === 'dark') await popup.emulateColorScheme(colorScheme);
    await popup.byCss(['[data-testid="preview-incident"]', '.card']);
    await expectNoSeriousViolation(driver, popup);

    await (await popup.byRole('tab', 'Permissions')).click();
    await pickUser(popup, 'ada');
    await (await popup.byRole('combobox', 'User')).fill('a');
    await popup.byRole('listbox'); // the open list is checked too
    await eventually(driver, () => popup.count('listbox')).toBe(1);
    await expectNoSeriousViolation(driver, popup);
  },
}));
