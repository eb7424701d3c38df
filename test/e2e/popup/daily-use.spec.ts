/// <reference types="chrome" />
// What a new user tripped on (issue: the extension for daily use), and the keyboard: each found by accessible name.
import { SEED_PAGE_IDS } from '../../../sandbox';
import { expect, test } from '../fixtures';
import { apiCall, expectSaved, logged, pickUser, seedUsers } from './helpers';

test('colour fields take what people paste, keep what was meant, and never cut a paste short', async ({ popup: page, sandbox }) => {
  const field = page.getByLabel('Incident background', { exact: true });

  // Design tools copy hex without '#'; leaving the field writes the colour meant.
  await field.fill('0b3d91');
  await expect(page.getByRole('button', { name: 'Save', exact: true })).toBeEnabled();
  await field.blur();
  await expect(field).toHaveValue('#0b3d91');

  // Spaces and upper case from a paste.
  await field.fill(' #0B3D91 ');
  await field.blur();
  await expect(field).toHaveValue('#0b3d91');

  // Three digits are short for six.
  await field.fill('#abc');
  await field.blur();
  await expect(field).toHaveValue('#aabbcc');

  // Nothing is cut short: the field keeps the whole paste and says why it is not a colour.
  await field.fill(' #c0392b1');
  await expect(field).toHaveValue(' #c0392b1');
  await expect(page.getByText('7 hex digits: a colour has 3 or 6, such as #c0392b')).toBeVisible();
  await field.fill('red; background:url(x)');
  await expect(field).toHaveValue('red; background:url(x)');
  await expect(page.getByText('"red; background:url(x)" is not a hex colour: write 3 or 6 hex digits, such as #c0392b')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Save', exact: true })).toBeDisabled();

  // What is saved is what was meant.
  await field.fill('0B3D91');
  await page.keyboard.press('Control+s');
  await expectSaved(page);
  expect(await apiCall(sandbox, 'GET', `/pages/${SEED_PAGE_IDS.cloud}/status_embed_config`)).toMatchObject({ incident_background_color: '#0b3d91' });
});

test('the user search list opens below the field and never hides what is typed', async ({ popup: page }) => {
  await page.getByRole('tab', { name: 'Permissions' }).click();
  const search = page.getByRole('combobox', { name: 'User' });
  await search.fill('ad');
  const list = page.getByRole('listbox', { name: 'Matches for user' });
  await expect(list).toBeVisible();
  const field = (await search.boundingBox())!;
  const box = (await list.boundingBox())!;
  expect(box.y).toBeGreaterThanOrEqual(field.y + field.height - 1);
  // The typed text stays visible: the field's centre is not covered by the list.
  const onTop = await page.evaluate(
    ([x, y]) => document.elementFromPoint(x!, y!)?.getAttribute('role'),
    [field.x + field.width / 2, field.y + field.height / 2],
  );
  expect(onTop).toBe('combobox');
});

test('the permissions table breaks a status domain only before a dot', async ({ popup: page, sandbox }) => {
  await page.getByRole('tab', { name: 'Permissions' }).click();
  const [owner] = await seedUsers(sandbox);
  await pickUser(page, owner!.email);
  const labels = page.getByRole('rowheader').first().locator('.domain-label');
  expect(await labels.count()).toBeGreaterThan(1);
  // Each label of the host name stays on one line: one box per label, never split at a hyphen.
  for (const label of await labels.all()) {
    expect(await label.evaluate((element) => element.getClientRects().length)).toBe(1);
  }
  const text = await page.getByRole('rowheader').first().locator('.sub').textContent();
  expect(text).toMatch(/^[a-z0-9.-]+$/);
});

test('a network failure names the address it could not reach and what to check', async ({ popup: page, serviceWorker }) => {
  await page.getByLabel('Incident text', { exact: true }).fill('#fefefe');
  // The API moves to an address where nothing listens (a stopped sandbox, a mistyped port), the browser still online.
  const deadBase = 'http://127.0.0.1:9/v1';
  await serviceWorker.evaluate(async (apiBaseUrl) => {
    const { connections } = (await chrome.storage.local.get('connections')) as { connections: { list: Array<{ apiBaseUrl: string }> } };
    for (const connection of connections.list) connection.apiBaseUrl = apiBaseUrl;
    await chrome.storage.local.set({ connections });
  }, deadBase);
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  // A few quick retries first (a flaky link), then the reason.
  const notice = page.getByRole('alert').filter({ hasText: 'Not saved.' });
  await expect(notice).toContainText(`Could not reach 127.0.0.1:9 (the API base URL ${deadBase})`, { timeout: 40_000 });
  await expect(notice).toContainText('the server there may be stopped or the address wrong');
  await expect(notice).not.toContainText('Failed to fetch');
});

test('Ctrl+S saves the open tab, the shortcuts are listed in the help, and Escape closes the dialog', async ({ popup: page, sandbox }) => {
  await page.getByText('Keyboard shortcuts', { exact: true }).click();
  await expect(page.getByText("Save the open tab's draft")).toBeVisible();
  await expect(page.getByText('Close a dialog, the list of users, or the preview on the page')).toBeVisible();

  // Permissions: Ctrl+S on a change that removes access opens the confirmation; Escape closes it and sends nothing.
  await page.getByRole('tab', { name: 'Permissions' }).click();
  const [owner] = await seedUsers(sandbox);
  await pickUser(page, owner!.email);
  await page.getByRole('checkbox', { name: 'Access to Acme Labs' }).uncheck();
  await page.keyboard.press('Control+s');
  const dialog = page.getByRole('dialog', { name: /Remove .*'s access\?/ });
  await expect(dialog).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  expect(logged(sandbox, 'PUT', '/permissions/')).toHaveLength(0);
  await page.keyboard.press('Control+s');
  await dialog.getByRole('button', { name: 'Remove access and save' }).click();
  await expectSaved(page);
  expect(logged(sandbox, 'PUT', '/permissions/')).toHaveLength(1);
});

test('the popup opened on its own page still lists its shortcuts in the set-up', async ({ openPopup }) => {
  const page = await openPopup();
  await page.getByText('Keyboard shortcuts', { exact: true }).click();
  await expect(page.getByText('Open this popup (change it at chrome://extensions/shortcuts)')).toBeVisible();
});
