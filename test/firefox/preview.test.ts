// The in-page preview in Firefox: on a manage.statuspage.io page (served locally by request interception) it follows
// the popup's draft by itself and goes with the popup; on the widget's demo customer site (served locally, under its
// strict CSP) it appears only on "Preview on this tab". Firefox draws the card's CSS with <style> elements in the
// shadow root (it refuses constructable stylesheets built by a content script), so the colours checked here are
// that fallback at work.
import { createAdaptorServer } from '@hono/node-server';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Page } from 'puppeteer-core';
import { expect, test } from 'vitest';
import { SEED_PAGE_IDS } from '../../sandbox';
import { createWidgetDemo } from '../../widget/demo';
import {
  apiCall,
  connectThroughSetup,
  countByRole,
  cssOf,
  eventually,
  expectSaved,
  fill,
  firefoxSuite,
  getByLabel,
  getByRole,
  inputValue,
  logged,
  shadowRootOf,
  textOf,
} from './popup';

const suite = firefoxSuite();

/** The element the preview adds to a page (extension/preview/preview-renderer.ts), and its card inside the shadow root. */
const PREVIEW_HOST = 'statuspage-toolkit-preview';
const PREVIEW_CARD = `${PREVIEW_HOST} >>> .card`;
const hostCount = async (page: Page) => (await page.$$(PREVIEW_HOST)).length;

/**
 * The browser's id for the tab showing `url`, asked from an extension page (what the popup's `?tab=` names). All tabs
 * are listed and compared by address: Firefox's match patterns (what `tabs.query({ url })` takes) cannot name a port.
 */
async function tabIdOf(url: string): Promise<number> {
  const id = await suite.extension.evaluate(async (address) => (await browser.tabs.query({})).find((tab) => tab.url === address)?.id, url);
  expect(id, `a tab for ${url}`).toBeTypeOf('number');
  return id!;
}

/** The popup has started for its tab and holds no draft: its in-page preview line invites an edit. */
async function expectNoDraft(popup: Page, where: 'page' | 'tab'): Promise<void> {
  const status = (await popup.waitForSelector('[data-testid="in-page-preview-status"]'))!;
  await eventually(() => textOf(status)).toBe(`Change the corner or a colour to preview the card on this ${where}.`);
}

/**
 * A manage.statuspage.io tab, where the preview's content script runs: the page is answered by request interception
 * (BiDi network.provideResponse), the way the Chromium tests use route interception. `fromManage` collects any other
 * request the tab makes.
 */
async function openManagePage(pageId: string): Promise<{ manage: Page; address: string; fromManage: string[] }> {
  const manage = await suite.newTab();
  await manage.setRequestInterception(true);
  const fromManage: string[] = [];
  manage.on('request', (request) => {
    if (request.url().startsWith('https://manage.statuspage.io/')) {
      void request.respond({
        status: 200,
        contentType: 'text/html',
        body: '<!doctype html><html lang="en"><title>Status embed · Statuspage</title><h1>Status embed</h1></html>',
      });
    } else {
      fromManage.push(request.url());
      void request.continue();
    }
  });
  const address = `https://manage.statuspage.io/pages/${pageId}/status-embed`;
  await manage.goto(address);
  return { manage, address, fromManage };
}

/** Connects once and leaves `pageId` as the last used page, so that the popups the test opens start on it. */
async function startOn(pageId: string, savedBackground: string): Promise<void> {
  const popup = await connectThroughSetup(suite);
  await (await getByLabel(popup, 'Page')).select(pageId);
  await eventually(async () => inputValue(await getByLabel(popup, 'Incident background'))).toBe(savedBackground);
  await popup.close();
}

test('on manage.statuspage.io the preview follows the draft by itself and goes when the popup closes', async () => {
  const payments = SEED_PAGE_IDS.payments; // seeded at `bottom_right`, #FFB000 with #1A1A1A text
  await startOn(payments, '#ffb000');

  const { manage, address, fromManage } = await openManagePage(payments);
  const popup = await suite.openPopup(`?tab=${await tabIdOf(address)}`);

  // No draft, no preview.
  await expectNoDraft(popup, 'page');
  expect(await hostCount(manage)).toBe(0);

  await fill(await getByLabel(popup, 'Incident background'), '#0b3d91');
  await eventually(() => cssOf(manage, PREVIEW_CARD, 'background-color')).toBe('rgb(11, 61, 145)');
  expect(await cssOf(manage, PREVIEW_CARD, 'color')).toBe('rgb(26, 26, 26)'); // the saved text colour, not yet edited
  expect(await cssOf(manage, PREVIEW_CARD, 'bottom')).toBe('60px');
  expect(await cssOf(manage, PREVIEW_CARD, 'right')).toBe('60px');
  // A tag next to it says what it is (text, not a named control: puppeteer's text query, which pierces shadow roots).
  expect(await manage.waitForSelector('::-p-text(Preview · Esc to close)', { visible: true, timeout: 5_000 })).not.toBeNull();
  const status = (await popup.$('[data-testid="in-page-preview-status"]'))!;
  await eventually(() => textOf(status)).toContain('Previewing on this page');

  // It follows each edit: a colour, then the corner.
  await fill(await getByLabel(popup, 'Incident text'), '#ffffff');
  await eventually(() => cssOf(manage, PREVIEW_CARD, 'color')).toBe('rgb(255, 255, 255)');
  await (await getByRole(popup, 'radio', 'Top left')).click();
  await eventually(() => cssOf(manage, PREVIEW_CARD, 'top')).toBe('60px');
  expect(await cssOf(manage, PREVIEW_CARD, 'left')).toBe('60px');
  // The page itself made no request while the preview followed the draft.
  expect(fromManage).toEqual([]);

  // Closing the popup without saving ends it.
  await popup.close();
  await eventually(() => hostCount(manage)).toBe(0);
});

