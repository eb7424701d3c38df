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
import { connectThroughSetup, countByRole, cssOf, eventually, fill, firefoxSuite, getByLabel, getByRole, inputValue, textOf } from './popup';

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

/** Connects once and leaves `pageId` as the last used page, so that the popups the test opens start on it. */
async function startOn(pageId: string, savedBackground: string): Promise<void> {
  const popup = await connectThroughSetup(suite);
  await (await getByLabel(popup, 'Page')).select(pageId);
  await expect.poll(async () => inputValue(await getByLabel(popup, 'Incident background'))).toBe(savedBackground);
  await popup.close();
}

test('on manage.statuspage.io the preview follows the draft by itself and goes when the popup closes', async () => {
  const payments = SEED_PAGE_IDS.payments; // seeded at `bottom_right`, #FFB000 with #1A1A1A text
  await startOn(payments, '#ffb000');

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
  const address = `https://manage.statuspage.io/pages/${payments}/status-embed`;
  await manage.goto(address);
  const popup = await suite.openPopup(`?tab=${await tabIdOf(address)}`);

  // No draft, no preview.
  await expectNoDraft(popup, 'page');
  expect(await hostCount(manage)).toBe(0);

  await fill(await getByLabel(popup, 'Incident background'), '#0b3d91');
  await eventually(() => cssOf(manage, PREVIEW_CARD, 'background-color')).toBe('rgb(11, 61, 145)');
  expect(await cssOf(manage, PREVIEW_CARD, 'color')).toBe('rgb(26, 26, 26)'); // the saved text colour, not yet edited
  expect(await cssOf(manage, PREVIEW_CARD, 'bottom')).toBe('60px');
  expect(await cssOf(manage, PREVIEW_CARD, 'right')).toBe('60px');
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

    await popup.close();
    await eventually(() => hostCount(site)).toBe(0);
  } finally {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
});
