// The in-page preview in Firefox: on a manage.statuspage.io page (served locally by request interception) it follows
// the popup's draft by itself and goes with the popup; on the widget's demo customer site (served locally, under its
// strict CSP) it appears only on "Preview on this tab". Firefox draws the card's CSS with <style> elements in the
// shadow root (it refuses constructable stylesheets built by a content script), so the colours checked here are
// that fallback at work.
import { createAdaptorServer } from '@hono/node-server';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { expect, test } from 'vitest';
import { SEED_PAGE_IDS } from '../../sandbox';
import { createWidgetDemo } from '../../widget/demo';
import type { Tab } from '../drivers/driver';
import { apiCall, connectThroughSetup, eventually, expectSaved, logged } from '../scenarios/steps';
import { firefoxSuite } from './suite';

const suite = firefoxSuite();

/** The element the preview adds to a page (extension/preview/preview-renderer.ts), and its card inside the shadow root. */
const PREVIEW_HOST = 'statuspage-toolkit-preview';
const hostCount = (tab: Tab) => tab.evaluate((host) => document.querySelectorAll(host).length, PREVIEW_HOST);
/** A CSS property of the preview's card on `tab` (once it is there). */
const cardCss = async (tab: Tab, property: string) => (await tab.byCss([PREVIEW_HOST, '.card'], { timeout: 1_000 })).css(property);
/** A CSS property of the popup's own incident preview card. */
const popupCardCss = async (popup: Tab, property: string) =>
  (await popup.byCss(['[data-testid="preview-incident"]', '.card'], { timeout: 1_000 })).css(property);

/** The popup has started for its tab and holds no draft: its in-page preview line invites an edit. */
async function expectNoDraft(popup: Tab, where: 'page' | 'tab'): Promise<void> {
  const status = await popup.byTestId('in-page-preview-status');
  await eventually(suite.driver, () => status.text()).toBe(`Change the corner or a colour to preview the card on this ${where}.`);
}

/** A manage.statuspage.io tab (answered by request interception), where the preview's content script runs. */
async function openManagePage(pageId: string): Promise<{ manage: Tab; address: string; fromManage: string[] }> {
  const address = `/pages/${pageId}/status-embed`;
  const { tab, requests } = await suite.driver.openManagePage(
    address,
    '<!doctype html><html lang="en"><title>Status embed · Statuspage</title><h1>Status embed</h1></html>',
  );
  return { manage: tab, address: `https://manage.statuspage.io${address}`, fromManage: requests };
}

/** Connects once and leaves `pageId` as the last used page, so that the popups the test opens start on it. */
async function startOn(pageId: string, savedBackground: string): Promise<void> {
  const popup = await connectThroughSetup(suite.driver);
  await (await popup.byLabel('Page')).select(pageId);
  await eventually(suite.driver, async () => (await popup.byLabel('Incident background')).value()).toBe(savedBackground);
  await popup.close();
}

test('on manage.statuspage.io the preview follows the draft by itself and goes when the popup closes', async () => {
  const payments = SEED_PAGE_IDS.payments; // seeded at `bottom_right`, #FFB000 with #1A1A1A text
  await startOn(payments, '#ffb000');

  const { manage, address, fromManage } = await openManagePage(payments);
  const popup = await suite.driver.openPopup(`?tab=${await suite.driver.tabIdOf(address)}`);

  // No draft, no preview.
  await expectNoDraft(popup, 'page');
  expect(await hostCount(manage)).toBe(0);

  await (await popup.byLabel('Incident background')).fill('#0b3d91');
  await eventually(suite.driver, () => cardCss(manage, 'background-color')).toBe('rgb(11, 61, 145)');
  expect(await cardCss(manage, 'color')).toBe('rgb(26, 26, 26)'); // the saved text colour, not yet edited
  expect(await cardCss(manage, 'bottom')).toBe('60px');
  expect(await cardCss(manage, 'right')).toBe('60px');
  // A tag next to it says what it is (text, not a named control: puppeteer's text query, which pierces shadow roots).
  await manage.byText('Preview · Esc to close');
  const status = await popup.byTestId('in-page-preview-status');
  await eventually(suite.driver, () => status.text()).toContain('Previewing on this page');

  // It follows each edit: a colour, then the corner.
  await (await popup.byLabel('Incident text')).fill('#ffffff');
  await eventually(suite.driver, () => cardCss(manage, 'color')).toBe('rgb(255, 255, 255)');
  await (await popup.byRole('radio', 'Top left')).click();
  await eventually(suite.driver, () => cardCss(manage, 'top')).toBe('60px');
  expect(await cardCss(manage, 'left')).toBe('60px');
  // The page itself made no request while the preview followed the draft.
  expect(fromManage).toEqual([]);

  // Closing the popup without saving ends it.
  await popup.close();
  await eventually(suite.driver, () => hostCount(manage)).toBe(0);
});

