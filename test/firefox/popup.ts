// What every Firefox test file shares: its session with the suite's Firefox, a sandbox, a clean slate before each
// test, and finding the popup's controls by their accessible names. Names are resolved by Firefox's own
// accessibility tree (puppeteer's ::-p-aria selectors become BiDi `browsingContext.locateNodes` accessibility
// queries), as Playwright's getByRole/getByLabel resolve them in the Chromium tests.
import type { Browser, ElementHandle, Page } from 'puppeteer-core';
import { afterAll, afterEach, beforeAll, beforeEach, expect, inject } from 'vitest';
import { startSandbox, type RunningSandbox } from '../../sandbox';
import { connectFirefox, openExtensionPage } from './firefox';

export { apiCall, logged, queueFault, type SeedUser, seedUsers } from '../support/sandbox-api';

export interface FirefoxSuite {
  browser: Browser;
  sandbox: RunningSandbox;
  /** An extension page (blank.html, test build only) kept open for the file: storage, tabs and the badge are reached from it. */
  extension: Page;
  /** A new tab, closed after the test. */
  newTab(): Promise<Page>;
  /** The popup as a page in a new tab, closed after the test; `query` such as `?tab=12` names the tab it serves. */
  openPopup(query?: string): Promise<Page>;
}

/** Registers the file's hooks and returns the suite's handles (filled in before the first test). */
export function firefoxSuite(): FirefoxSuite {
  const opened: Page[] = [];
  const suite: FirefoxSuite = {
    browser: undefined as unknown as Browser,
    sandbox: undefined as unknown as RunningSandbox,
    extension: undefined as unknown as Page,
    async newTab() {
      const page = await suite.browser.newPage();
      opened.push(page);
      return page;
    },
    async openPopup(query = '') {
      const page = await openExtensionPage(suite.browser, `popup.html${query}`);
      opened.push(page);
      return page;
    },
  };
  beforeAll(async () => {
    suite.sandbox = await startSandbox({ port: 0 });
    suite.browser = await connectFirefox(inject('firefoxEndpoint'));
    suite.extension = await openExtensionPage(suite.browser, 'blank.html');
  });
  afterAll(async () => {
    await suite.extension?.close().catch(() => {});
    await suite.browser?.disconnect();
    await suite.sandbox?.close();
  });
  beforeEach(async () => {
    await resetAll(suite);
  });
  afterEach(async () => {
    for (const page of opened.splice(0)) await page.close().catch(() => {});
  });
  return suite;
}

/** A clean slate: the sandbox's seed, and an extension with nothing stored (no key, no cache, no drafts) and no badge. */
export async function resetAll({ sandbox, extension }: Pick<FirefoxSuite, 'sandbox' | 'extension'>): Promise<void> {
  sandbox.reset();
  await extension.evaluate(async () => {
    await browser.storage.local.clear();
    await browser.browserAction.setBadgeText({ text: '' });
  });
}

type Scope = Page | ElementHandle<Element>;

/** A puppeteer ARIA selector: the element whose computed role is `role` and accessible name is exactly `name`. */
export function aria(role: string, name?: string): string {
  return `::-p-aria(${name === undefined ? '' : `[name=${JSON.stringify(name)}]`}[role=${JSON.stringify(role)}])`;
}

/** The first element with this role and accessible name inside `scope`, waited for (like Playwright's getByRole). */
export async function getByRole(scope: Scope, role: string, name?: string, timeout = 5_000): Promise<ElementHandle<Element>> {
  const handle = await scope.waitForSelector(aria(role, name), { timeout });
  if (!handle) throw new Error(`no ${role} named ${JSON.stringify(name)}`);
  return handle;
}

/**
 * The form control whose accessible name is exactly `name` (like Playwright's getByLabel with exact: true), whatever
 * its role: Firefox's tree gives a password field and a <select> roles of their own, so the name alone is asked
 * for and the control among the matches (the <label> itself also carries the name) is taken.
 */
export async function getByLabel(scope: Scope, name: string, timeout = 5_000): Promise<ElementHandle<Element>> {
  const deadline = Date.now() + timeout;
  for (;;) {
    for (const handle of await scope.$$(`::-p-aria(${JSON.stringify(name)})`)) {
      if (await handle.evaluate((element) => element.matches('input, select, textarea, [role]:not(label)'))) return handle;
    }
    if (Date.now() > deadline) throw new Error(`no form control labelled ${JSON.stringify(name)} within ${timeout} ms`);
    await new Promise((done) => setTimeout(done, 50));
  }
}

/** The first element of any role whose accessible name is exactly `name` (a <summary>, say), waited for. */
export async function getByName(scope: Scope, name: string, timeout = 5_000): Promise<ElementHandle<Element>> {
  const handle = await scope.waitForSelector(`::-p-aria(${JSON.stringify(name)})`, { timeout });
  if (!handle) throw new Error(`nothing named ${JSON.stringify(name)}`);
  return handle;
}

