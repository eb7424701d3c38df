// The steps the browser scenarios share, written once over the driver interface (test/drivers/driver.ts).
import type { RunningSandbox } from '../../sandbox';
import type { ExtensionDriver, Scope, Tab } from '../drivers/driver';
import { apiCall } from '../support/sandbox-api';

export { apiCall, logged, queueFault, type SeedUser, seedUsers, setRateLimit } from '../support/sandbox-api';

/** What a scenario's body is given: the driver of the browser it runs in. */
export interface ScenarioFixtures {
  driver: ExtensionDriver;
}

/** `@screenshot`: `npm run screenshots` runs it. `@slow`: it gets three times the usual time (Playwright's test.slow()). */
export type ScenarioTag = '@screenshot' | '@slow';

/**
 * How a browser's runner registers a scenario: Playwright's own `test` (with a `driver` fixture) in Chromium, Vitest's
 * in Firefox. A scenario calls it on its own line, so that the runner's report names the scenario's file and line.
 */
export type ScenarioTest = (title: string, details: { tag?: ScenarioTag[] }, body: (fixtures: ScenarioFixtures) => Promise<void>) => void;

/** A module of scenarios is a function of this: it registers each scenario with `it`, each from a clean slate (resetAll). */
export interface ScenarioRunner {
  it: ScenarioTest;
  browser: ExtensionDriver['browser'];
}

/** Waits until `read()` gives what the matcher expects (the runner's expect.poll; 5 s unless told). */
export function eventually(driver: Pick<ExtensionDriver, 'expect'>, read: () => Promise<unknown>, timeout = 5_000) {
  return driver.expect.poll(read, { timeout });
}

/** A clean slate: the sandbox's seed, and an extension with nothing stored (no key, no cache, no drafts) and no badge. */
export async function resetAll(driver: ExtensionDriver): Promise<void> {
  driver.sandbox.reset();
  await driver.clearExtension();
}

/** Fills the popup's set-up form for `sandbox` (its key unless another is given) and presses Connect. */
export async function fillSetupForm(popup: Scope, sandbox: RunningSandbox, apiKey = sandbox.apiKey): Promise<void> {
  await (await popup.byLabel('API key')).fill(apiKey);
  await (await popup.byLabel('Organization ID')).fill(sandbox.organizationId);
  await (await popup.byName('Advanced')).click();
  await (await popup.byLabel('API base URL')).fill(sandbox.apiBaseUrl);
  await (await popup.byRole('button', 'Connect')).click();
}

/** Opens the popup in a new tab and connects it to the sandbox through its set-up form, as a first-time user does. */
export async function connectThroughSetup(driver: ExtensionDriver, query = ''): Promise<Tab> {
  const popup = await driver.openPopup(query);
  await fillSetupForm(popup, driver.sandbox);
  await popup.byRole('tab', 'Embed', { timeout: 10_000 });
  return popup;
}

/** Picks a user in the Permissions tab's combobox by typing and Enter, as from the keyboard. */
export async function pickUser(popup: Scope, text: string): Promise<void> {
  const picker = await popup.byRole('combobox', 'User');
  await picker.fill(text);
  await popup.byRole('option');
  await picker.press('Enter');
  await popup.byRole('table');
}

/** The save this popup sent has succeeded: a status says "Saved.", and Revert is off (no draft left). */
export async function expectSaved(driver: Pick<ExtensionDriver, 'expect'>, popup: Scope, timeout = 5_000): Promise<void> {
  await eventually(driver, () => popup.texts('status'), timeout).toContain('Saved.');
  await eventually(driver, async () => (await popup.byRole('button', 'Revert')).disabled()).toBe(true);
}

/** A user's permissions as the sandbox holds them now, by page id. */
export async function permissionsOf(sandbox: RunningSandbox, userId: string): Promise<Record<string, unknown>> {
  const body = (await apiCall(sandbox, 'GET', `/organizations/${sandbox.organizationId}/permissions/${userId}`)) as {
    pages: Array<{ page_id: string }>;
  };
  return Object.fromEntries(body.pages.map(({ page_id, ...roles }) => [page_id, roles]));
}