test("Escape on the page, or the card's ×, removes the preview and the popup offers it again; a save removes it", async () => {
  const { sandbox } = suite;
  const payments = SEED_PAGE_IDS.payments;
  await startOn(payments, '#ffb000');
  const { manage, address } = await openManagePage(payments);
  const popup = await suite.driver.openPopup(`?tab=${await suite.driver.tabIdOf(address)}`);
  const status = await popup.byTestId('in-page-preview-status');
  await (await popup.byLabel('Incident background')).fill('#334455');
  await eventually(suite.driver, () => cardCss(manage, 'background-color')).toBe('rgb(51, 68, 85)');

  // Escape, pressed on the page.
  await manage.press('Escape');
  await eventually(suite.driver, () => hostCount(manage)).toBe(0);
  await eventually(suite.driver, () => status.text()).toBe('Preview closed on the page.');
  // Edits no longer bring it back by themselves; the button does.
  await (await popup.byLabel('Incident background')).fill('#445566');
  await eventually(suite.driver, () => popupCardCss(popup, 'background-color')).toBe('rgb(68, 85, 102)');
  expect(await hostCount(manage)).toBe(0);
  await (await popup.byRole('button', 'Preview on this tab')).click();
  await eventually(suite.driver, () => cardCss(manage, 'background-color')).toBe('rgb(68, 85, 102)');

  // The card's own ×, found by its accessible name inside the preview's shadow root.
  const dismiss = await (await manage.shadowRoot(PREVIEW_HOST)).byRole('button', 'Dismiss status message');
  await dismiss.click();
  await eventually(suite.driver, () => hostCount(manage)).toBe(0);
  await popup.byRole('button', 'Preview on this tab');

  // Shown again, then saved: the save ends it, and the sandbox holds the colour.
  await (await popup.byRole('button', 'Preview on this tab')).click();
  await eventually(suite.driver, () => hostCount(manage)).toBe(1);
  await (await popup.byRole('button', 'Save')).click();
  await eventually(suite.driver, () => hostCount(manage)).toBe(0);
  await expectSaved(suite.driver, popup);
  expect(logged(sandbox, 'PATCH', `/pages/${payments}/status_embed_config`).map((entry) => entry.status)).toEqual([200]);
  expect(await apiCall(sandbox, 'GET', `/pages/${payments}/status_embed_config`)).toMatchObject({ incident_background_color: '#445566' });
});

test('on a demo customer site the preview appears only on "Preview on this tab", follows edits, and goes with the popup', async () => {
  const { sandbox } = suite;
  const cloud = SEED_PAGE_IDS.cloud; // seeded at `bottom-left`, #c0392b with #ffffff text
  await startOn(cloud, '#c0392b');
  const server = createAdaptorServer({ fetch: createWidgetDemo(sandbox).fetch, overrideGlobalObjects: false }) as Server;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  try {
    const site = await suite.driver.newTab();
    const address = `http://127.0.0.1:${(server.address() as AddressInfo).port}/demo/${cloud}`;
    await site.goto(address);
    const popup = await suite.driver.openPopup(`?tab=${await suite.driver.tabIdOf(address)}`);

    // Without a draft there is nothing to preview, and no button.
    await expectNoDraft(popup, 'tab');
    expect(await popup.count('button', 'Preview on this tab')).toBe(0);

    // A draft alone does not touch the site: the preview waits for the button.
    await (await popup.byRole('radio', 'Bottom right')).click();
    await (await popup.byLabel('Incident background')).fill('#0b3d91');
    await eventually(suite.driver, () => popupCardCss(popup, 'background-color')).toBe('rgb(11, 61, 145)');
    const button = await popup.byRole('button', 'Preview on this tab');
    expect(await hostCount(site)).toBe(0);

    await button.click();
    await eventually(suite.driver, () => cardCss(site, 'background-color')).toBe('rgb(11, 61, 145)');
    expect(await cardCss(site, 'right')).toBe('60px');
    const status = await popup.byTestId('in-page-preview-status');
    await eventually(suite.driver, () => status.text()).toContain('Previewing on this tab');
    expect(await popup.count('button', 'Preview on this tab')).toBe(0);

    await (await popup.byLabel('Incident text')).fill('#ffdd00');
    await eventually(suite.driver, () => cardCss(site, 'color')).toBe('rgb(255, 221, 0)');
    await (await popup.byRole('radio', 'Top right')).click();
    await eventually(suite.driver, () => cardCss(site, 'top')).toBe('60px');
    expect(await hostCount(site)).toBe(1);

    // A reload ends it (the injected script is gone with the page); the popup says so and offers it again.
    await site.reload();
    await eventually(suite.driver, () => status.text()).toBe('The page was reloaded or left: the preview ended.');
    expect(await hostCount(site)).toBe(0);
    await (await popup.byRole('button', 'Preview on this tab')).click();
    await eventually(suite.driver, () => cardCss(site, 'color')).toBe('rgb(255, 221, 0)');

    await popup.close();
    await eventually(suite.driver, () => hostCount(site)).toBe(0);
  } finally {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
});