/** How many elements with this role (and name) `scope` holds right now. */
export async function countByRole(scope: Scope, role: string, name?: string): Promise<number> {
  return (await scope.$$(aria(role, name))).length;
}

/**
 * Replaces a field's text, as Playwright's fill() does: focused, its value set in one go, one `input` event (what the
 * popup's fields listen to). Typing key by key works too (`handle.type()`), at one BiDi round trip a key.
 */
export async function fill(field: ElementHandle<Element>, text: string): Promise<void> {
  await field.focus();
  await field.evaluate((element, value) => {
    (element as HTMLInputElement).value = value;
    element.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertText', data: value }));
  }, text);
}

export const inputValue = (field: ElementHandle<Element>): Promise<string> => field.evaluate((element) => (element as HTMLInputElement).value);
export const isChecked = (field: ElementHandle<Element>): Promise<boolean> => field.evaluate((element) => (element as HTMLInputElement).checked);
export const isDisabled = (field: ElementHandle<Element>): Promise<boolean> => field.evaluate((element) => (element as HTMLButtonElement).disabled);
export const textOf = (element: ElementHandle<Element>): Promise<string> => element.evaluate((node) => node.textContent ?? '');

/** Waits until `read()` gives `expected` (vitest's expect.poll, with the suite's default timeout). */
export function eventually<T>(read: () => Promise<T>, timeout = 5_000) {
  return expect.poll(read, { timeout, interval: 50 });
}

/** Opens the popup in a new tab and connects it to the sandbox through its set-up form, as a first-time user does. */
export async function connectThroughSetup(suite: FirefoxSuite, query = ''): Promise<Page> {
  const { sandbox } = suite;
  const popup = await suite.openPopup(query);
  await fill(await getByLabel(popup, 'API key'), sandbox.apiKey);
  await fill(await getByLabel(popup, 'Organization ID'), sandbox.organizationId);
  await (await getByName(popup, 'Advanced')).click();
  await fill(await getByLabel(popup, 'API base URL'), sandbox.apiBaseUrl);
  await (await getByRole(popup, 'button', 'Connect')).click();
  await getByRole(popup, 'tab', 'Embed', 10_000);
  return popup;
}

/** The texts of every element with this role, as shown now. */
export async function textsByRole(scope: Scope, role: string): Promise<string[]> {
  return Promise.all((await scope.$$(aria(role))).map(textOf));
}

/** The save this popup sent has succeeded: a status says "Saved.", and Revert is off (no draft left). */
export async function expectSaved(popup: Page, timeout = 5_000): Promise<void> {
  await eventually(() => textsByRole(popup, 'status'), timeout).toContain('Saved.');
  expect(await isDisabled(await getByRole(popup, 'button', 'Revert'))).toBe(true);
}

/** What the extension keeps in `storage.local` (or `storage.sync`): `keys`, or everything. Read from one of its pages. */
export function stored(extension: Page, area: 'local' | 'sync' = 'local', keys: string[] | null = null): Promise<Record<string, unknown>> {
  return extension.evaluate((name, only) => browser.storage[name].get(only), area, keys);
}

/** A CSS property of the first element matching `selector` (`>>>` pierces shadow roots, as the popup's preview card sits in one). */
export async function cssOf(scope: Scope, selector: string, property: string): Promise<string | undefined> {
  const element = await scope.$(selector);
  return element?.evaluate((node, name) => getComputedStyle(node).getPropertyValue(name), property);
}

/** Picks a user in the Permissions tab's combobox by typing and Enter, as from the keyboard. */
export async function pickUser(popup: Page, text: string): Promise<void> {
  const picker = await getByRole(popup, 'combobox', 'User');
  await fill(picker, text);
  await getByRole(popup, 'option');
  await picker.press('Enter');
  await getByRole(popup, 'table');
}

/** The toolbar button's badge text (MV2: browserAction), read from an extension page. */
export function badgeText(extension: Page): Promise<string> {
  // Firefox's browserAction answers with a promise; the chrome-derived types know only the callback form.
  type PromisedBadge = { getBadgeText(details: object): Promise<string> };
  return extension.evaluate(() => (browser.browserAction as unknown as PromisedBadge).getBadgeText({}));
}

/**
 * The open shadow root of the first `host` on the page, as a scope for getByRole/getByName. Firefox's accessibility
 * locator (BiDi locateNodes) does not cross a shadow boundary from outside, but finds names from inside the root.
 */
export async function shadowRootOf(page: Page, host: string): Promise<ElementHandle<Element>> {
  const root = (await page.evaluateHandle((selector) => document.querySelector(selector)?.shadowRoot ?? null, host)).asElement();
  if (!root) throw new Error(`no ${host} with an open shadow root`);
  return root as ElementHandle<Element>; // a ShadowRoot node: puppeteer queries it as it queries an element
}
