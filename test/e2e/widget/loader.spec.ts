// The two stages: the loader alone on a quiet page view, the card stage only when something is to be shown,
// fetched from the loader's own directory and checked by its integrity hash.
import { expect, test } from './widget-fixtures';
import { card, cardFile, localeFile, openCustomerSite, WIDGET, widgetIntegrity } from './customer-site';

test('a quiet page view fetches the loader and the summary, never the card stage or the config', async ({ page }) => {
  const site = await openCustomerSite(page, { summary: 'incident_major_update-4_resolved.json', config: { position: 'top-left' } });
  await site.settled();
  await expect(card(page)).toHaveCount(0);
  expect(site.cardRequests()).toEqual([]);
  const scripts = site.requests().filter((url) => url.startsWith(WIDGET));
  expect(scripts).toEqual([`${WIDGET}status-embed.js`]);
  expect(site.requests().filter((url) => url.includes('config.test'))).toEqual([]);
  await expect(page.locator('status-embed [role=status]')).toBeAttached(); // the live region is there, empty
});

test('an incident loads the card stage once, from the same directory, with its integrity hash and CORS', async ({ page }) => {
  const site = await openCustomerSite(page);
  await expect(card(page)).toBeVisible();
  expect(site.cardRequests().map((request) => request.url())).toEqual([`${WIDGET}${cardFile()}`]);
  const tag = page.locator(`script[src="${WIDGET}${cardFile()}"]`);
  await expect(tag).toHaveAttribute('integrity', widgetIntegrity()[cardFile()]!);
  await expect(tag).toHaveAttribute('crossorigin', 'anonymous');
  expect(widgetIntegrity()[cardFile()]).toMatch(/^sha256-[A-Za-z0-9+/]{43}=$/);
});

test('a tampered card stage does not run, and the host page sees no error', async ({ page }) => {
  const pageErrors: Error[] = [];
  const warnings: string[] = [];
  page.on('pageerror', (error) => pageErrors.push(error));
  page.on('console', (message) => message.type() === 'warning' && warnings.push(message.text()));
  const site = await openCustomerSite(page, { tamperCard: true });
  await site.settled();
  expect(site.cardRequests()).toHaveLength(1); // it was fetched...
  expect(await page.evaluate(() => (window as unknown as { tampered?: boolean }).tampered)).toBeUndefined(); // ...and refused
  await expect(card(page)).toHaveCount(0);
  expect(pageErrors).toEqual([]);
  expect(warnings).toHaveLength(1);
  expect(warnings[0]).toMatch(/^\[status-embed\] .*could not load/);
});

test('the untampered card stage, served the same way, does run (the tamper test can fail)', async ({ page }) => {
  const site = await openCustomerSite(page, { tamperCard: false });
  await site.settled();
  await expect(card(page)).toBeVisible();
  expect(await page.evaluate(() => typeof (window as unknown as { __statusEmbedCard?: unknown }).__statusEmbedCard)).toBe('object');
});

test('an English visitor loads no language file; a German one loads only the German file, checked, beside the card', async ({ page }) => {
  const english = await openCustomerSite(page);
  await expect(card(page)).toHaveAttribute('lang', 'en');
  await english.settled();
  expect(english.localeRequests()).toEqual([]);

  const german = await openCustomerSite(page, { lang: 'de-CH' });
  await expect(card(page)).toHaveAttribute('lang', 'de-CH');
  await expect(card(page).getByRole('button', { name: 'Statusmeldung schließen' })).toBeVisible();
  await german.settled();
  expect(german.localeRequests().map((request) => request.url())).toEqual([`${WIDGET}${localeFile('de')}`]);
  const tag = page.locator(`script[src="${WIDGET}${localeFile('de')}"]`);
  await expect(tag).toHaveAttribute('integrity', widgetIntegrity()[localeFile('de')]!);
  await expect(tag).toHaveAttribute('crossorigin', 'anonymous');
  expect(widgetIntegrity()[localeFile('de')]).toMatch(/^sha256-[A-Za-z0-9+/]{43}=$/);
});

test('a tampered language file does not run: the card shows in English, with one warning and no error in the page', async ({ page }) => {
  const pageErrors: Error[] = [];
  const warnings: string[] = [];
  page.on('pageerror', (error) => pageErrors.push(error));
  page.on('console', (message) => message.type() === 'warning' && warnings.push(message.text()));
  const site = await openCustomerSite(page, { lang: 'ja', tamperLocales: true });
  await expect(card(page)).toBeVisible();
  await site.settled();
  expect(site.localeRequests()).toHaveLength(1);
  await expect(card(page)).toHaveAttribute('lang', 'en');
  await expect(card(page).locator('.label')).toHaveText('Incident · Monitoring');
  await expect(card(page)).not.toContainText('555-0100');
  expect(pageErrors).toEqual([]);
  expect(warnings).toEqual([expect.stringMatching(/^\[status-embed\] no ja strings \(English instead\): could not load/)]);
});

test('the untampered Japanese file, served the same way, does run (the tamper test can fail)', async ({ page }) => {
  await openCustomerSite(page, { lang: 'ja', tamperLocales: false });
  await expect(card(page)).toHaveAttribute('lang', 'ja');
  await expect(card(page).getByRole('button', { name: 'ステータスメッセージを閉じる' })).toBeVisible();
});

test('a quiet page that turns active on a refresh loads the card stage then', async ({ page }) => {
  const site = await openCustomerSite(page, { summary: 'incident_major_update-4_resolved.json' });
  await site.settled();
  expect(site.cardRequests()).toHaveLength(0);
  site.setSummary('incident_major_update-3_monitoring.json');
  // A new <status-embed> reads at once (the script tag's own one would wait out its minute).
  await page.evaluate(() => {
    const element = document.createElement('status-embed');
    element.setAttribute('status-page', 'https://status.test');
    document.body.append(element);
  });
  await expect(card(page)).toBeVisible();
  expect(site.cardRequests()).toHaveLength(1);
});

test('a status page that is not an http(s) URL: one warning, no request, no error', async ({ page }) => {
  const warnings: string[] = [];
  const pageErrors: Error[] = [];
  page.on('console', (message) => message.type() === 'warning' && warnings.push(message.text()));
  page.on('pageerror', (error) => pageErrors.push(error));
  const site = await openCustomerSite(page, {
    embed: `<status-embed status-page="javascript:alert(1)"></status-embed><script src="${WIDGET}status-embed.js"></script>`,
  });
  await expect.poll(() => warnings.length).toBe(1);
  expect(warnings[0]).toMatch(/^\[status-embed\] /);
  expect(site.requests().filter((url) => !url.startsWith('https://customer.test/') && !url.startsWith(WIDGET))).toEqual([]);
  expect(pageErrors).toEqual([]);
  await expect(card(page)).toHaveCount(0);
});
