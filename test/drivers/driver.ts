// One small interface over the two browser drivers, so that a scenario (test/scenarios) is written once and runs in
// Chromium (Playwright, test/e2e) and in Firefox (puppeteer-core over WebDriver BiDi, test/firefox). Elements are
// found as a person finds them: by role and accessible name, by label, by name. Names match exactly.
import type { RunningSandbox } from '../../sandbox';

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** One element on a page (a control, a region, a card). Reads wait for it to be there. */
export interface Element {
  click(): Promise<void>;
  /** Replaces a field's text in one go, as a paste does (one `input` event). */
  fill(text: string): Promise<void>;
  /** Picks the <option> whose value is `value`. */
  select(value: string): Promise<void>;
  press(key: string): Promise<void>;
  value(): Promise<string>;
  checked(): Promise<boolean>;
  disabled(): Promise<boolean>;
  focused(): Promise<boolean>;
  text(): Promise<string>;
  attribute(name: string): Promise<string | null>;
  /** Its accessible description: the texts its aria-describedby names, as a screen reader reads them after its name. */
  description(): Promise<string>;
  css(property: string): Promise<string>;
  box(): Promise<Box | null>;
  /** Chooses a file for a file input, as a person picking `name` (holding `text`) in the file chooser does. */
  upload(name: string, text: string): Promise<void>;
  /** Elements inside it, found the same ways. */
  within(): Scope;
}

export interface FindOptions {
  /** How long to wait for it (5 s). */
  timeout?: number;
}

/** Where elements are found: a page, or an element (a dialog, a row). */
export interface Scope {
  byRole(role: string, name?: string, options?: FindOptions): Promise<Element>;
  /**
   * The element with this role whose name matches `name`, for a name that changes while it is used ("3 more now
   * match: show them" counting on): the element is kept, not found again by the name it had.
   */
  byRoleMatching(role: string, name: RegExp, options?: FindOptions): Promise<Element>;
  /** The form control whose accessible name is exactly `name`, whatever its role. */
  byLabel(name: string, options?: FindOptions): Promise<Element>;
  /** The element of any role whose accessible name is exactly `name` (a <summary>, say). */
  byName(name: string, options?: FindOptions): Promise<Element>;
  byTestId(id: string, options?: FindOptions): Promise<Element>;
  /** The first visible element whose text contains `text`. */
  byText(text: string, options?: FindOptions): Promise<Element>;
  /**
   * The element a CSS selector names, for what has no role or name (an error message by its id, the preview's
   * card). Several selectors: each inside the open shadow root of what the one before it names.
   */
  byCss(selectors: string | string[], options?: FindOptions): Promise<Element>;
  /** How many elements with this role (and exact name) there are now. */
  count(role: string, name?: string): Promise<number>;
  /** The texts of every element with this role, as shown now. */
  texts(role: string): Promise<string[]>;
}

/** What Playwright's and puppeteer's pages have alike (the same names, the same meaning). */
export interface LibraryPage {
  url(): string;
  goto(url: string): Promise<unknown>;
  reload(): Promise<unknown>;
  close(): Promise<void>;
  evaluate(fn: never, arg: never): Promise<unknown>;
  keyboard: { press(key: never): Promise<void> };
}

type Alike = 'url' | 'goto' | 'reload' | 'close' | 'press' | 'evaluate';

/**
 * A Tab over either library's page: what both pages do alike written here, with the driver's `scope` on the page and
 * the `rest` that differs. `url` stays a live getter (Object.assign copies the others onto this object, keeping it).
 */
export function tabOver(page: LibraryPage, scope: Scope, rest: Omit<Tab, keyof Scope | Alike>): Tab {
  const alike: Pick<Tab, Alike> = {
    get url() {
      return page.url();
    },
    goto: async (url) => void (await page.goto(url)),
    reload: async () => void (await page.reload()),
    close: () => page.close(),
    press: (key) => page.keyboard.press(key as never),
    evaluate: (fn, arg) => page.evaluate(fn as never, arg as never) as never,
  };
  return Object.assign(alike, scope, rest);
}

