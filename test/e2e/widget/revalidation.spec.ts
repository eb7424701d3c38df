// Over real HTTP (no routing: the browser's cache and validators at work), a CDN-like status page and customer
// site on 127.0.0.1: the refresh asks with If-None-Match and does nothing on a 304; a returning visitor during an
// incident gets the card stage while summary.json is still coming; a 5 MB name and update keep the page responsive.
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { expect, test } from './widget-fixtures';
import { card } from './customer-site';
import { advance, installTestClock, nextRefreshIn } from './test-clock';

const DIST = resolve('dist/widget');
const FIXTURES = resolve('test/fixtures/statuspage-summaries');
/** A summary with an incident under way, fresh for each use (the tests edit it). */
const activeSummary = () =>
  JSON.parse(readFileSync(`${FIXTURES}/incident_major_update-3_monitoring.json`, 'utf8')) as {
    incidents: Array<{ name: string; incident_updates: Array<{ body: string }> }>;
  };

const listen = async (server: Server) => {
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
};
const close = (server: Server) => {
  server.closeAllConnections();
  return new Promise((done) => server.close(done));
};

/** The status page (summary.json with an ETag, `no-cache`, CORS) and a customer site serving the built widget. */
async function startSites() {
  const log: string[] = [];
  const summaryHeaders: IncomingHttpHeaders[] = [];
  const state = { summary: JSON.stringify(activeSummary()), holdMs: 0, configReads: 0 };
  const status = createServer((request, response) => {
    if (request.url === '/embed-config') {
      state.configReads += 1;
      return response.writeHead(200, { 'content-type': 'application/json', 'access-control-allow-origin': '*' }).end('{}');
    }
    log.push('summary requested');
    summaryHeaders.push(request.headers);
    const etag = `"${Buffer.from(state.summary).toString('base64url').slice(-16)}-${state.summary.length}"`;
    const headers = { etag, 'cache-control': 'no-cache', 'access-control-allow-origin': '*', 'content-type': 'application/json' };
    setTimeout(() => {
      log.push('summary answered');
      if (request.headers['if-none-match'] === etag) response.writeHead(304, headers).end();
      else response.writeHead(200, headers).end(state.summary);
    }, state.holdMs);
  });
  const statusUrl = await listen(status);
  const customer = createServer((request, response) => {
    const path = new URL(request.url ?? '/', 'http://x').pathname;
    if (path.startsWith('/w/')) {
      if (path.includes('-card-')) log.push('card stage requested');
      // no-store: every visit asks the server, so the test sees when the card stage was asked for
      return response
        .writeHead(200, { 'content-type': 'text/javascript', 'cache-control': 'no-store', 'access-control-allow-origin': '*' })
        .end(readFileSync(`${DIST}/${path.slice(3)}`));
    }
    response
      .writeHead(200, { 'content-type': 'text/html; charset=utf-8' })
      .end(
        `<!doctype html><html lang="en"><meta charset="utf-8"><title>Customer</title><h1>Customer</h1>` +
          `<script async src="/w/status-embed.js" data-status-page="${statusUrl}" data-config-url="${statusUrl}/embed-config"></script></html>`,
      );
  });
  const customerUrl = await listen(customer);
  return { customerUrl, state, log, summaryHeaders, close: () => Promise.all([close(status), close(customer)]) };
}

let sites: Awaited<ReturnType<typeof startSites>>;
test.beforeEach(async () => {
  sites = await startSites();
});
test.afterEach(() => sites.close());

