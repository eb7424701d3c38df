/// <reference types="chrome" />
// Two reliability defects, reproduced as they were found: a pending save lost when the browser stopped the service
// worker, and an edit lost between two popups editing within milliseconds.
import type { Page } from '@playwright/test';
import { PAGE_WITHOUT_RBAC_ID, SEED_PAGE_IDS, startSandbox } from '../../../sandbox';
import type { ExtensionDriver } from '../../drivers/driver';
import { connectThroughSetup } from '../../drivers/playwright';
import { expect, test } from '../fixtures';
import { apiCall, logged, pickUser, seedUsers } from './helpers';

/** The current connection's stored draft of `kind` for `id` (a page, a user). */
async function storedDraft(driver: ExtensionDriver, kind: 'embed' | 'permissions', id: string) {
  const { connections } = (await driver.stored('local', ['connections'])) as { connections: { active: string } };
  const key = `org.${connections.active}.draft.${kind}.${id}`;
  return (await driver.stored('local', [key]))[key] as { values?: Record<string, string>; draft?: Record<string, unknown> } | undefined;
}

test('a save backing off after a network failure is resumed by an alarm after the browser stops the worker, and sent once', async ({
  driver,
  extensionId,
}) => {
  test.setTimeout(90_000);
  // A Statuspage of this test's own, so that it can go down and come back on the same address.
  let own = await startSandbox({ port: 0 });
  const port = Number(new URL(own.url).port);
  const page = await driver.newPage();
  try {
    await connectThroughSetup(page, extensionId, own);
    await page.getByLabel('Incident text', { exact: true }).fill('#f0f0f0');
    await own.close(); // Statuspage is unreachable
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await expect(page.getByText(/Could not reach Statuspage: trying again in \d+ s\./)).toBeVisible();
    await page.close();
    // The browser stops the worker while the save waits to retry; the popup is closed, so only an alarm can wake it.
    await driver.stopWorker();
    own = await startSandbox({ port }); // Statuspage is back
    await expect.poll(() => logged(own, 'PATCH', '/status_embed_config').length, { timeout: 45_000, intervals: [500] }).toBe(1);
    expect(await apiCall(own, 'GET', `/pages/${SEED_PAGE_IDS.cloud}/status_embed_config`)).toMatchObject({ incident_text_color: '#f0f0f0' });
    // Once landed, never again.
    await new Promise((done) => setTimeout(done, 3_000));
    expect(logged(own, 'PATCH', '/status_embed_config')).toHaveLength(1);
  } finally {
    await own.close().catch(() => {});
  }
});

/** Two popups opened at once, as from two windows. */
const openTwo = (openPopup: () => Promise<Page>) => Promise.all([openPopup(), openPopup()]);

test('two popups editing one page within milliseconds both keep their edits, in storage and on screen', async ({ popup, openPopup, driver }) => {
  await popup.close();
  const [a, b] = await openTwo(openPopup);
  await Promise.all([
    a.getByLabel('Incident text', { exact: true }).fill('#111111'),
    b.getByLabel('Maintenance text', { exact: true }).fill('#222222'),
  ]);
  for (const popup of [a, b]) {
    await expect(popup.getByLabel('Incident text', { exact: true })).toHaveValue('#111111');
    await expect(popup.getByLabel('Maintenance text', { exact: true })).toHaveValue('#222222');
  }
  await expect
    .poll(async () => (await storedDraft(driver, 'embed', SEED_PAGE_IDS.cloud))?.values)
    .toMatchObject({ incident_text_color: '#111111', maintenance_text_color: '#222222' });
});

test('two popups editing one user within milliseconds both keep their edits', async ({ popup, openPopup, driver, sandbox }) => {
  const [owner] = await seedUsers(sandbox);
  await popup.close();
  const [a, b] = await openTwo(openPopup);
  for (const popup of [a, b]) {
    await popup.getByRole('tab', { name: 'Permissions' }).click();
    await pickUser(popup, owner!.email);
  }
  await Promise.all([
    a.getByRole('checkbox', { name: 'Manage incidents on Acme Cloud' }).uncheck(),
    b.getByRole('checkbox', { name: 'Access to Acme Labs' }).uncheck(),
  ]);
  for (const popup of [a, b]) {
    await expect(popup.getByRole('checkbox', { name: 'Manage incidents on Acme Cloud' })).not.toBeChecked();
    await expect(popup.getByRole('checkbox', { name: 'Access to Acme Labs' })).not.toBeChecked();
  }
  const draft = await storedDraft(driver, 'permissions', owner!.id);
  expect(draft?.draft?.[SEED_PAGE_IDS.cloud]).toMatchObject({ incident_manager: false });
  expect(Object.keys(draft?.draft ?? {})).not.toContain(PAGE_WITHOUT_RBAC_ID);
  expect(Object.keys(draft?.draft ?? {})).toContain(SEED_PAGE_IDS.cloud);
});
