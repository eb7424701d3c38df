/// <reference types="chrome" />
// The editor beside the page (issue 23, part 1): the side panel's page (sidepanel.html) opened as a tab, since
// automation cannot click a browser's side panel open. While it is open, the in-page preview follows the active tab
// of its window (another tab, a new page there), every edit shows at once, and its drafts are the popup's.
import { SEED_PAGE_IDS } from '../../sandbox';
import type { ExtensionDriver, Tab } from '../drivers/driver';
import { connectThroughSetup, eventually, type ScenarioRunner } from './steps';

const payments = SEED_PAGE_IDS.payments; // seeded at `bottom_right`, #FFB000 with #1A1A1A text
const PREVIEW_HOST = 'statuspage-toolkit-preview';
const MANAGE_HTML =
  '<!doctype html><html lang="en"><title>Status embed · Statuspage</title><body style="font-family:sans-serif;margin:32px">' +
  '<h1>Status embed</h1><p>Show a card on your site while an incident or a maintenance is under way.</p></body></html>';

const hostCount = (tab: Tab) => tab.evaluate((host) => document.querySelectorAll(host).length, PREVIEW_HOST);
const cardBackground = async (tab: Tab) => (await tab.byCss([PREVIEW_HOST, '.card'], { timeout: 1_000 })).css('background-color');

/** Makes the tab showing `address` the active one of its window, as the admin clicking on it does. */
async function activate(driver: ExtensionDriver, panel: Tab, address: string): Promise<void> {
  const id = await driver.tabIdOf(address);
  await panel.evaluate(async (tabId) => {
    const api = (globalThis as unknown as { browser?: typeof chrome }).browser ?? chrome;
    await api.tabs.update(tabId, { active: true });
  }, id);
}

export function sidePanelScenarios({ it }: ScenarioRunner): void {
  it('beside the page: the preview follows the active tab and its navigation, each edit shows at once, and the popup shares the draft', {
    // @slow: two tabs, a reload and a popup, one step after another: about 27 s in Firefox alone, near the usual 30 s.
    tag: ['@screenshot', '@slow'],
  }, async ({ driver }) => {
    const { expect } = driver;
    const setup = await connectThroughSetup(driver);
    await (await setup.byLabel('Page')).select(payments);
    await eventually(driver, async () => (await setup.byLabel('Incident background')).value()).toBe('#ffb000');
    await setup.close();

    const first = await driver.openManagePage(`/pages/${payments}/status-embed`, MANAGE_HTML);
    const second = await driver.openManagePage(`/pages/${payments}/status-embed?second`, MANAGE_HTML);
    const panel = await driver.openExtensionPage('sidepanel.html');
    if (driver.browser === 'chromium') await panel.setViewport(360, 760);
    await activate(driver, panel, first.tab.url);
    // The panel offers no "Open beside the page" (it is beside the page), and says where it previews.
    await eventually(driver, async () => (await panel.byTestId('in-page-preview-status')).text()).toBe(
      'Change the corner or a colour to preview the card on this page.',
    );
    expect(await panel.count('button', 'Open beside the page')).toBe(0);
    // Narrower than the popup: both tabs stay in view.
    const width = await panel.evaluate(() => innerWidth, null);
    for (const name of ['Embed', 'Permissions']) {
      const tab = (await (await panel.byRole('tab', name)).box())!;
      expect(tab.x + tab.width).toBeLessThanOrEqual(width);
    }

    // Each edit shows on the active tab at once.
    await (await panel.byLabel('Incident background')).fill('#0b3d91');
    await eventually(driver, () => cardBackground(first.tab)).toBe('rgb(11, 61, 145)');
    await eventually(driver, async () => (await panel.byTestId('in-page-preview-status')).text()).toContain('until you save or close the side panel');
    await (await panel.byLabel('Incident background')).fill('#550055');
    await eventually(driver, () => cardBackground(first.tab)).toBe('rgb(85, 0, 85)');

    // Another tab: the preview moves with the admin.
    await activate(driver, panel, second.tab.url);
    await eventually(driver, () => cardBackground(second.tab), 10_000).toBe('rgb(85, 0, 85)');
    await eventually(driver, () => hostCount(first.tab)).toBe(0);

    // A new page in that tab: the preview comes back on it.
    await second.tab.reload();
    await eventually(driver, () => cardBackground(second.tab), 10_000).toBe('rgb(85, 0, 85)');
    await (await panel.byLabel('Incident background')).fill('#0b3d91');
    await eventually(driver, () => cardBackground(second.tab)).toBe('rgb(11, 61, 145)');
    await (await panel.byLabel('Incident text')).fill('#ffffff');
    // The two halves of the README's picture (scripts/screenshots.ts puts them side by side).
    if (driver.browser === 'chromium') await second.tab.setViewport(820, 760);
    await eventually(driver, () => cardBackground(second.tab)).toBe('rgb(11, 61, 145)');
    await panel.screenshot('side-panel.png');
    await second.tab.screenshot('side-panel-page.png');

    // One store: the popup opens on the panel's draft, and an edit there shows in the panel.
    const popup = await driver.openPopup();
    await eventually(driver, async () => (await popup.byLabel('Incident background')).value()).toBe('#0b3d91');
    expect(await popup.count('button', 'Open beside the page')).toBe(1);
    await (await popup.byLabel('Incident text')).fill('#fefefe');
    await eventually(driver, async () => (await panel.byLabel('Incident text')).value()).toBe('#fefefe');
  });

  it('"Open beside the page" in the popup opens the browser\'s side panel in that window', {}, async ({ driver }) => {
    const setup = await connectThroughSetup(driver);
    await setup.close();
    const site = await driver.newTab();
    await site.goto(`${driver.sandbox.url}/`);
    const popup = await driver.openPopup(`?tab=${await driver.tabIdOf(site.url)}`);
    await (await popup.byRole('button', 'Open beside the page')).click();
    // Asked of the browser from the popup's page: Chrome lists the panel among the extension's contexts.
    const panelOpen = () =>
      popup.evaluate(async () => {
        const api = globalThis as unknown as {
          browser?: { sidebarAction?: { isOpen(details: object): Promise<boolean> } };
          chrome: typeof chrome;
        };
        if (api.browser?.sidebarAction) return api.browser.sidebarAction.isOpen({});
        const contexts = await api.chrome.runtime.getContexts({ contextTypes: ['SIDE_PANEL' as chrome.runtime.ContextType] });
        return contexts.some((context) => context.documentUrl?.endsWith('/sidepanel.html'));
      }, null);
    await eventually(driver, panelOpen).toBe(true);
    driver.expect(await popup.count('alert')).toBe(0);
  });
}
