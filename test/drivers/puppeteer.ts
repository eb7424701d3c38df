// The driver interface (driver.ts) over puppeteer-core's Firefox (WebDriver BiDi) with the Firefox test build of the
// extension installed (test/firefox/firefox.ts launches it). Names are resolved by Firefox's own accessibility tree:
// puppeteer's ::-p-aria selectors become BiDi `browsingContext.locateNodes` accessibility queries, as Playwright's
// getByRole/getByLabel resolve them in Chromium. `browser` in evaluate() is the extension's WebExtension API.
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, ElementHandle, Page } from 'puppeteer-core';
import type { RunningSandbox } from '../../sandbox';
import { openExtensionPage } from '../firefox/firefox';
import { screenshotPath } from '../support/screenshots';
import { axeFindings, tabOver, type Element as Found, type Expect, type ExtensionDriver, type FindOptions, type Scope, type Tab } from './driver';

const WAIT = 5_000;
const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
type Root = Page | ElementHandle<Node>;

/** A puppeteer ARIA selector: the element whose computed role is `role` and accessible name is exactly `name`. */
const aria = (role: string, name?: string) =>
  `::-p-aria(${name === undefined ? '' : `[name=${JSON.stringify(name)}]`}[role=${JSON.stringify(role)}])`;

const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));

let uploadsFolder: string | undefined;
/** This run's folder of files chosen for file inputs, removed when the process ends. */
function uploads(): string {
  if (!uploadsFolder) {
    const folder = mkdtempSync(join(tmpdir(), 'statuspage-uploads-'));
    process.once('exit', () => rmSync(folder, { recursive: true, force: true }));
    uploadsFolder = folder;
  }
  return uploadsFolder;
}

function elementOf(node: ElementHandle<Element>): Found {
  return {
    click: () => node.click(),
    // Replaces the text as Playwright's fill() does: focused, the value set in one go, one `input` event. (Typing key
    // by key works too, at one BiDi round trip a key; select-all shortcuts were unreliable.)
    async fill(text) {
      await node.focus();
      await node.evaluate((element, value) => {
        (element as HTMLInputElement).value = value;
        element.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertText', data: value }));
      }, text);
    },
    select: async (value) => void (await (node as ElementHandle<HTMLSelectElement>).select(value)),
    press: (key) => node.press(key as never),
    value: () => node.evaluate((element) => (element as HTMLInputElement).value),
    checked: () => node.evaluate((element) => (element as HTMLInputElement).checked),
    disabled: () => node.evaluate((element) => (element as HTMLButtonElement).disabled),
    focused: () => node.evaluate((element) => element === element.ownerDocument.activeElement),
    text: () => node.evaluate((element) => element.textContent ?? ''),
    attribute: (name) => node.evaluate((element, attribute) => element.getAttribute(attribute), name),
    description: () =>
      node.evaluate((element) =>
        (element.getAttribute('aria-describedby') ?? '')
          .split(' ')
          .map((id) => element.ownerDocument.getElementById(id)?.textContent ?? '')
          .join(' ')
          .trim(),
      ),
    css: (property) => node.evaluate((element, name) => getComputedStyle(element).getPropertyValue(name), property),
    box: () => node.boundingBox(),
    // Firefox reads a chosen file from disk when the page reads it, not when it is chosen: the file stays until the
    // run ends (a folder of its own, as the page sees the name given).
    async upload(name, text) {
      const folder = mkdtempSync(join(uploads(), 'file-'));
      writeFileSync(join(folder, name), text);
      await (node as ElementHandle<HTMLInputElement>).uploadFile(join(folder, name));
    },
    within: () => scopeOf(node),
  };
}

async function waited(root: Root, selector: string, { timeout = WAIT, visible }: FindOptions & { visible?: boolean } = {}): Promise<Found> {
  const handle = await (root as Page).waitForSelector(selector, { timeout, visible });
  if (!handle) throw new Error(`nothing matches ${selector}`);
  return elementOf(handle as ElementHandle<Element>);
}

