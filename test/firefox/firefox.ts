// One Firefox (Debian's firefox-esr, driven by puppeteer-core over WebDriver BiDi) for the whole Firefox suite,
// with the Firefox test build of the extension installed as a temporary add-on. The global setup launches it once
// (about 1.5 s, 530 MB with a popup open); each test file connects to it and opens a fresh tab per test.
import { mkdtempSync, readFileSync, existsSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { findFirefox } from '../../scripts/find-firefox.mjs';

/** The Firefox test build (`npm run build:extension:firefox:test`): it may reach 127.0.0.1 and read manage.statuspage.io tabs. */
export const FIREFOX_EXTENSION_DIR = resolve('.output/firefox-mv2-test');
/** The Firefox store build (`npm run build:extension:firefox`): only the real API, other origins asked for at run time. */
export const FIREFOX_STORE_EXTENSION_DIR = resolve('.output/firefox-mv2');

/**
 * The extension's internal UUID, fixed through the `extensions.webextensions.uuids` pref so that its pages have a
 * known address (Firefox otherwise draws a random one at install).
 */
export const EXTENSION_UUID = '5e7a1c3b-9d2f-4e8a-b6c1-0f4d2a9e7b35';

export const extensionUrl = (path: string): string => `moz-extension://${EXTENSION_UUID}/${path}`;

/** The add-on id of the build, from its manifest (wxt.config.ts writes it). */
function geckoId(extensionDir: string): string {
  const manifestPath = join(extensionDir, 'manifest.json');
  if (!existsSync(manifestPath)) {
    const script = extensionDir === FIREFOX_STORE_EXTENSION_DIR ? 'build:extension:firefox' : 'build:extension:firefox:test';
    throw new Error(`No Firefox build of the extension in ${extensionDir}: run npm run ${script}`);
  }
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as { browser_specific_settings?: { gecko?: { id?: string } } };
  const id = manifest.browser_specific_settings?.gecko?.id;
  if (!id) throw new Error(`${manifestPath} names no gecko id (browser_specific_settings.gecko.id)`);
  return id;
}

export interface LaunchedFirefox {
  /** The WebDriver BiDi endpoint test files connect to. */
  endpoint: string;
  close(): Promise<void>;
}

/**
 * Starts a headless Firefox with a fresh profile and the extension installed, and lets go of it for the test files.
 * `prefs` are added to the profile's.
 */
export async function launchFirefox(extensionDir = FIREFOX_EXTENSION_DIR, prefs: Record<string, unknown> = {}): Promise<LaunchedFirefox> {
  const id = geckoId(extensionDir);
  const executablePath = findFirefox();
  if (!executablePath) throw new Error("No Firefox found: set FIREFOX_PATH or install Debian's firefox-esr (apt-get install firefox-esr).");
  const profile = mkdtempSync(join(tmpdir(), 'statuspage-firefox-'));
  const browser = await puppeteer
    .launch({
      browser: 'firefox',
      executablePath,
      headless: true,
      userDataDir: profile,
      // Without it WebDriver BiDi refuses to navigate a tab to a moz-extension:// page.
      args: ['--remote-allow-system-access'],
      extraPrefsFirefox: { ...prefs, 'extensions.webextensions.uuids': JSON.stringify({ [id]: EXTENSION_UUID }) },
    })
    .catch((error: Error) => {
      rmSync(profile, { recursive: true, force: true });
      throw new Error(`Firefox (${executablePath}) did not start: ${error.message}`);
    });
  const child = browser.process();
  try {
    await browser.installExtension(extensionDir); // a temporary add-on (BiDi webExtension.install): its host permissions are granted
  } catch (error) {
    await browser.close();
    rmSync(profile, { recursive: true, force: true });
    throw error;
  }
  const endpoint = browser.wsEndpoint();
  await browser.disconnect(); // Firefox keeps running; one BiDi session at a time, so each test file connects in turn
  return {
    endpoint,
    async close() {
      if (child && child.exitCode === null) {
        const exited = new Promise((done) => child.once('exit', done));
        child.kill('SIGTERM');
        await Promise.race([exited, new Promise((done) => setTimeout(done, 5_000))]);
        if (child.exitCode === null) child.kill('SIGKILL');
      }
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** A test file's own session with the suite's Firefox. */
export function connectFirefox(endpoint: string): Promise<Browser> {
  return puppeteer.connect({ browserWSEndpoint: endpoint, protocol: 'webDriverBiDi' });
}

const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));

/**
 * Opens one of the extension's pages in a new tab. Over BiDi, `page.goto()` to a moz-extension:// address never
 * resolves (no load event reaches it, and `page.url()` stays about:blank), so the navigation is started without
 * waiting and the tab's own `location` and `readyState` are polled; the old realm can vanish under a call, so a
 * failed poll is retried.
 */
export async function openExtensionPage(browser: Browser, path: string, timeout = 10_000): Promise<Page> {
  const page = await browser.newPage();
  const url = extensionUrl(path);
  page.goto(url).catch(() => {}); // settles late or never; the poll below decides
  const deadline = Date.now() + timeout;
  let last = 'nothing';
  while (Date.now() < deadline) {
    try {
      const [href, state] = await page.evaluate(() => [location.href, document.readyState]);
      if (href === url && state === 'complete') return page;
      last = `${href} (${state})`;
    } catch (error) {
      last = (error as Error).message;
    }
    await sleep(50);
  }
  await page.close().catch(() => {});
  throw new Error(`${url} did not load within ${timeout} ms (last seen: ${last})`);
}
