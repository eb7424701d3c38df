import type { Locator, Page } from '@playwright/test';
import { accessibilityScenarios } from '../../scenarios/accessibility';
import { tabStops } from '../../support/focus';
import { chromium, expect, test } from '../fixtures';
import { expectSaved, logged, pickUser, seedUsers } from './helpers';

accessibilityScenarios(chromium);

/** Presses Tab (or Shift+Tab) until `target` has focus: it is in the tab order, no further than `max` stops away. */
async function tabTo(page: Page, target: Locator, { backwards = false, max = 30 } = {}): Promise<void> {
  for (let i = 0; i < max; i++) {
    if (await target.evaluate((element) => element === document.activeElement)) return;
    await page.keyboard.press(backwards ? 'Shift+Tab' : 'Tab');
  }
  await expect(target, `reachable with ${backwards ? 'Shift+Tab' : 'Tab'} in ${max} presses`).toBeFocused({ timeout: 1 });
}

/** Tabs once round the whole popup and names every control whose focus ring (2 px at least) does not show. */
async function controlsWithoutFocusRing(page: Page): Promise<string[]> {
  const stops = await tabStops(page, 60, 2);
  expect(stops.length, 'controls reached with Tab').toBeGreaterThan(5);
  return stops.filter((stop) => !stop.ring).map((stop) => `${stop.element} "${stop.name}"`);
}

test('every control shows a focus ring when reached with Tab, in both tabs', async ({ popup: page, sandbox }) => {
  const [owner] = await seedUsers(sandbox);
  await page.getByLabel('Incident text', { exact: true }).fill('#202020'); // Save and Revert take part too
  expect(await controlsWithoutFocusRing(page)).toEqual([]);
  await page.getByRole('tab', { name: 'Permissions' }).click();
  await pickUser(page, owner!.email);
  await page.getByLabel('Access to Acme Labs').uncheck();
  expect(await controlsWithoutFocusRing(page)).toEqual([]);
});

test('everything works from the keyboard: open, pick, change, save, the tabs, the user picker, the dialog', async ({
  popup: connected,
  openPopup,
  sandbox,
}) => {
  const [owner] = await seedUsers(sandbox);
  await connected.close();
  const page = await openPopup(); // a fresh open: the first field has focus
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

  // Tabs: just before the panel in the tab order; arrow keys move between them and show them.
  await tabTo(page, page.getByRole('tab', { name: 'Embed' }), { backwards: true });
  await page.keyboard.press('ArrowRight');
  await expect(page.getByRole('tab', { name: 'Permissions' })).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByRole('tab', { name: 'Permissions' })).toBeFocused();

  // Permissions: Tab to the picker, type, Enter picks; Tab into the table; Space unticks a box.
  await page.keyboard.press('Tab');
  const picker = page.getByRole('combobox', { name: 'User' });
  await expect(picker).toBeFocused();
  await page.keyboard.type(owner!.email);
  await expect(picker).toHaveAttribute('aria-expanded', 'true');
  await page.keyboard.press('Enter');
  await expect(picker).toHaveValue(`${owner!.first_name} ${owner!.last_name}`);
  await expect(page.getByRole('table')).toBeVisible(); // their permissions, read for the first time
  await page.keyboard.press('Tab');
  await expect(page.getByLabel('Access to Acme Cloud')).toBeFocused();
  await page.keyboard.press('Space');
  await expect(page.getByText('1 unsaved change')).toBeVisible();

  // The removal dialog: focus starts on Cancel, Tab stays inside, Escape closes it and focus goes back to Save.
  const save = page.getByRole('button', { name: 'Save', exact: true });
  await tabTo(page, save);
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog');
  await expect(dialog.getByRole('button', { name: 'Cancel' })).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(dialog.getByRole('button', { name: 'Remove access and save' })).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(dialog.getByRole('button', { name: 'Cancel' })).toBeFocused();
  await page.keyboard.press('Shift+Tab');
  await expect(dialog.getByRole('button', { name: 'Remove access and save' })).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(save).toBeFocused();
  expect(logged(sandbox, 'PUT', '/permissions/')).toHaveLength(0);

  // A search that picked no one is dropped on leaving the field; Escape closes the list.
  await tabTo(page, picker, { backwards: true });
  await page.keyboard.type('zzzz-nobody');
  await expect(page.getByRole('option', { name: /No user matches/ })).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(picker).toHaveAttribute('aria-expanded', 'false');
  await expect(picker).toHaveValue(`${owner!.first_name} ${owner!.last_name}`);

  // "Copy from user…": Enter opens its picker with focus in it; picking brings focus back to the button.
  const copy = page.getByRole('button', { name: 'Copy from user…' });
  await tabTo(page, copy);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('combobox', { name: 'Copy permissions from' })).toBeFocused();
  await page.keyboard.type('lovelace');
  await page.keyboard.press('Enter');
  await expect(page.getByText(/^Started from .*'s permissions\.$/)).toBeVisible();
  await expect(copy).toBeFocused();
});