test('the refresh revalidates summary.json (If-None-Match) and does nothing on a 304; a changed one updates the card in place', async ({ page }) => {
  await page.addInitScript(installTestClock);
  const changes: unknown[] = [];
  await page.exposeFunction('recordChange', (detail: unknown) => changes.push(detail));
  await page.addInitScript(() =>
    document.addEventListener('status-embed:change', (event) =>
      (window as unknown as { recordChange(d: unknown): void }).recordChange((event as CustomEvent).detail),
    ),
  );
  const summary = activeSummary();
  await page.goto(sites.customerUrl);
  await expect(card(page).locator('.name a')).toHaveText(summary.incidents[0]!.name);
  await expect.poll(() => changes.length).toBe(1);
  const configReads = sites.state.configReads;
  await card(page).evaluate((element) => ((element as HTMLElement & { seen?: boolean }).seen = true));

  // Unchanged: the browser asks with the ETag it holds, the answer is a 304, and the widget does nothing.
  await advance(page, await nextRefreshIn(page));
  await expect.poll(() => sites.summaryHeaders.length).toBe(2);
  expect(sites.summaryHeaders[1]!['if-none-match']).toMatch(/^"/);
  expect(await nextRefreshIn(page)).toBe(60_000);
  expect(sites.state.configReads).toBe(configReads); // no refresh of the card: no config read
  expect(changes).toHaveLength(1);

  // Changed (the incident renamed, no new update): a 200, and the same card element shows the new name.
  summary.incidents[0]!.name = 'Checkout is slow (renamed)';
  sites.state.summary = JSON.stringify(summary);
  await advance(page, await nextRefreshIn(page));
  await expect(card(page).locator('.name a')).toHaveText('Checkout is slow (renamed)');
  expect(await card(page).evaluate((element) => (element as HTMLElement & { seen?: boolean }).seen)).toBe(true);
  expect(sites.state.configReads).toBe(configReads + 1);
});

test('a returning visitor during an incident gets the card stage while summary.json is still coming', async ({ page, context }) => {
  await page.goto(sites.customerUrl);
  await expect(card(page)).toBeVisible();
  expect(sites.log).toEqual(['summary requested', 'summary answered', 'card stage requested']); // first visit: one after the other

  sites.log.length = 0;
  sites.state.holdMs = 1000; // a slow status page
  const again = await context.newPage();
  await again.goto(sites.customerUrl);
  await expect(card(again)).toBeVisible();
  expect(sites.log.indexOf('card stage requested')).toBeLessThan(sites.log.indexOf('summary answered'));

  // Quiet now: that visit clears the note, and the next one asks for no card stage at all.
  sites.state.holdMs = 0;
  sites.state.summary = readFileSync(`${FIXTURES}/incident_major_update-4_resolved.json`, 'utf8');
  await again.reload();
  await expect(card(again)).toHaveCount(0);
  await expect.poll(() => sites.log.filter((entry) => entry === 'summary answered').length).toBe(2);
  sites.log.length = 0;
  await again.reload();
  await expect.poll(() => sites.log).toEqual(['summary requested', 'summary answered']);
  await again.waitForTimeout(300);
  expect(sites.log).not.toContain('card stage requested');
});

test('a 5 MB incident name and update: the card shows them cut, and no task on the page takes 300 ms', async ({ page }) => {
  const words = (size: number) => 'Checkout is slow for some customers '.repeat(Math.ceil(size / 36)).slice(0, size);
  const summary = activeSummary();
  summary.incidents[0]!.name = words(5_000_000);
  for (const update of summary.incidents[0]!.incident_updates) update.body = words(5_000_000);
  sites.state.summary = JSON.stringify(summary);
  await page.addInitScript(() => {
    const page = window as unknown as { longest: number };
    page.longest = 0;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) page.longest = Math.max(page.longest, entry.duration);
    }).observe({ type: 'longtask', buffered: true });
  });
  await page.goto(sites.customerUrl);
  await expect(card(page)).toBeVisible();
  expect((await card(page).locator('.name a').textContent())!.length).toBeLessThanOrEqual(200);
  expect((await card(page).locator('.detail').textContent())!.length).toBeLessThanOrEqual(280);
  await expect(card(page).getByRole('link', { name: 'Read more' })).toBeVisible();
  await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
  expect(await page.evaluate(() => (window as unknown as { longest: number }).longest)).toBeLessThan(300);
});
