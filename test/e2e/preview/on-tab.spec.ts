/// <reference types="chrome" />
// "Preview on this tab": on any other site (here the widget's demo customer page, served locally under its
// strict CSP, and a page with hostile CSS) the preview appears on request only, injected under activeTab.
// The test build's host permission for 127.0.0.1 stands in for the grant a toolbar click gives (docs/preview.md).
import { createAdaptorServer } from '@hono/node-server';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SEED_PAGE_IDS } from '../../../sandbox';
import { createWidgetDemo } from '../../../widget/demo';
import { expect, test } from '../fixtures';
import { connectPopup, resetAll } from '../popup/helpers';
import { expectNoDraft, expectPopupPreviewBackground, openPopupFor, PREVIEW_HOST, previewCard, tabIdOf } from './helpers';
import { screenshotPath } from '../../support/screenshots';

const cloud = SEED_PAGE_IDS.cloud; // seeded at `bottom-left`, #c0392b with #ffffff text

test.beforeEach(async ({ page, extensionId, sandbox, serviceWorker }) => {
  await resetAll(sandbox, serviceWorker);
  await connectPopup(page, extensionId, sandbox);
  await page.getByLabel('Page').selectOption(cloud);
  await expect(page.getByLabel('Incident background', { exact: true })).toHaveValue('#c0392b');
  await page.close();
});

