// axe-core in Firefox: no serious or critical violation in set-up, Embed and Permissions (with the user list open),
// as test/e2e/popup/accessibility.spec.ts checks in Chromium. axe is evaluated into the popup over BiDi (not a
// <script> the page loads, which the extension's CSP would refuse).
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'puppeteer-core';
import { expect, test } from 'vitest';
import { connectThroughSetup, fill, firefoxSuite, getByLabel, getByRole, pickUser } from './popup';

const suite = firefoxSuite();
const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

interface AxeResults {
  passes: unknown[];
  violations: Array<{ id: string; impact?: string | null; nodes: Array<{ target: unknown[] }> }>;
}

/** Serious and critical violations on the page as it is now (and how many rules passed, so that "none" means something). */
async function seriousViolations(page: Page): Promise<{ passed: number; violations: string[] }> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(AXE_SOURCE);
  const results = await page.evaluate(async () => {
    const { axe } = window as unknown as { axe: { run(): Promise<AxeResults> } };
    const { passes, violations } = await axe.run();
    return {
      passed: passes.length,
      violations: violations
        .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
        .map((violation) => `${violation.impact} ${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`),
    };
  });
  expect(results.passed).toBeGreaterThan(0);
  return results;
}

test('axe finds no serious or critical violation in set-up, Embed and Permissions', async () => {
  const setup = await suite.openPopup();
  await getByLabel(setup, 'API key');
  expect((await seriousViolations(setup)).violations).toEqual([]);
  await setup.close();

  const popup = await connectThroughSetup(suite);
  await popup.waitForSelector('[data-testid="preview-incident"] >>> .card', { visible: true });
  expect((await seriousViolations(popup)).violations).toEqual([]);

  await (await getByRole(popup, 'tab', 'Permissions')).click();
  await pickUser(popup, 'ada');
  await fill(await getByRole(popup, 'combobox', 'User'), 'a');
  await getByRole(popup, 'listbox'); // the open list is checked too
  expect((await seriousViolations(popup)).violations).toEqual([]);
}, 90_000);