function scopeOf(root: Root): Scope {
  const scope = root as Page;
  return {
    byRole: (role, name, options) => waited(root, aria(role, name), options),
    // The role from Firefox's tree, the name read from the element's text (what a button's name is made of).
    async byRoleMatching(role, name, { timeout = WAIT } = {}) {
      const deadline = Date.now() + timeout;
      for (;;) {
        for (const handle of await scope.$$(aria(role))) {
          if (name.test(((await handle.evaluate((element) => element.textContent)) ?? '').trim())) return elementOf(handle as ElementHandle<Element>);
        }
        if (Date.now() > deadline) throw new Error(`no ${role} named like ${name} within ${timeout} ms`);
        await sleep(50);
      }
    },
    // Firefox's tree gives a password field and a <select> roles of their own, so the name alone is asked for and the
    // control among the matches (the <label> itself also carries the name) is taken.
    async byLabel(name, { timeout = WAIT } = {}) {
      const deadline = Date.now() + timeout;
      for (;;) {
        for (const handle of await scope.$$(`::-p-aria(${JSON.stringify(name)})`)) {
          if (await handle.evaluate((element) => element.matches('input, select, textarea, [role]:not(label)')))
            return elementOf(handle as ElementHandle<Element>);
        }
        // A file input is a group around a button in Firefox's tree: the control its <label> names, as HTML has it.
        const node = 'mainFrame' in root ? await root.evaluateHandle(() => document) : root;
        const labelled = (
          await (node as ElementHandle<Node>).evaluateHandle(
            (node, text) => [...(node as ParentNode).querySelectorAll('label')].find((label) => label.textContent?.trim() === text)?.control ?? null,
            name,
          )
        ).asElement();
        if (labelled) return elementOf(labelled as ElementHandle<Element>);
        if (Date.now() > deadline) throw new Error(`no form control labelled ${JSON.stringify(name)} within ${timeout} ms`);
        await sleep(50);
      }
    },
    byName: (name, options) => waited(root, `::-p-aria(${JSON.stringify(name)})`, options),
    byTestId: (id, options) => waited(root, `[data-testid=${JSON.stringify(id)}]`, options),
    // puppeteer's text query, which pierces shadow roots; only a shown element counts.
    byText: (text, options) => waited(root, `::-p-text(${text})`, { ...options, visible: true }),
    // `>>>` crosses into an open shadow root.
    byCss: (selectors, options) => waited(root, [selectors].flat().join(' >>> '), options),
    count: async (role, name) => (await scope.$$(aria(role, name))).length,
    texts: async (role) => Promise.all((await scope.$$(aria(role))).map((handle) => handle.evaluate((element) => element.textContent ?? ''))),
  };
}

/** Where Firefox saves this test file's downloads: a fresh folder, set through WebDriver BiDi's browser.setDownloadBehavior. */
async function downloadFolder(page: Page): Promise<string> {
  const folder = mkdtempSync(join(tmpdir(), 'statuspage-downloads-'));
  // puppeteer has no API for it over BiDi on the default user context: the command goes over its connection.
  const { connection } = page.browser() as unknown as { connection: { send(method: string, params: object): Promise<unknown> } };
  await connection.send('browser.setDownloadBehavior', { downloadBehavior: { type: 'allowed', destinationFolder: folder } });
  return folder;
}

