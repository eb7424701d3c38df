// The in-page preview: on manage.statuspage.io (answered by request interception) it follows the popup's draft by
// itself and goes when the popup closes, after a save, on Revert and on Escape; on any other site (the widget's demo
// customer page, served locally under its strict CSP) it appears on "Preview on this tab" only, injected under
// activeTab (the test builds' host permission for 127.0.0.1 stands in for the grant a toolbar click gives). Firefox
// draws the card's CSS with <style> elements in the shadow root (it refuses constructable stylesheets built by a
// content script), so there the colours checked are that fallback at work.
import { createAdaptorServer } from '@hono/node-server';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SEED_PAGE_IDS } from '../../sandbox';
import { createWidgetDemo } from '../../widget/demo';
import type { ExtensionDriver, Tab } from '../drivers/driver';
import { apiCall, connectThroughSetup, eventually, expectSaved, logged, type ScenarioRunner } from './steps';

/** The element the preview adds to a page (extension/preview/preview-renderer.ts). */
export const PREVIEW_HOST = 'statuspage-toolkit-preview';
const CARD = [PREVIEW_HOST, '.card'];
const payments = SEED_PAGE_IDS.payments; // seeded at `bottom_right`, #FFB000 with #1A1A1A text, maintenance #0B5394 / #FFF
const cloud = SEED_PAGE_IDS.cloud; // seeded at `bottom-left`, #c0392b with #ffffff text

const hostCount = (tab: Tab) => tab.evaluate((host) => document.querySelectorAll(host).length, PREVIEW_HOST);
/** A CSS property of the preview's card on `tab` (once it is there). */
const cardCss = async (tab: Tab, property: string) => (await tab.byCss(CARD, { timeout: 1_000 })).css(property);
/** The card's class names: its kind (incident, maintenance) and its corner. */
const cardClass = async (tab: Tab) => (await (await tab.byCss(CARD, { timeout: 1_000 })).attribute('class')) ?? '';
/** A CSS property of the popup's own incident preview card. */
const popupCardCss = async (popup: Tab, property: string) =>
  (await popup.byCss(['[data-testid="preview-incident"]', '.card'], { timeout: 1_000 })).css(property);
const statusLine = async (popup: Tab) => (await popup.byTestId('in-page-preview-status')).text();

/**
 * The popup has started for its tab and holds no draft: its in-page preview line invites an edit. From here nothing
 * can draw on the page until the admin edits (on manage.statuspage.io) or asks (elsewhere), so "nothing appeared"
 * means something.
 */
async function expectNoDraft(driver: ExtensionDriver, popup: Tab, where: 'page' | 'tab'): Promise<void> {
  await eventually(driver, () => statusLine(popup)).toBe(`Change the corner or a colour to preview the card on this ${where}.`);
}

/** Connects once and leaves `pageId` as the last used page, so that the popups the scenario opens start on it. */
async function startOn(driver: ExtensionDriver, pageId: string, savedBackground: string): Promise<void> {
  const popup = await connectThroughSetup(driver);
  await (await popup.byLabel('Page')).select(pageId);
  await eventually(driver, async () => (await popup.byLabel('Incident background')).value()).toBe(savedBackground);
  await popup.close();
}

/** The popup at a popup's size, opened over the tab showing `address` (what a click on the toolbar button there does). */
async function popupOver(driver: ExtensionDriver, address: string): Promise<Tab> {
  const popup = await driver.openPopup(`?tab=${await driver.tabIdOf(address)}`);
  // Not in Firefox: there, resizing the popup's tab over WebDriver BiDi stopped "Preview on this tab" from injecting
  // into the site (seen, not explained); the popup keeps the window's size.
  if (driver.browser === 'chromium') await popup.setViewport(440, 720);
  return popup;
}

/** Acme Payments' status-embed page on manage.statuspage.io, and the requests the page itself makes. */
async function openManagePage(driver: ExtensionDriver): Promise<{ manage: Tab; address: string; fromManage: string[] }> {
  const path = `/pages/${payments}/status-embed`;
  const html = '<!doctype html><html lang="en"><title>Status embed · Statuspage</title><h1>Status embed</h1></html>';
  const { tab, requests } = await driver.openManagePage(path, html);
  return { manage: tab, address: `https://manage.statuspage.io${path}`, fromManage: requests };
}

