/// <reference types="chrome" />
// "Copy widget snippet": this project's script tag, pinned to the build's version and integrity, in the page's saved
// corner and colours. Pasted into a customer page (the CDN and the status site routed to this machine), under exactly
// the CSP lines the popup gives, it shows the card and the browser's integrity check passes.
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { SEED_PAGE_IDS } from '../../../sandbox';
import { expect, test } from '../fixtures';
import { paste } from './helpers';

const WIDGET_DIR = resolve('dist/widget');
const integrity = () => JSON.parse(readFileSync(join(WIDGET_DIR, 'integrity.json'), 'utf8')) as Record<string, string>;
const { version } = JSON.parse(readFileSync('package.json', 'utf8')) as { version: string };
const CDN_DIR = `https://cdn.jsdelivr.net/npm/@statuspage-toolkit/status-embed@${version}/dist/`;

test("copies a pinned tag with integrity and the page's config, and it works on a customer page under the CSP it names", async ({
  popup: page,
  context,
  sandbox,
}) => {
  await page.getByLabel('Page').selectOption(SEED_PAGE_IDS.payments);
  await expect(page.getByRole('button', { name: "Copy Statuspage's embed tag" })).toBeVisible();
  await page.getByRole('button', { name: 'Copy widget snippet', exact: true }).click();
  await expect(page.getByText('Copied the widget snippet.')).toBeVisible();
  const csp = await page.getByLabel('Content-Security-Policy lines your site needs').inputValue();
  expect(csp).toBe(`script-src ${CDN_DIR}\nconnect-src https://acme-payments.statuspage.io`);
  const snippet = await paste(page);
  expect(snippet).toContain(`src="${CDN_DIR}status-embed.js"`);
  expect(snippet).toContain(`integrity="${integrity()['status-embed.js']}"`);
  expect(snippet).toContain('data-status-page="https://acme-payments.statuspage.io"');
  // Acme Payments is saved as bottom_right with upper-case and 3-digit colours: the tag says what the widget reads.
  expect(snippet).toMatch(/data-position="bottom-right"/);
  expect(snippet).toMatch(/data-incident-background-color="#[0-9a-f]{6}"/);

  // A draft that differs is offered as a second choice, and says so.
  await page.getByLabel('Incident background', { exact: true }).fill('#123456');
  await expect(page.getByText('Your unsaved draft differs: the second button uses its values.')).toBeVisible();
  await page.getByRole('button', { name: "Copy with the draft's values" }).click();
  // The clipboard is written when the popup says so: a paste before then reads the saved values copied above.
  await expect(page.getByText("Copied the widget snippet with the draft's values.", { exact: true })).toBeVisible();
  expect(await paste(page)).toContain('data-incident-background-color="#123456"');

  // The customer's page: the snippet pasted as is, under the CSP lines the popup gave.
  const opened = await fetch(`${sandbox.url}/_control/pages/${SEED_PAGE_IDS.payments}/incidents`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ name: 'Payments are delayed', impact: 'major' }),
  });
  expect(opened.status).toBe(201);
  const customer = await context.newPage();
  const problems: string[] = [];
  customer.on('console', (message) => message.type() === 'error' && problems.push(message.text()));
  customer.on('pageerror', (error) => problems.push(error.message));
  await customer.route(`${CDN_DIR}*`, (route) => {
    const file = new URL(route.request().url()).pathname.split('/').pop()!;
    route.fulfill({
      contentType: 'text/javascript',
      headers: { 'access-control-allow-origin': '*' },
      body: readFileSync(join(WIDGET_DIR, file), 'utf8'),
    });
  });
  await customer.route('https://acme-payments.statuspage.io/api/v2/summary.json', async (route) => {
    const summary = await fetch(`${sandbox.statusPageUrl(SEED_PAGE_IDS.payments)}/api/v2/summary.json`);
    route.fulfill({ contentType: 'application/json', headers: { 'access-control-allow-origin': '*' }, body: await summary.text() });
  });
  await customer.route('https://shop.customer.test/', (route) =>
    route.fulfill({
      contentType: 'text/html',
      headers: { 'content-security-policy': `default-src 'none'; ${csp.split('\n').join('; ')}` },
      body: `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Shop</title></head><body><h1>Shop</h1>${snippet}</body></html>`,
    }),
  );
  await customer.goto('https://shop.customer.test/');
  const card = customer.getByRole('link', { name: 'Payments are delayed' });
  await expect(card).toBeVisible({ timeout: 10_000 });
  // Bottom right, as the page is configured.
  const box = (await card.boundingBox())!;
  const viewport = customer.viewportSize()!;
  expect(box.x + box.width / 2).toBeGreaterThan(viewport.width / 2);
  expect(box.y + box.height / 2).toBeGreaterThan(viewport.height / 2);
  expect(problems.filter((text) => /integrity|Content Security Policy|Refused/i.test(text))).toEqual([]);
  await customer.close();
});

test('a config endpoint URL is checked, and the tag then reads its colours from it', async ({ popup: page }) => {
  await page.getByText('For a site that runs the config endpoint').click();
  await page.getByLabel('Config endpoint URL').fill('http://www.example.com/embed-config');
  await page.getByRole('button', { name: 'Copy widget snippet with a config URL' }).click();
  await expect(page.getByText('The config endpoint must be served over https')).toBeVisible();
  await page.getByLabel('Config endpoint URL').fill('https://www.example.com/embed-config');
  await page.getByRole('button', { name: 'Copy widget snippet with a config URL' }).click();
  await expect(page.getByLabel('Content-Security-Policy lines your site needs')).toHaveValue(
    /connect-src https:\/\/\S+ https:\/\/www\.example\.com$/,
  );
  await expect(page.getByText('Copied the widget snippet with your config endpoint.', { exact: true })).toBeVisible();
  expect(await paste(page)).toContain('data-config-url="https://www.example.com/embed-config"');
});
