import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, test } from '../fixtures';
import { connectPopup, expectSaved, pickUser, popupUrl, resetAll } from './helpers';

test.beforeEach(async ({ sandbox, serviceWorker }) => {
  await resetAll(sandbox, serviceWorker);
});

async function seriousViolations(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map((violation) => ({ id: violation.id, impact: violation.impact, nodes: violation.nodes.map((node) => node.target.join(' ')) }));
}

for (const colorScheme of ['light', 'dark'] as const) {
  test(`axe finds no serious or critical violation in set-up, Embed and Permissions (${colorScheme})`, async ({ page, extensionId, sandbox }) => {
    test.setTimeout(90_000); // three full axe runs, one with two shadow-DOM previews: slow on a shared 2-core machine
    await page.emulateMedia({ colorScheme });
    await page.goto(popupUrl(extensionId));
    await expect(page.getByLabel('API key')).toBeVisible();
    expect(await seriousViolations(page)).toEqual([]);

    await connectPopup(page, extensionId, sandbox);
    await expect(page.getByTestId('preview-incident').locator('.card')).toBeVisible();
    expect(await seriousViolations(page)).toEqual([]);

    await page.getByRole('tab', { name: 'Permissions' }).click();
    await pickUser(page, 'ada');
    await page.getByRole('combobox', { name: 'User' }).fill('a');
    await expect(page.getByRole('listbox')).toBeVisible(); // the open list is checked too
    expect(await seriousViolations(page)).toEqual([]);
  });
}

test('everything works from the keyboard: open, pick, change, save', async ({ page, extensionId, sandbox }) => {
  await connectPopup(page, extensionId, sandbox);
  await page.goto(popupUrl(extensionId)); // a fresh open: the first field has focus
  await expect(page.getByLabel('Page')).toBeFocused();
  await expect(page.getByLabel('Bottom left')).toBeVisible();

  // Embed: Tab into the corner group, arrows pick a corner, type a colour, Enter saves.
  await page.keyboard.press('Tab');
  await expect(page.getByLabel('Bottom left')).toBeFocused();
  await page.keyboard.press('ArrowUp'); // radio groups wrap: bottom-left -> top-right
  await expect(page.getByLabel('Top right')).toBeChecked();
  await page.keyboard.press('Tab'); // the incident background picker
  await page.keyboard.press('Tab'); // its hex field
  await expect(page.getByLabel('Incident background', { exact: true })).toBeFocused();
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.type('#7a1f1f');
  await page.keyboard.press('Enter');
  await expectSaved(page);

  // Tabs: arrow keys move between them.
  await page.getByRole('tab', { name: 'Embed' }).focus();
  await page.keyboard.press('ArrowRight');
  await expect(page.getByRole('tab', { name: 'Permissions' })).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByRole('tab', { name: 'Permissions' })).toBeFocused();

  // Permissions: type, arrow down, Enter picks; Space ticks a box.
  await page.keyboard.press('Tab');
  await expect(page.getByRole('combobox', { name: 'User' })).toBeFocused();
  await page.keyboard.type('lovelace');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('table')).toBeVisible();
  await page.getByLabel('Access to Acme Cloud').focus();
  await page.keyboard.press('Space');
  await expect(page.getByText('1 unsaved change')).toBeVisible();
});
