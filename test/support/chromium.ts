/// <reference types="chrome" />
// One way to start Chromium with the extension, for the browser tests (test/e2e/fixtures.ts) and the benches.
import { chromium, type BrowserContext, type Page, type Worker } from '@playwright/test';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { findChromium } from '../../scripts/find-chromium.mjs';

/** The test build of the extension (it may talk to the sandbox on 127.0.0.1): `npm run build:extension:test`. */
export const TEST_EXTENSION_DIR = resolve('.output/chrome-mv3-test');

// Flags that keep Chromium quiet on a machine with no internet (each turns off a call home that would fail).
export const QUIET_FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** The Chromium to drive, or a clear error saying how to get one (Playwright never downloads one here). */
export function chromiumExecutable(): string {
  const executablePath = findChromium();
  if (!executablePath) throw new Error("No Chromium found: set CHROMIUM_PATH or install Debian's chromium.");
  return executablePath;
}

export interface ExtensionBrowser {
  context: BrowserContext;
  serviceWorker: Worker;
  extensionId: string;
  close(): Promise<void>;
}

/** A headless Chromium with a fresh profile and the built extension loaded. */
export async function launchWithExtension(extensionDir = TEST_EXTENSION_DIR): Promise<ExtensionBrowser> {
  if (!existsSync(join(extensionDir, 'manifest.json'))) {
    throw new Error(`No build of the extension in ${extensionDir}: run npm run build:extension:test`);
  }
  const userDataDir = mkdtempSync(join(tmpdir(), 'statuspage-chromium-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: chromiumExecutable(),
    headless: true,
    args: [...QUIET_FLAGS, `--disable-extensions-except=${extensionDir}`, `--load-extension=${extensionDir}`],
  });
  const serviceWorker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  return {
    context,
    serviceWorker,
    extensionId: new URL(serviceWorker.url()).host,
    async close() {
      await context.close();
      rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

/**
 * The extension's service worker as it runs now. A test may stop it (CDP `ServiceWorker.stopAllWorkers`, as the
 * browser does to an idle worker); the next one starts on the next event, so wake it with a message from an
 * extension page if none is running.
 */
export async function liveServiceWorker(context: BrowserContext, extensionId: string): Promise<Worker> {
  const origin = `chrome-extension://${extensionId}/`;
  // Playwright keeps a stopped worker in its list (no 'close' event), and may reattach it when the worker starts again:
  // a worker counts as live if it answers. All are asked at once: a stopped one never answers, and asking each in
  // turn cost a second for every stopped one before the live one (on each storage read, after a test stopped it).
  const answering = (): Promise<Worker | undefined> => {
    const candidates = context.serviceWorkers().filter((worker) => worker.url().startsWith(origin));
    return new Promise((done) => {
      let unanswered = candidates.length;
      const timer = setTimeout(() => done(undefined), 1_000);
      const settle = (worker?: Worker) => {
        clearTimeout(timer);
        done(worker);
      };
      if (!unanswered) settle();
      for (const worker of candidates) {
        worker
          .evaluate(() => true)
          .then(
            () => settle(worker),
            () => --unanswered || settle(),
          );
      }
    });
  };
  const live = await answering();
  if (live) return live;
  const page = await context.newPage();
  try {
    await page.goto(`${origin}blank.html`);
    for (const deadline = Date.now() + 15_000; Date.now() < deadline; ) {
      await page.evaluate(() => chrome.runtime.sendMessage({ type: 'wake-up' }).catch(() => {}));
      const woken = await answering();
      if (woken) return woken;
      await page.waitForTimeout(250);
    }
    throw new Error("The extension's service worker did not start again within 15 s");
  } finally {
    await page.close();
  }
}

/** Stops the extension's service worker the way the browser does when it is idle (its memory goes, storage stays). */
export async function stopServiceWorker(page: Page): Promise<void> {
  const cdp = await page.context().newCDPSession(page);
  const stopped = new Promise<void>((done) => {
    cdp.on('ServiceWorker.workerVersionUpdated', ({ versions }) => {
      if (versions.some((version: { runningStatus: string }) => version.runningStatus === 'stopped')) done();
    });
  });
  try {
    await cdp.send('ServiceWorker.enable');
    await cdp.send('ServiceWorker.stopAllWorkers');
    await Promise.race([stopped, new Promise((done) => setTimeout(done, 5_000))]);
  } finally {
    await cdp.detach();
  }
}