/** A tab of the browser. */
export interface Tab extends Scope {
  readonly url: string;
  goto(url: string): Promise<void>;
  reload(): Promise<void>;
  close(): Promise<void>;
  /** Presses a key on whatever has focus. */
  press(key: string): Promise<void>;
  /** Runs a function in the page and returns what it returns (JSON). */
  evaluate<T, A>(fn: (arg: A) => T | Promise<T>, arg: A): Promise<T>;
  setViewport(width: number, height: number): Promise<void>;
  /** prefers-color-scheme as the page sees it (Chromium only: puppeteer does it over CDP, which Firefox lacks). */
  emulateColorScheme(scheme: 'light' | 'dark'): Promise<void>;
  /** The open shadow root of the first `host` element, as a scope (what an injected card draws in). */
  shadowRoot(host: string): Promise<Scope>;
  /** A picture of the tab, for a person to look at (test/support/screenshots.ts says where it goes). */
  screenshot(name: string): Promise<void>;
  /** axe-core on the page now (or only inside what `include` names): how many rules passed, and its violations. */
  axe(include?: string): Promise<AxeFindings>;
  /** The file the page downloads when `click` runs (a link's download, a blob's): its name and text. */
  download(click: () => Promise<void>): Promise<{ name: string; text: string }>;
}

export interface ExtensionDriver {
  readonly browser: 'chromium' | 'firefox';
  readonly sandbox: RunningSandbox;
  /** The runner's own `expect` (Playwright's or Vitest's): scenarios use what both have. */
  readonly expect: Expect;
  /** The popup as a page in a new tab, closed after the test; `query` such as `?tab=12` names the tab it serves. */
  openPopup(query?: string): Promise<Tab>;
  /** A new tab, closed after the test. */
  newTab(): Promise<Tab>;
  /** One of the extension's pages (`sidepanel.html`, say) as a page in a new tab, closed after the test. */
  openExtensionPage(path: string): Promise<Tab>;
  /**
   * A manage.statuspage.io tab at `path`, its page answered locally with `html` (request interception), where the
   * extension's content script runs. `requests` collects every other address the tab asks for.
   */
  openManagePage(path: string, html: string): Promise<{ tab: Tab; requests: string[] }>;
  /** The browser's id for the tab showing `url` (what the popup's `?tab=` names). */
  tabIdOf(url: string): Promise<number>;
  /** What the extension keeps in storage (`keys`, or everything). */
  stored(area?: 'local' | 'sync', keys?: string[] | null): Promise<Record<string, unknown>>;
  /** Writes these items into the extension's storage, as the extension itself would (a cache made older, say). */
  store(items: Record<string, unknown>): Promise<void>;
  /** Removes these items from the extension's storage, as a reset or another window would. */
  unstore(keys: string[]): Promise<void>;
  /** The toolbar button's badge text. */
  badge(): Promise<string>;
  /** Nothing stored (no key, no cache, no drafts) and no badge. */
  clearExtension(): Promise<void>;
}

/** What scenarios use of an `expect`: both Playwright's and Vitest's have these. */
export interface Matchers<R> {
  toBe(expected: unknown): R;
  toEqual(expected: unknown): R;
  toContain(expected: unknown): R;
  toContainEqual(expected: unknown): R;
  toMatch(expected: RegExp | string): R;
  toMatchObject(expected: object): R;
  toHaveLength(length: number): R;
  toBeGreaterThan(value: number): R;
  toBeGreaterThanOrEqual(value: number): R;
  toBeLessThan(value: number): R;
  toBeLessThanOrEqual(value: number): R;
  not: Matchers<R>;
}

export interface Expect {
  (actual: unknown, message?: string): Matchers<void>;
  poll(read: () => unknown, options: { timeout: number }): Matchers<Promise<void>>;
  stringContaining(text: string): unknown;
  any(type: unknown): unknown;
}

export interface AxeFindings {
  passed: number;
  /** The serious and critical violations, each with where it is. */
  violations: string[];
  /** The minor and moderate ones. */
  lesser: string[];
}

/** What axe-core's results come to for a test: how many rules passed, and each violation where it is. */
export function axeFindings(results: {
  passes: unknown[];
  violations: Array<{ id: string; impact?: string | null; nodes: Array<{ target: unknown[] }> }>;
}): AxeFindings {
  const serious = (impact?: string | null) => impact === 'serious' || impact === 'critical';
  const described = (list: typeof results.violations) =>
    list.map((violation) => `${violation.impact} ${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`);
  return {
    passed: results.passes.length,
    violations: described(results.violations.filter((violation) => serious(violation.impact))),
    lesser: described(results.violations.filter((violation) => !serious(violation.impact))),
  };
}
