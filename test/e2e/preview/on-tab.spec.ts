// "Preview on this tab" on a page with hostile CSS (Chromium): the page cannot restyle the preview, and the preview
// does not restyle the page. The preview's other scenarios, in both browsers: test/scenarios/preview.ts.
import { PREVIEW_HOST } from '../../scenarios/preview';
import { expect, test } from '../fixtures';

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
  popup: connected,
  driver,
  popupOver,
}) => {
  await connected.close(); // connected, on Acme Cloud (the first page by name): #ffffff text
  const site = await driver.newPage();
  await site.setViewportSize({ width: 1100, height: 700 });
  await site.route('http://127.0.0.1:9/**', (route) => route.fulfill({ contentType: 'text/html', body: HOSTILE_PAGE }));
  await site.goto('http://127.0.0.1:9/hostile');
  const probeStyle = () =>
    site.locator('#probe').evaluate((element) => {
      const style = getComputedStyle(element);
      return [style.color, style.backgroundColor, style.fontSize, style.position, style.display].join(' | ');
    });
  const before = await probeStyle();

  const popup = await popupOver(site);
  await popup.getByLabel('Incident background', { exact: true }).fill('#0b3d91');
  await popup.getByRole('button', { name: 'Preview on this tab' }).click();

  const host = site.locator(PREVIEW_HOST);
  const card = site.locator(`${PREVIEW_HOST} .card`);
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
});
