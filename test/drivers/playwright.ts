/// <reference types="chrome" />
// The driver interface (driver.ts) over Playwright's Chromium with the test build of the extension loaded.
// `chrome` is what the service worker's evaluate() runs against, inside the extension.
import { readFile } from 'node:fs/promises';
import AxeBuilder from '@axe-core/playwright';
import type { BrowserContext, Locator, Page } from '@playwright/test';
import type { RunningSandbox } from '../../sandbox';
import { liveServiceWorker, stopServiceWorker } from '../support/chromium';
import { fillSetupForm } from '../scenarios/steps';
import { screenshotPath } from '../support/screenshots';
import { axeFindings, tabOver, type Element as Found, type Expect, type ExtensionDriver, type FindOptions, type Scope, type Tab } from './driver';

const WAIT = 5_000;

/** The texts aria-describedby names, joined: what a screen reader reads after the element's name. */
function describedBy(element: HTMLElement | SVGElement): string {
  return (element.getAttribute('aria-describedby') ?? '')
    .split(' ')
    .map((id) => element.ownerDocument.getElementById(id)?.textContent ?? '')
    .join(' ')
    .trim();
}

function elementOf(locator: Locator): Found {
  return {
    click: () => locator.click(),
    fill: (text) => locator.fill(text),
    select: async (value) => void (await locator.selectOption(value)),
    press: (key) => locator.press(key),
    value: () => locator.inputValue(),
    checked: () => locator.isChecked(),
    disabled: () => locator.isDisabled(),
    focused: () => locator.evaluate((node) => node === node.ownerDocument.activeElement),
    text: async () => (await locator.textContent()) ?? '',
    attribute: (name) => locator.getAttribute(name),
    description: () => locator.evaluate(describedBy),
    css: (property) => locator.evaluate((node, name) => getComputedStyle(node).getPropertyValue(name), property),
    box: () => locator.boundingBox(),
    upload: (name, text) => locator.setInputFiles({ name, mimeType: 'text/csv', buffer: Buffer.from(text) }),
    within: () => scopeOf(locator),
  };
}

async function found(locator: Locator, { timeout = WAIT }: FindOptions = {}): Promise<Found> {
  const first = locator.first();
  await first.waitFor({ timeout });
  return elementOf(first);
}

function scopeOf(root: Page | Locator): Scope {
  const role = (name?: string) => (name === undefined ? {} : { name, exact: true });
  return {
    byRole: (kind, name, options) => found(root.getByRole(kind as Parameters<Page['getByRole']>[0], role(name)), options),
    // A locator by a pattern matches the same element whatever its count says now.
    byRoleMatching: (kind, name, options) => found(root.getByRole(kind as Parameters<Page['getByRole']>[0], { name }), options),
    byLabel: (name, options) => found(root.getByLabel(name, { exact: true }), options),
    byName: (name, options) => found(root.getByText(name, { exact: true }), options),
    byTestId: (id, options) => found(root.getByTestId(id), options),
    byText: (text, options) => found(root.getByText(text), options),
    // Playwright's CSS locators pierce open shadow roots by themselves.
    byCss: (selectors, options) =>
      found([selectors].flat().reduce<Page | Locator>((scope, selector) => scope.locator(selector), root) as Locator, options),
    count: (kind, name) => root.getByRole(kind as Parameters<Page['getByRole']>[0], role(name)).count(),
    texts: (kind) => root.getByRole(kind as Parameters<Page['getByRole']>[0]).allTextContents(),
  };
}

export function tabOf(page: Page): Tab {
  return tabOver(page, scopeOf(page), {
    setViewport: (width, height) => page.setViewportSize({ width, height }),
    emulateColorScheme: (colorScheme) => page.emulateMedia({ colorScheme }),
    // Playwright's locators pierce open shadow roots: the host's scope finds what is inside.
    shadowRoot: async (host) => {
      await page.locator(host).first().waitFor({ timeout: WAIT });
      return scopeOf(page.locator(host).first());
    },
    screenshot: async (name) => void (await page.screenshot({ path: screenshotPath(name) })),
    async axe(include) {
      const builder = new AxeBuilder({ page });
      return axeFindings(await (include ? builder.include(include) : builder).analyze());
    },
    async download(click) {
      const [download] = await Promise.all([page.waitForEvent('download'), click()]);
      return { name: download.suggestedFilename(), text: await readFile((await download.path()) ?? '', 'utf8') };
    },
  });
}

