// The whole chain against the sandbox: an incident opened in "Statuspage" appears on the demo customer page
// in the page's configured colours, under the demo's strict CSP; the config endpoint holds the line on upstream calls.
import { expect, test } from './widget-fixtures';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { card, widgetIntegrity } from './customer-site';
import { startDemoServer, type DemoServer } from './demo-server';

let demo: DemoServer;
test.beforeEach(async ({ sandbox }) => {
  sandbox.reset();
  demo = await startDemoServer(sandbox);
});
test.afterEach(() => demo.close());

const control = async (url: string, body: object = {}) => {
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  if (!response.ok) throw new Error(`${url}: ${response.status} ${await response.text()}`);
  return (await response.json()) as { id: string };
};

test('an incident opened in the sandbox shows on the demo page, in the configured colours', async ({ page, sandbox }) => {
  const pageId = sandbox.pages[0]!.id;
  const configResponse = await fetch(`${sandbox.apiBaseUrl}/pages/${pageId}/status_embed_config`, {
    headers: { authorization: `OAuth ${sandbox.apiKey}` },
  });
  const config = (await configResponse.json()) as { incident_background_color: string };
  const violations: string[] = [];
  page.on('console', (message) => message.type() === 'error' && violations.push(message.text()));

  const incident = await control(`${sandbox.url}/_control/pages/${pageId}/incidents`, {
    name: 'Checkout is slow',
    impact: 'major',
    body: 'We are looking into it.',
  });
  await page.goto(`${demo.url}/demo/${pageId}`);
  await expect(card(page).locator('.name a')).toHaveText('Checkout is slow');
  await expect(card(page).locator('.detail')).toHaveText('We are looking into it.');
  const hex = await card(page).evaluate((element) => {
    const [r, g, b] = getComputedStyle(element).backgroundColor.match(/\d+/g)!.map(Number);
    return `#${[r, g, b].map((n) => n!.toString(16).padStart(2, '0')).join('')}`;
  });
  expect(hex).toBe(config.incident_background_color.toLowerCase());

  await control(`${sandbox.url}/_control/pages/${pageId}/incidents/${incident.id}/resolve`);
  // Quiet again. The first visit after it still gets the card stage ahead (the last summary this browser saw had
  // an incident), no config; from then on the loader reads the summary and stops there. Wait for the summary,
  // then for two frames, before looking for no card.
  let requested: string[] = [];
  page.on('request', (request) => requested.push(new URL(request.url()).pathname));
  const reloadQuiet = async () => {
    requested = [];
    const answered = page.waitForResponse((response) => response.url().endsWith('/api/v2/summary.json'));
    await page.reload();
    await answered;
    await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
    await expect(page.locator('status-embed [role=status]')).toBeAttached();
    await expect(card(page)).toHaveCount(0);
    return requested.filter((path) => path.includes('status-embed-card-') || path.startsWith('/embed-config/'));
  };
  expect(await reloadQuiet()).toEqual([expect.stringContaining('status-embed-card-')]);
  expect(await reloadQuiet()).toEqual([]);
  expect(violations).toEqual([]); // the demo page's strict CSP reports nothing
});

test('the demo serves the language files too: the card switches to German under the same strict CSP', async ({ page, sandbox }) => {
  const pageId = sandbox.pages[0]!.id;
  const errors: string[] = [];
  page.on('console', (message) => ['error', 'warning'].includes(message.type()) && errors.push(message.text()));
  await control(`${sandbox.url}/_control/pages/${pageId}/incidents`, { name: 'Checkout is slow', impact: 'major', body: 'Looking.' });
  await page.goto(`${demo.url}/demo/${pageId}`);
  await expect(card(page)).toHaveAttribute('lang', 'en');
  await page.locator('status-embed').evaluate((element) => element.setAttribute('locale', 'de'));
  await expect(card(page)).toHaveAttribute('lang', 'de');
  await expect(card(page).getByRole('button', { name: 'Statusmeldung schließen' })).toBeVisible();
  expect(errors).toEqual([]);
});

test('the config endpoint answers many concurrent requests with one upstream call', async ({ page, sandbox }) => {
  const pageId = sandbox.pages[1]!.id;
  await page.goto(`${demo.url}/demo/`);
  const statuses = await page.evaluate(async (url) => {
    const responses = await Promise.all(Array.from({ length: 40 }, () => fetch(url, { cache: 'no-store' })));
    return responses.map((response) => response.status);
  }, `${demo.url}/embed-config/${pageId}`);
  expect(statuses).toEqual(Array(40).fill(200));
  const upstream = sandbox.requests().filter((entry) => entry.path === `/v1/pages/${pageId}/status_embed_config`);
  expect(upstream).toHaveLength(1);
});

test("a page on another origin loads the demo's loader, card stage and language file with their integrity (CORS, as a CDN)", async ({
  page,
  sandbox,
}) => {
  const pageId = sandbox.pages[0]!.id;
  await control(`${sandbox.url}/_control/pages/${pageId}/incidents`, { name: 'Checkout is slow', impact: 'major', body: 'Looking.' });
  const problems: string[] = [];
  page.on('console', (message) => ['error', 'warning'].includes(message.type()) && problems.push(message.text()));
  // The README's copy-paste page, on a port of its own.
  const html = `<!doctype html><html lang="en"><meta charset="utf-8"><title>My page</title><h1>My page</h1>
<script async src="${demo.url}/demo/status-embed.js" integrity="${widgetIntegrity()['status-embed.js']}" crossorigin="anonymous"
  data-status-page="${sandbox.statusPageUrl(pageId)}" data-config-url="${demo.url}/embed-config/${pageId}"
  data-locale="de" data-position="top-left" data-offset="24"></script></html>`;
  const site = createServer((_request, response) => response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(html));
  await new Promise<void>((resolve) => site.listen(0, '127.0.0.1', resolve));
  try {
    for (const file of ['status-embed.js', ...Object.keys(widgetIntegrity()).filter((name) => name.startsWith('status-embed-'))]) {
      const served = await fetch(`${demo.url}/demo/${file}`, { headers: { origin: 'http://127.0.0.1:1' } });
      expect(served.headers.get('access-control-allow-origin'), file).toBe('*');
    }
    await page.goto(`http://127.0.0.1:${(site.address() as AddressInfo).port}/`);
    await expect(card(page).locator('.name a')).toHaveText('Checkout is slow');
    await expect(card(page)).toHaveAttribute('lang', 'de');
    await expect(card(page).getByRole('button', { name: 'Statusmeldung schließen' })).toBeVisible();
    expect(problems).toEqual([]);
  } finally {
    site.closeAllConnections();
    await new Promise((resolve) => site.close(resolve));
  }
});