export function tabOf(page: Page): Tab {
  return tabOver(page, scopeOf(page), {
    setViewport: (width, height) => page.setViewport({ width, height }),
    // puppeteer emulates media features over CDP only: Firefox's BiDi session refuses it.
    emulateColorScheme: async (scheme) => {
      throw new Error(`Firefox over WebDriver BiDi cannot emulate prefers-color-scheme: ${scheme}`);
    },
    // Firefox's accessibility locator (BiDi locateNodes) does not cross a shadow boundary from outside, but finds
    // names from inside the root: the root itself is the scope.
    async shadowRoot(host) {
      const root = (await page.evaluateHandle((selector) => document.querySelector(selector)?.shadowRoot ?? null, host)).asElement();
      if (!root) throw new Error(`no ${host} with an open shadow root`);
      return scopeOf(root as ElementHandle<Node>);
    },
    screenshot: async (name) => void (await page.screenshot({ path: screenshotPath(`firefox-${name}`) as `${string}.png` })),
    // axe is evaluated into the page over BiDi (a <script> the page loads would be refused by the extension's CSP).
    async axe(include) {
      if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(AXE_SOURCE);
      // The whole results would be a large answer over BiDi: only what axeFindings reads comes back.
      const results = await page.evaluate(async (only) => {
        type Results = { passes: unknown[]; violations: Array<{ id: string; impact?: string | null; nodes: Array<{ target: unknown[] }> }> };
        const { axe } = window as unknown as { axe: { run(context: unknown): Promise<Results> } };
        const { passes, violations } = await axe.run(only ? { include: [only] } : document);
        return {
          passes: passes.map(() => 0),
          violations: violations.map(({ id, impact, nodes }) => ({ id, impact, nodes: nodes.map(({ target }) => ({ target })) })),
        };
      }, include);
      return axeFindings(results);
    },
    // Complete once no .part file is left beside it (Firefox puts an empty placeholder under the final name at first).
    async download(click) {
      const folder = await downloadFolder(page);
      try {
        await click();
        const deadline = Date.now() + WAIT;
        for (;;) {
          const files = readdirSync(folder);
          const name = files.find((file) => !file.endsWith('.part'));
          if (name && !files.some((file) => file.endsWith('.part'))) return { name, text: readFileSync(join(folder, name), 'utf8') };
          if (Date.now() > deadline) throw new Error(`no download finished within ${WAIT} ms`);
          await sleep(50);
        }
      } finally {
        rmSync(folder, { recursive: true, force: true });
      }
    },
  });
}

export interface FirefoxDriver extends ExtensionDriver {
  /** Closes the tabs this driver opened. */
  closeTabs(): Promise<void>;
}

/**
 * The driver over a test file's session with the suite's Firefox. `extension` is an extension page (blank.html, test
 * build only) kept open for the file: storage, tabs and the badge are reached from it (Firefox has no service worker
 * to evaluate in).
 */
export function firefoxDriver(firefox: Browser, extension: Page, sandbox: RunningSandbox, expect: Expect): FirefoxDriver {
  const opened: Page[] = [];
  const keep = (page: Page) => {
    opened.push(page);
    return page;
  };
  return {
    browser: 'firefox',
    sandbox,
    expect,
    openPopup: async (query = '') => tabOf(keep(await openExtensionPage(firefox, `popup.html${query}`))),
    openExtensionPage: async (path) => tabOf(keep(await openExtensionPage(firefox, path))),
    newTab: async () => tabOf(keep(await firefox.newPage())),
    // The page is answered by request interception (BiDi network.provideResponse).
    async openManagePage(path, html) {
      const page = keep(await firefox.newPage());
      await page.setRequestInterception(true);
      const requests: string[] = [];
      page.on('request', (request) => {
        if (request.url().startsWith('https://manage.statuspage.io/')) void request.respond({ status: 200, contentType: 'text/html', body: html });
        else {
          requests.push(request.url());
          void request.continue();
        }
      });
      await page.goto(`https://manage.statuspage.io${path}`);
      return { tab: tabOf(page), requests };
    },
    // All tabs are listed and compared by address: Firefox's match patterns (what tabs.query({ url }) takes) cannot name a port.
    async tabIdOf(url) {
      const id = await extension.evaluate(async (address) => (await browser.tabs.query({})).find((tab) => tab.url === address)?.id, url);
      if (id === undefined) throw new Error(`no tab shows ${url}`);
      return id;
    },
    stored: (area = 'local', keys = null) => extension.evaluate((name, only) => browser.storage[name].get(only), area, keys),
    store: (items) => extension.evaluate((values) => browser.storage.local.set(values), items),
    unstore: (keys) => extension.evaluate((names) => browser.storage.local.remove(names), keys),
    badge() {
      // Firefox's browserAction answers with a promise; the chrome-derived types know only the callback form.
      type PromisedBadge = { getBadgeText(details: object): Promise<string> };
      return extension.evaluate(() => (browser.browserAction as unknown as PromisedBadge).getBadgeText({}));
    },
    async clearExtension() {
      await extension.evaluate(async () => {
        await browser.storage.local.clear();
        await browser.browserAction.setBadgeText({ text: '' });
      });
    },
    async closeTabs() {
      for (const page of opened.splice(0)) await page.close().catch(() => {});
    },
  };
}