export interface ChromiumDriver extends ExtensionDriver {
  /** A new tab as Playwright's page, closed after the test. */
  newPage(): Promise<Page>;
  /** The popup as a page in a new tab (`query` as for openPopup), closed after the test. */
  popupPage(query?: string): Promise<Page>;
  /** openManagePage's tab as Playwright's page. */
  managePage(path: string, html?: string): Promise<{ page: Page; requests: string[] }>;
  /** Stops the extension's service worker the way the browser does when it is idle. */
  stopWorker(): Promise<void>;
  /** Closes the tabs this driver opened. */
  closeTabs(): Promise<void>;
}

/** What a manage.statuspage.io tab shows when a test does not say (the content script runs on any of its pages). */
const MANAGE_HTML = '<!doctype html><html lang="en"><title>Statuspage</title><h1>Statuspage</h1></html>';

export function chromiumDriver(context: BrowserContext, extensionId: string, sandbox: RunningSandbox, expect: Expect): ChromiumDriver {
  const opened: Page[] = [];
  const newPage = async () => {
    const page = await context.newPage();
    opened.push(page);
    return page;
  };
  const worker = () => liveServiceWorker(context, extensionId);
  const popupPage = async (query = '') => {
    const page = await newPage();
    await page.goto(`chrome-extension://${extensionId}/popup.html${query}`);
    return page;
  };
  const managePage = async (path: string, html = MANAGE_HTML) => {
    const page = await newPage();
    const requests: string[] = [];
    await page.route('https://manage.statuspage.io/**', (route) => route.fulfill({ contentType: 'text/html', body: html }));
    const address = `https://manage.statuspage.io${path}`;
    page.on('request', (request) => {
      if (request.url() !== address) requests.push(request.url());
    });
    await page.goto(address);
    return { page, requests };
  };
  return {
    browser: 'chromium',
    sandbox,
    expect,
    newPage,
    popupPage,
    managePage,
    openPopup: async (query) => tabOf(await popupPage(query)),
    openExtensionPage: async (path) => {
      const page = await newPage();
      await page.goto(`chrome-extension://${extensionId}/${path}`);
      return tabOf(page);
    },
    newTab: async () => tabOf(await newPage()),
    async openManagePage(path, html) {
      const { page, requests } = await managePage(path, html);
      return { tab: tabOf(page), requests };
    },
    async tabIdOf(url) {
      const id = await (await worker()).evaluate(async (address) => (await chrome.tabs.query({})).find((tab) => tab.url === address)?.id, url);
      if (id === undefined) throw new Error(`no tab shows ${url}`);
      return id;
    },
    stored: async (area = 'local', keys = null) => (await worker()).evaluate(([name, only]) => chrome.storage[name].get(only), [area, keys] as const),
    store: async (items) => (await worker()).evaluate((values) => chrome.storage.local.set(values), items),
    unstore: async (keys) => (await worker()).evaluate((names) => chrome.storage.local.remove(names), keys),
    badge: async () => (await worker()).evaluate(() => chrome.action.getBadgeText({})),
    async clearExtension() {
      await (await worker()).evaluate(async () => {
        await chrome.storage.local.clear();
        await chrome.action.setBadgeText({ text: '' });
      });
    },
    async stopWorker() {
      const page = await newPage();
      await stopServiceWorker(page);
    },
    async closeTabs() {
      for (const page of opened.splice(0)) await page.close().catch(() => {});
    },
  };
}

/** Opens the popup as a page and connects the extension to the sandbox through its set-up form (test/scenarios/steps.ts). */
export async function connectThroughSetup(page: Page, extensionId: string, sandbox: RunningSandbox): Promise<void> {
  await page.goto(`chrome-extension://${extensionId}/popup.html`);
  const popup = tabOf(page);
  await fillSetupForm(popup, sandbox);
  await popup.byRole('tab', 'Embed', { timeout: 10_000 });
}