/** The widget's demo customer site, served on 127.0.0.1 for the scenario's length. */
async function withDemoSite(driver: ExtensionDriver, use: (address: string) => Promise<void>): Promise<void> {
  const server = createAdaptorServer({ fetch: createWidgetDemo(driver.sandbox).fetch, overrideGlobalObjects: false }) as Server;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  try {
    await use(`http://127.0.0.1:${(server.address() as AddressInfo).port}/demo/${cloud}`);
  } finally {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
}

export function previewScenarios({ it }: ScenarioRunner): void {
  it('on manage.statuspage.io the preview shows the draft in its corner and colours, follows every edit, switches samples, goes with the popup and comes back with it', {}, async ({
    driver,
  }) => {
    const { expect } = driver;
    await startOn(driver, payments, '#ffb000');
    const { manage, address, fromManage } = await openManagePage(driver);
    const popup = await popupOver(driver, address);

    // No draft, no preview.
    await expectNoDraft(driver, popup, 'page');
    expect(await hostCount(manage)).toBe(0);

    await (await popup.byLabel('Incident background')).fill('#0b3d91');
    await eventually(driver, () => cardCss(manage, 'background-color')).toBe('rgb(11, 61, 145)');
    expect(await cardCss(manage, 'color')).toBe('rgb(26, 26, 26)'); // the saved text colour, not yet edited
    expect(await cardClass(manage)).toMatch(/\bincident\b.*\bbottom right\b/);
    expect(await cardCss(manage, 'bottom')).toBe('60px');
    expect(await cardCss(manage, 'right')).toBe('60px');
    // A tag next to it says what it is (text, not a named control).
    await manage.byText('Preview · Esc to close');
    await eventually(driver, () => statusLine(popup)).toContain('Previewing on this page');

    // It follows each edit: a colour, then the corner.
    await (await popup.byLabel('Incident text')).fill('#ffffff');
    await eventually(driver, () => cardCss(manage, 'color')).toBe('rgb(255, 255, 255)');
    await (await popup.byRole('radio', 'Top left')).click();
    await eventually(driver, () => cardClass(manage)).toMatch(/\btop left\b/);
    expect(await cardCss(manage, 'top')).toBe('60px');
    expect(await cardCss(manage, 'left')).toBe('60px');
    // A half-typed colour shows the saved one meanwhile, on the page as in the popup's own preview.
    await (await popup.byLabel('Incident background')).fill('#12');
    await eventually(driver, () => cardCss(manage, 'background-color')).toBe('rgb(255, 176, 0)');
    await eventually(driver, () => popupCardCss(popup, 'background-color')).toBe('rgb(255, 176, 0)');
    await (await popup.byLabel('Incident background')).fill('#0b3d91');
    await eventually(driver, () => cardCss(manage, 'background-color')).toBe('rgb(11, 61, 145)');

    // The other sample: the maintenance card, in the maintenance colours.
    await (await popup.byRole('radio', 'Maintenance')).click();
    await eventually(driver, () => cardClass(manage)).toMatch(/\bmaintenance\b/);
    await eventually(driver, () => cardCss(manage, 'background-color')).toBe('rgb(11, 83, 148)');
    expect(await (await manage.byCss(CARD)).text()).toContain('Database upgrade');
    await (await popup.byLabel('Maintenance background')).fill('#550055');
    await eventually(driver, () => cardCss(manage, 'background-color')).toBe('rgb(85, 0, 85)');

    // The page made no request of its own while the preview followed the draft: no API call from the content script.
    expect(fromManage).toEqual([]);
    // Closing the popup without saving ends it; reopening it with the draft brings it back, and closing ends it again.
    await popup.close();
    await eventually(driver, () => hostCount(manage)).toBe(0);
    const reopened = await popupOver(driver, address);
    await eventually(driver, async () => (await reopened.byLabel('Maintenance background')).value()).toBe('#550055');
    await manage.byCss(CARD);
    await reopened.close();
    await eventually(driver, () => hostCount(manage)).toBe(0);
  });

  it('a save removes the preview and the sandbox holds the draft; the next edit starts a new one, and Revert removes that', {}, async ({
    driver,
  }) => {
    const { sandbox, expect } = driver;
    await startOn(driver, payments, '#ffb000');
    const { manage, address } = await openManagePage(driver);
    const popup = await popupOver(driver, address);
    await (await popup.byRole('radio', 'Bottom left')).click();
    await (await popup.byLabel('Incident background')).fill('#445566');
    await eventually(driver, () => cardClass(manage)).toMatch(/\bbottom left\b/);
    await eventually(driver, () => cardCss(manage, 'background-color')).toBe('rgb(68, 85, 102)');

    await (await popup.byRole('button', 'Save')).click();
    await eventually(driver, () => hostCount(manage)).toBe(0);
    await expectSaved(driver, popup);
    expect(logged(sandbox, 'PATCH', `/pages/${payments}/status_embed_config`).map((entry) => entry.status)).toEqual([200]);
    expect(await apiCall(sandbox, 'GET', `/pages/${payments}/status_embed_config`)).toMatchObject({
      position: 'bottom_left',
      incident_background_color: '#445566',
    });

    await (await popup.byLabel('Incident background')).fill('#224466');
    await eventually(driver, () => cardCss(manage, 'background-color')).toBe('rgb(34, 68, 102)');

    await (await popup.byRole('button', 'Revert')).click();
    await eventually(driver, () => hostCount(manage)).toBe(0);
    await expectNoDraft(driver, popup, 'page');
  });

  it("Escape on the page, or the card's ×, removes the preview; the popup offers it again", {}, async ({ driver }) => {
    const { expect } = driver;
    await startOn(driver, payments, '#ffb000');
    const { manage, address } = await openManagePage(driver);
    const popup = await popupOver(driver, address);
    await (await popup.byLabel('Incident background')).fill('#334455');
    await eventually(driver, () => cardCss(manage, 'background-color')).toBe('rgb(51, 68, 85)');

    // Escape, pressed on the page.
    await manage.press('Escape');
    await eventually(driver, () => hostCount(manage)).toBe(0);
    await eventually(driver, () => statusLine(popup)).toBe('Preview closed on the page.');
    // Edits no longer bring it back by themselves: the edit is drawn in the popup, and not on the page...
    await (await popup.byLabel('Incident background')).fill('#445566');
    await eventually(driver, () => popupCardCss(popup, 'background-color')).toBe('rgb(68, 85, 102)');
    expect(await statusLine(popup)).toBe('Preview closed on the page.');
    expect(await hostCount(manage)).toBe(0);

    // ...the button does, from the keyboard too. The controls pass axe (the sample switch, the button, the status line).
    const axe = await popup.axe('.in-page-preview');
    expect(axe.passed).toBeGreaterThan(0);
    expect([...axe.violations, ...axe.lesser]).toEqual([]);
    await (await popup.byRole('button', 'Preview on this tab')).press('Enter');
    await eventually(driver, () => cardCss(manage, 'background-color')).toBe('rgb(68, 85, 102)');

    // The card's own ×, found by its accessible name inside the preview's shadow root.
    await (await (await manage.shadowRoot(PREVIEW_HOST)).byRole('button', 'Dismiss status message')).click();
    await eventually(driver, () => hostCount(manage)).toBe(0);
    await popup.byRole('button', 'Preview on this tab');
  });

  it('on a demo customer site the preview appears only on "Preview on this tab", follows edits, and goes with the popup', {
    tag: ['@screenshot'],
  }, async ({ driver }) => {
    const { expect } = driver;
    await startOn(driver, cloud, '#c0392b');
    await withDemoSite(driver, async (address) => {
      const site = await driver.newTab();
      await site.setViewport(1100, 700); // the README's picture's size
      await site.goto(address);
      const popup = await popupOver(driver, address);

      // Without a draft there is nothing to preview, and no button.
      await expectNoDraft(driver, popup, 'tab');
      expect(await popup.count('button', 'Preview on this tab')).toBe(0);

      // A draft alone does not touch the site: the preview waits for the button (offered, not started).
      await (await popup.byRole('radio', 'Bottom right')).click();
      await (await popup.byLabel('Incident background')).fill('#0b3d91');
      await eventually(driver, () => popupCardCss(popup, 'background-color')).toBe('rgb(11, 61, 145)');
      const button = await popup.byRole('button', 'Preview on this tab');
      expect(await hostCount(site)).toBe(0);

      await button.click();
      await eventually(driver, () => cardCss(site, 'background-color')).toBe('rgb(11, 61, 145)');
      expect(await cardCss(site, 'right')).toBe('60px');
      await eventually(driver, () => statusLine(popup)).toContain('Previewing on this tab');
      expect(await popup.count('button', 'Preview on this tab')).toBe(0);

      await (await popup.byLabel('Incident text')).fill('#ffdd00');
      await eventually(driver, () => cardCss(site, 'color')).toBe('rgb(255, 221, 0)');
      await (await popup.byRole('radio', 'Top right')).click();
      await eventually(driver, () => cardCss(site, 'top')).toBe('60px');
      expect(await hostCount(site)).toBe(1);
      // The README's picture: the card where the official embed sits, over the demo site.
      await (await popup.byRole('radio', 'Bottom right')).click();
      await (await popup.byLabel('Incident text')).fill('#ffffff');
      await eventually(driver, () => cardCss(site, 'bottom')).toBe('60px');
      await eventually(driver, () => cardCss(site, 'color')).toBe('rgb(255, 255, 255)');
      await eventually(driver, () => cardCss(site, 'opacity')).toBe('1');
      await site.screenshot('preview-on-site.png');

      // Escape, then the button again: the script is injected a second time, and still one preview answers.
      await site.press('Escape');
      await eventually(driver, () => hostCount(site)).toBe(0);
      await (await popup.byRole('button', 'Preview on this tab')).click();
      await site.byCss(CARD);
      await (await popup.byLabel('Incident background')).fill('#5a1e6e');
      await eventually(driver, () => cardCss(site, 'background-color')).toBe('rgb(90, 30, 110)');
      expect(await hostCount(site)).toBe(1);

      // A reload ends it (the injected script is gone with the page); the popup says so and offers it again.
      await site.reload();
      await eventually(driver, () => statusLine(popup)).toBe('The page was reloaded or left: the preview ended.');
      expect(await hostCount(site)).toBe(0);
      await (await popup.byRole('button', 'Preview on this tab')).click();
      await eventually(driver, () => cardCss(site, 'background-color')).toBe('rgb(90, 30, 110)');
      expect(await cardCss(site, 'color')).toBe('rgb(255, 255, 255)');

      await popup.close();
      await eventually(driver, () => hostCount(site)).toBe(0);
    });
  });
}
