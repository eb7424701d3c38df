// axe-core: no serious or critical violation in set-up, Embed and Permissions (with the user list open).
import type { ExtensionDriver, Tab } from '../drivers/driver';
import { connectThroughSetup, eventually, pickUser, type ScenarioRunner } from './steps';

/** Runs axe on the tab as it is now: rules passed (so that "none" means something) and no serious violation. */
async function expectNoSeriousViolation(driver: ExtensionDriver, tab: Tab): Promise<void> {
  const { passed, violations } = await tab.axe();
  driver.expect(passed).toBeGreaterThan(0);
  driver.expect(violations).toEqual([]);
}

/** In the default (light) scheme, and in dark in Chromium (Firefox over WebDriver BiDi cannot emulate a colour scheme). */
export function accessibilityScenarios({ it, browser }: ScenarioRunner): void {
  for (const colorScheme of browser === 'chromium' ? (['light', 'dark'] as const) : (['light'] as const)) {
    // Three full axe runs, one with two shadow-DOM previews: slow on a shared 2-core machine.
    it(`axe finds no serious or critical violation in set-up, Embed and Permissions (${colorScheme})`, { tag: ['@slow'] }, async ({ driver }) => {
      const setup = await driver.openPopup();
      if (colorScheme === 'dark') await setup.emulateColorScheme(colorScheme);
      await setup.byLabel('API key');
      await expectNoSeriousViolation(driver, setup);
      await setup.close();

      const popup = await connectThroughSetup(driver);
      if (colorScheme === 'dark') await popup.emulateColorScheme(colorScheme);
      // The preview card, in its shadow root. Read from the page: puppeteer's `>>>` over WebDriver BiDi sometimes
      // never matched a card that was there (seen in Firefox: the card in the root, the query timing out).
      const previewCard = () =>
        popup.evaluate((_: null) => Boolean(document.querySelector('[data-testid="preview-incident"]')?.shadowRoot?.querySelector('.card')), null);
      await eventually(driver, previewCard, 20_000).toBe(true);
      await expectNoSeriousViolation(driver, popup);

      await (await popup.byRole('tab', 'Permissions')).click();
      await pickUser(popup, 'ada');
      await (await popup.byRole('combobox', 'User')).fill('a');
      await popup.byRole('listbox'); // the open list is checked too
      await eventually(driver, () => popup.count('listbox')).toBe(1);
      await expectNoSeriousViolation(driver, popup);
    });
  }
}