test("Escape on the page, or the card's ×, removes the preview and the popup offers it again; a save removes it", async () => {
  const { sandbox } = suite;
  const payments = SEED_PAGE_IDS.payments;
  await startOn(payments, '#ffb000');
  const { manage, address } = await openManagePage(payments);
  const popup = await suite.openPopup(`?tab=${await tabIdOf(address)}`);
  const status = (await popup.waitForSelector('[data-testid="in-page-preview-status"]'))!;
  await fill(await getByLabel(popup, 'Incident background'), '#334455');
  await eventually(() => cssOf(manage, PREVIEW_CARD, 'background-color')).toBe('rgb(51, 68, 85)');

  // Escape, pressed on the page.
  await manage.keyboard.press('Escape');
  await eventually(() => hostCount(manage)).toBe(0);
  await eventually(() => textOf(status)).toBe('Preview closed on the page.');
  // Edits no longer bring it back by themselves; the button does.
  await fill(await getByLabel(popup, 'Incident background'), '#445566');
  await eventually(() => cssOf(popup, '[data-testid="preview-incident"] >>> .card', 'background-color')).toBe('rgb(68, 85, 102)');
  expect(await hostCount(manage)).toBe(0);
  await (await getByRole(popup, 'button', 'Preview on this tab')).click();
  await eventually(() => cssOf(manage, PREVIEW_CARD, 'background-color')).toBe('rgb(68, 85, 102)');

  // The card's own ×, found by its accessible name inside the preview's shadow root.
  const dismiss = await getByRole(await shadowRootOf(manage, PREVIEW_HOST), 'button', 'Dismiss status message');
  await dismiss.click();
  await eventually(() => hostCount(manage)).toBe(0);
  await getByRole(popup, 'button', 'Preview on this tab');

  // Shown again, then saved: the save ends it, and the sandbox holds the colour.
  await (await getByRole(popup, 'button', 'Preview on this tab')).click();
  await eventually(() => hostCount(manage)).toBe(1);
  await (await getByRole(popup, 'button', 'Save')).click();
  await eventually(() => hostCount(manage)).toBe(0);
  await expectSaved(popup);
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
    const site = await suite.newTab();
    const address = `http://127.0.0.1:${(server.address() as AddressInfo).port}/demo/${cloud}`;
    await site.goto(address);
    const popup = await suite.openPopup(`?tab=${await tabIdOf(address)}`);

    // Without a draft there is nothing to preview, and no button.
    await expectNoDraft(popup, 'tab');
    expect(await countByRole(popup, 'button', 'Preview on this tab')).toBe(0);

    // A draft alone does not touch the site: the preview waits for the button.
    await (await getByRole(popup, 'radio', 'Bottom right')).click();
    await fill(await getByLabel(popup, 'Incident background'), '#0b3d91');
    await eventually(() => cssOf(popup, '[data-testid="preview-incident"] >>> .card', 'background-color')).toBe('rgb(11, 61, 145)');
    const button = await getByRole(popup, 'button', 'Preview on this tab');
    expect(await hostCount(site)).toBe(0);

    await button.click();
    await eventually(() => cssOf(site, PREVIEW_CARD, 'background-color')).toBe('rgb(11, 61, 145)');
    expect(await cssOf(site, PREVIEW_CARD, 'right')).toBe('60px');
    const status = (await popup.$('[data-testid="in-page-preview-status"]'))!;
    await eventually(() => textOf(status)).toContain('Previewing on this tab');
    expect(await countByRole(popup, 'button', 'Preview on this tab')).toBe(0);

    await fill(await getByLabel(popup, 'Incident text'), '#ffdd00');
    await eventually(() => cssOf(site, PREVIEW_CARD, 'color')).toBe('rgb(255, 221, 0)');
    await (await getByRole(popup, 'radio', 'Top right')).click();
    await eventually(() => cssOf(site, PREVIEW_CARD, 'top')).toBe('60px');
    expect(await hostCount(site)).toBe(1);

    // A reload ends it (the injected script is gone with the page); the popup says so and offers it again.
    await site.reload();
    await eventually(() => textOf(status)).toBe('The page was reloaded or left: the preview ended.');
    expect(await hostCount(site)).toBe(0);
    await (await getByRole(popup, 'button', 'Preview on this tab')).click();
    await eventually(() => cssOf(site, PREVIEW_CARD, 'color')).toBe('rgb(255, 221, 0)');

    await popup.close();
    await eventually(() => hostCount(site)).toBe(0);
  } finally {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
});
