// `npm run screenshots`: refreshes the README's pictures in docs/images. The popup and preview pictures, and the
// team members' three (team-members-invite, -seats, -offboard: test/e2e/team-members), come from the browser tests
// tagged @screenshot (run with SCREENSHOT_DIR=docs/images); the card on the demo customer site is
// taken here, against a sandbox with an incident open. `npm test` never writes docs/images.
import { spawnSync } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { resolve } from 'node:path';
import { serve } from '@hono/node-server';
import { chromium } from '@playwright/test';
import { startSandbox } from '../sandbox';
import { QUIET_FLAGS } from '../test/support/chromium';
import { createWidgetDemo } from '../widget/demo';
import { findChromium } from './find-chromium.mjs';

const DOCS_IMAGES = resolve('docs/images');

/**
 * The side panel beside the page it previews, composed from its two halves (test/scenarios/sidepanel.ts takes them:
 * the panel's page and the manage.statuspage.io tab with the preview), since a browser's side panel cannot be
 * captured with the page by automation. A thin line stands for the browser's divider.
 */
async function sidePanelBesidePage(browser: import('@playwright/test').Browser): Promise<void> {
  const parts = ['side-panel-page.png', 'side-panel.png'].map((name) => resolve(DOCS_IMAGES, name));
  const [site, panel] = parts.map((path) => `data:image/png;base64,${readFileSync(path).toString('base64')}`);
  // A blank page of its own: the demo site's strict CSP would refuse the inline images and styles.
  const page = await browser.newPage({ viewport: { width: 820 + 1 + 360, height: 760 } });
  await page.setContent(
    `<body style="margin:0;display:flex;background:#888"><img src="${site}" style="display:block"><div style="width:1px"></div><img src="${panel}" style="display:block"></body>`,
  );
  await page.waitForFunction(() => [...document.images].every((image) => image.complete));
  await page.screenshot({ path: resolve(DOCS_IMAGES, 'side-panel-beside-page.png') });
  for (const path of parts) rmSync(path);
  console.log(`Wrote ${DOCS_IMAGES}/side-panel-beside-page.png`);
}

const tests = spawnSync('node', ['scripts/test-e2e.mjs', '--project=extension', '--grep', '@screenshot'], {
  stdio: 'inherit',
  env: { ...process.env, SCREENSHOT_DIR: DOCS_IMAGES },
});
if (tests.status !== 0) process.exit(tests.status ?? 1);

const sandbox = await startSandbox({ port: 0 });
const demo = serve({ fetch: createWidgetDemo(sandbox, { configTtlSeconds: 1 }).fetch, hostname: '127.0.0.1', port: 0 });
await new Promise((done) => demo.once('listening', done));
const address = demo.address();
const demoUrl = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
const browser = await chromium.launch({ executablePath: findChromium(), args: QUIET_FLAGS });
try {
  const pageId = sandbox.pages[0]!.id;
  const opened = await fetch(`${sandbox.url}/_control/pages/${pageId}/incidents`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ name: 'Checkout is slow for some customers', impact: 'major', body: 'We are looking into slow checkouts.' }),
  });
  if (!opened.ok) throw new Error(`could not open the incident: ${opened.status} ${await opened.text()}`);
  const page = await browser.newPage({ viewport: { width: 1100, height: 620 } });
  await page.goto(`${demoUrl}/demo/${pageId}`);
  await page.getByRole('link', { name: 'Checkout is slow for some customers' }).waitFor();
  await page.waitForTimeout(600); // the card's entrance animation
  await page.screenshot({ path: resolve(DOCS_IMAGES, 'widget-card.png') });
  console.log(`Wrote ${DOCS_IMAGES}/widget-card.png`);
  await sidePanelBesidePage(browser);
} finally {
  await browser.close();
  demo.close();
  await sandbox.close();
}
