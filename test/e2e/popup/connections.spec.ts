/// <reference types="chrome" />
// Several organizations side by side: each with its own key, limiter, caches and drafts; switch, rename, remove;
// the tab's organization picks the connection; a 0.1 profile's single connection migrates, drafts included.
import type { Page } from '@playwright/test';
import { SECOND_ORGANIZATION, SEED_PAGE_IDS } from '../../../sandbox';
import type { RunningSandbox } from '../../../sandbox';
import { expect, test } from '../fixtures';

/** Adds the sandbox's second organization (Globex) through Connections -> Add an organization. */
async function addGlobex(page: Page, sandbox: RunningSandbox, name = 'Globex'): Promise<void> {
  await page.getByRole('button', { name: 'Connections' }).click();
  await page.getByRole('button', { name: 'Add an organization' }).click();
  await page.getByLabel('API key').fill(SECOND_ORGANIZATION.apiKey);
  await page.getByLabel('Organization ID').fill(SECOND_ORGANIZATION.id);
  await page.getByLabel('Name (optional)').fill(name);
  // Advanced starts open, from the current connection's API (the sandbox).
  await expect(page.getByLabel('API base URL')).toHaveValue(sandbox.apiBaseUrl);
  await page.getByRole('button', { name: 'Connect', exact: true }).click();
  await expect(page.getByRole('tab', { name: 'Embed' })).toBeVisible();
  // Its pages are read and cached (the picker draws from the cache): a tab naming one of them now finds Globex.
  await expect(page.getByLabel('Page')).toHaveValue(SEED_PAGE_IDS.globex);
}

test('two organizations side by side: the bar names the current one, each keeps its own drafts, and rename and remove work', async ({
  popup: page,
  driver,
  sandbox,
}) => {
  const bar = page.getByRole('banner');
  await expect(bar).toContainText(`Organization ${sandbox.organizationId}`);
  await page.getByLabel('Incident text', { exact: true }).fill('#fefefe');

  await addGlobex(page, sandbox);
  await expect(bar).toContainText('Globex');
  await expect(page.getByLabel('Page')).toHaveValue(SEED_PAGE_IDS.globex);
  // Acme's draft is Acme's: Globex's page shows its own config.
  await expect(page.getByLabel('Incident text', { exact: true })).not.toHaveValue('#fefefe');

  await page.getByRole('button', { name: 'Connections' }).click();
  await page.getByRole('button', { name: `Switch to Organization ${sandbox.organizationId}` }).click();
  await expect(bar).toContainText(`Organization ${sandbox.organizationId}`);
  await expect(page.getByLabel('Incident text', { exact: true })).toHaveValue('#fefefe');

  // Each key is sealed under its own connection.
  const keys = Object.keys(await driver.stored());
  expect(keys.filter((key) => /^org\.c[a-z0-9]+\.apiKey$/.test(key))).toHaveLength(2);

  await page.getByRole('button', { name: 'Connections' }).click();
  await page.getByRole('button', { name: 'Rename Globex' }).click();
  await page.getByLabel('Name of Globex').fill('Globex production');
  await page.getByRole('button', { name: 'Save name' }).click();
  await expect(page.getByRole('listitem').filter({ hasText: 'Globex production' })).toBeVisible();

  await page.getByRole('button', { name: 'Remove Globex production' }).click();
  const dialog = page.getByRole('dialog', { name: 'Remove Globex production?' });
  await expect(dialog).toContainText('Its API key, cached data, drafts and unsent saves are deleted from this browser.');
  await dialog.getByRole('button', { name: 'Remove connection' }).click();
  await expect(page.getByRole('listitem').filter({ hasText: 'Globex' })).toHaveCount(0);
  const left = Object.keys(await driver.stored());
  const prefixes = new Set(left.filter((key) => key.startsWith('org.')).map((key) => key.split('.')[1]));
  expect(prefixes.size).toBe(1); // only Acme's data is left: Globex's key, caches and limiter are gone
  const { connections } = (await driver.stored('local', ['connections'])) as {
    connections: { list: Array<{ label: string }> };
  };
  expect(connections.list.map((connection) => connection.label)).toEqual([`Organization ${sandbox.organizationId}`]);
});

test("opened on manage.statuspage.io, it switches to the connection of the tab's organization, and says so when none has it", async ({
  popup: page,
  openManagePage,
  popupOver,
  sandbox,
}) => {
  await addGlobex(page, sandbox); // Globex is now the current connection
  await page.close();

  const popup = await popupOver(await openManagePage(`/organizations/${sandbox.organizationId}/team`));
  await expect(popup.getByRole('status').filter({ hasText: 'Switched to' })).toHaveText(
    `Switched to Organization ${sandbox.organizationId}: this tab belongs to its organization.`,
  );
  await expect(popup.getByRole('banner')).toContainText(`Organization ${sandbox.organizationId}`);
  await expect(popup.getByRole('tab', { name: 'Permissions' })).toHaveAttribute('aria-selected', 'true');
  await popup.close();

  // A page id names its connection too, through that connection's pages.
  const second = await popupOver(await openManagePage(`/pages/${SEED_PAGE_IDS.globex}/status-embed`));
  await expect(second.getByRole('banner')).toContainText('Globex');
  await expect(second.getByLabel('Page')).toHaveValue(SEED_PAGE_IDS.globex);
  await second.close();

  const third = await popupOver(await openManagePage('/organizations/zzzz9999org/team'));
  await expect(third.getByRole('status').filter({ hasText: 'None of your connections' })).toHaveText(
    'None of your connections has the organization zzzz9999org: add one under Connections.',
  );
});

test('a profile of 0.1, with its one connection, finds it as its first connection, drafts included', async ({
  popup: page,
  openPopup,
  driver,
  serviceWorker,
  sandbox,
}) => {
  await page.getByLabel('Maintenance text', { exact: true }).fill('#f1f1f1');
  await page.close();
  // Lay storage out as 0.1 did (one `connection`, the key in `apiKey`, data in `cache.*` / `draft.*`), then stop the
  // worker so that nothing remembers the migration.
  await serviceWorker.evaluate(async () => {
    const all = await chrome.storage.local.get(null);
    const { connections } = all as { connections: { active: string; list: Array<Record<string, unknown>> } };
    const prefix = `org.${connections.active}.`;
    const legacy: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(all)) if (key.startsWith(prefix)) legacy[key.slice(prefix.length)] = value;
    const { id: _id, label: _label, ...connection } = connections.list[0]!;
    legacy.connection = connection;
    await chrome.storage.local.clear();
    await chrome.storage.local.set(legacy);
  });
  await driver.stopWorker();

  const popup = await openPopup();
  await expect(popup.getByRole('banner')).toContainText(`Organization ${sandbox.organizationId}`);
  await expect(popup.getByLabel('Maintenance text', { exact: true })).toHaveValue('#f1f1f1');
  await popup.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(popup.getByRole('status').filter({ hasText: /^Saved\.$/ })).toBeVisible();
});
