// The other ways to embed: the declarative element (single-page apps), the JS API, the ES module build.
import { expect, test } from './widget-fixtures';
import { card, CONFIG_URL, finishCardAnimations, openCustomerSite, STATUS_PAGE, WIDGET, WIDGET_URL } from './customer-site';

const background = (page: import('@playwright/test').Page) => card(page).evaluate((element) => getComputedStyle(element).backgroundColor);

test('the declarative <status-embed> element, with config attributes', async ({ page }) => {
  await openCustomerSite(page, {
    config: { incident_background_color: '#224466' },
    embed: `<status-embed status-page="${STATUS_PAGE}" config-url="${CONFIG_URL}" position="top-left"></status-embed>
<script src="${WIDGET_URL}"></script>`,
  });
  await expect(card(page)).toBeVisible();
  expect(await background(page)).toBe('rgb(34, 68, 102)');
  await finishCardAnimations(page);
  expect(await card(page).evaluate((element) => [element.getBoundingClientRect().left, element.getBoundingClientRect().top])).toEqual([60, 60]);
  const host = page.locator('status-embed');
  expect(await host.evaluate((element) => element.shadowRoot?.mode)).toBe('open');
  await host.evaluate((element) => element.remove());
  await expect(card(page)).toHaveCount(0);
});

test('StatusEmbed.mount(): update() and unmount()', async ({ page }) => {
  await openCustomerSite(page, { config: { incident_background_color: '#224466' }, embed: `<script src="${WIDGET_URL}"></script>` });
  await expect(page.locator('status-embed')).toHaveCount(0); // no data-status-page: the script mounts nothing itself
  await page.evaluate(
    ([statusPage, configUrl]) => {
      const api = (window as unknown as { StatusEmbed: typeof import('../../../widget/browser/status-embed') }).StatusEmbed;
      (window as unknown as { handle: unknown }).handle = api.mount({ statusPage: statusPage!, configUrl, config: { position: 'top-right' } });
    },
    [STATUS_PAGE, CONFIG_URL],
  );
  await expect(card(page)).toBeVisible();
  expect(await background(page)).toBe('rgb(34, 68, 102)');

  type Handle = import('../../../widget/browser/status-embed').StatusEmbedHandle;
  await page.evaluate(() => (window as unknown as { handle: Handle }).handle.update({ incident_background_color: '#000000' }));
  await expect.poll(() => background(page)).toBe('rgb(0, 0, 0)');
  await page.evaluate(() => (window as unknown as { handle: Handle }).handle.update({ incident_background_color: null }));
  await expect.poll(() => background(page)).toBe('rgb(34, 68, 102)');
  await page.evaluate(() => (window as unknown as { handle: Handle }).handle.unmount());
  await expect(page.locator('status-embed')).toHaveCount(0);
});

test('StatusEmbed.mount() from a script in <head>, before <body> exists', async ({ page }) => {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await openCustomerSite(page, {
    config: { incident_background_color: '#224466' },
    embed: '',
    head: `<script src="${WIDGET_URL}"></script>
<script>window.handle = StatusEmbed.mount({ statusPage: '${STATUS_PAGE}', configUrl: '${CONFIG_URL}' });</script>`,
  });
  await expect(card(page)).toBeVisible();
  expect(await background(page)).toBe('rgb(34, 68, 102)');
  expect(errors).toEqual([]);
});

test('the ES module build', async ({ page }) => {
  await openCustomerSite(page, {
    embed: `<script type="module">
import { mount } from '${WIDGET}status-embed.mjs';
mount({ statusPage: '${STATUS_PAGE}', config: { incident_background_color: '#336699' } });
</script>`,
  });
  await expect(card(page)).toBeVisible();
  expect(await background(page)).toBe('rgb(51, 102, 153)');
});