test('on a demo customer site the preview appears only on request, follows edits, and goes with the popup', { tag: '@screenshot' }, async ({
  context,
  extensionId,
  sandbox,
  serviceWorker,
}) => {
  const server = createAdaptorServer({ fetch: createWidgetDemo(sandbox).fetch, overrideGlobalObjects: false }) as Server;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  try {
    const site = await context.newPage();
    await site.setViewportSize({ width: 1100, height: 700 });
    await site.goto(`http://127.0.0.1:${(server.address() as AddressInfo).port}/demo/${cloud}`);
    const popup = await openPopupFor(context, extensionId, await tabIdOf(serviceWorker, site));

    // Without a draft there is nothing to preview, and no button.
    await expectNoDraft(popup, 'tab');
    await expect(popup.getByRole('button', { name: 'Preview on this tab' })).toHaveCount(0);

    // A draft alone does not touch the site: the preview waits for the button.
    await popup.getByLabel('Bottom right').check();
    await popup.getByLabel('Incident background', { exact: true }).fill('#0b3d91');
    await expectPopupPreviewBackground(popup, 'rgb(11, 61, 145)');
    await expect(popup.getByRole('button', { name: 'Preview on this tab' })).toBeVisible(); // offered, not started
    await expect(site.locator(PREVIEW_HOST)).toHaveCount(0);

    await popup.getByRole('button', { name: 'Preview on this tab' }).click();
    const card = previewCard(site);
    await expect(card).toHaveCSS('background-color', 'rgb(11, 61, 145)');
    await expect(card).toHaveCSS('right', '60px');
    await expect(popup.getByTestId('in-page-preview-status')).toContainText('Previewing on this tab');
    await expect(popup.getByRole('button', { name: 'Preview on this tab' })).toHaveCount(0);

    await popup.getByLabel('Incident text', { exact: true }).fill('#ffdd00');
    await expect(card).toHaveCSS('color', 'rgb(255, 221, 0)');
    await popup.getByLabel('Top right').check();
    await expect(card).toHaveCSS('top', '60px');
    // The README's picture: the card where the official embed sits, over the demo site.
    await popup.getByLabel('Bottom right').check();
    await popup.getByLabel('Incident text', { exact: true }).fill('#ffffff');
    await expect(card).toHaveCSS('bottom', '60px');
    await expect(card).toHaveCSS('color', 'rgb(255, 255, 255)');
    await expect(card).toHaveCSS('opacity', '1');
    await site.screenshot({ path: screenshotPath('preview-on-site.png') });

    // Escape, then the button again: the script is injected a second time, and still one preview answers.
    await site.keyboard.press('Escape');
    await expect(site.locator(PREVIEW_HOST)).toHaveCount(0);
    await popup.getByRole('button', { name: 'Preview on this tab' }).click();
    await expect(card).toBeVisible();
    await popup.getByLabel('Incident background', { exact: true }).fill('#5a1e6e');
    await expect(card).toHaveCSS('background-color', 'rgb(90, 30, 110)');
    await expect(site.locator(PREVIEW_HOST)).toHaveCount(1);

    // A reload ends it (the injected script is gone with the page); the popup says so and offers it again.
    await site.reload();
    await expect(popup.getByTestId('in-page-preview-status')).toHaveText('The page was reloaded or left: the preview ended.');
    await expect(site.locator(PREVIEW_HOST)).toHaveCount(0);
    await popup.getByRole('button', { name: 'Preview on this tab' }).click();
    await expect(card).toHaveCSS('background-color', 'rgb(90, 30, 110)');

    await popup.close();
    await expect(site.locator(PREVIEW_HOST)).toHaveCount(0);
    await site.close();
  } finally {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
});

const HOSTILE_PAGE = `<!doctype html><html lang="en"><title>Hostile</title>
<style>
  * { all: unset !important; }
  html *, html *::before { color: lime !important; background: magenta !important; font: 40px/3 serif !important; opacity: .2 !important; }
  statuspage-toolkit-preview, :host, html > :last-child { display: none !important; visibility: hidden !important; transform: scale(0) !important; }
  .card, .name, .label, .fixed { background: red !important; color: red !important; position: static !important; }
  .cover { position: fixed !important; inset: 0 !important; z-index: 2147483647 !important; display: block !important; }
</style>
<div class="cover"></div>
<div class="card name label fixed" id="probe">The page's own element with the card's class names</div>
</html>`;

test("the page's hostile CSS cannot restyle the preview, and the preview does not restyle the page", async ({
  context,
  extensionId,
  serviceWorker,
}) => {
  const site = await context.newPage();
  await site.setViewportSize({ width: 1100, height: 700 });
  await site.route('http://127.0.0.1:9/**', (route) => route.fulfill({ contentType: 'text/html', body: HOSTILE_PAGE }));
  await site.goto('http://127.0.0.1:9/hostile');
  const probeStyle = () =>
    site.locator('#probe').evaluate((element) => {
      const style = getComputedStyle(element);
      return [style.color, style.backgroundColor, style.fontSize, style.position, style.display].join(' | ');
    });
  const before = await probeStyle();

  const popup = await openPopupFor(context, extensionId, await tabIdOf(serviceWorker, site));
  await popup.getByLabel('Incident background', { exact: true }).fill('#0b3d91');
  await popup.getByRole('button', { name: 'Preview on this tab' }).click();

  const host = site.locator(PREVIEW_HOST);
  const card = previewCard(site);
  await expect(card).toHaveCSS('background-color', 'rgb(11, 61, 145)');
  await expect(card).toHaveCSS('color', 'rgb(255, 255, 255)');
  await expect(card).toHaveCSS('font-size', '14px');
  await expect(card).toHaveCSS('position', 'absolute');
  await expect(card).toHaveCSS('opacity', '1');
  await expect(card.locator('.name')).toHaveCSS('font-size', '15px');
  await expect(host).toHaveCSS('display', 'block');
  await expect(host).toHaveCSS('visibility', 'visible');
  await expect(host).toHaveCSS('transform', 'none');
  await expect(host).toHaveCSS('z-index', '2147483647');
  // Above the page's own full-screen cover at the highest z-index: a click on the card reaches the card.
  const box = (await card.boundingBox())!;
  const hit = await site.evaluate(([x, y]) => document.elementFromPoint(x!, y!)?.localName, [box.x + box.width / 2, box.y + box.height / 2]);
  expect(hit).toBe(PREVIEW_HOST);

  expect(await probeStyle()).toBe(before);
  await popup.close();
  await expect(host).toHaveCount(0);
  await site.close();
});
