// The Permissions tab in Chromium: the browser scenario (test/scenarios/permissions.ts), then what only this suite
// checks (a conflict, copy from a user, a 422, a 403, the team member's tab on manage.statuspage.io).
import { SEED_PAGE_IDS } from '../../../sandbox';
import { permissionsScenarios } from '../../scenarios/permissions';
import { permissionsOf } from '../../scenarios/steps';
import { chromium, expect, test } from '../fixtures';
import { apiCall, expectSaved, logged, pickUser, queueFault, seedUsers } from './helpers';

const { cloud, payments, labs } = SEED_PAGE_IDS;
const all = { page_configuration: true, incident_manager: true, maintenance_manager: true };

permissionsScenarios(chromium);

test('a change made elsewhere between opening and saving is caught, shown, and nothing is overwritten', async ({ popup: page, sandbox }) => {
  const [owner] = await seedUsers(sandbox);
  await page.getByRole('tab', { name: 'Permissions' }).click();
  await pickUser(page, owner!.email);
  await page.getByLabel('Manage maintenances on Acme Cloud').uncheck();

  // A teammate takes Acme Payments away meanwhile.
  await apiCall(sandbox, 'PUT', `/organizations/${sandbox.organizationId}/permissions/${owner!.id}`, { pages: { [cloud]: all, [labs]: {} } });
  const putsBefore = logged(sandbox, 'PUT', '/permissions/').length;

  await page.getByRole('button', { name: 'Save', exact: true }).click();
  const conflict = page.getByTestId('conflict');
  await expect(conflict).toContainText('were changed elsewhere');
  await expect(conflict).toContainText('Acme Payments: access removed');
  expect(logged(sandbox, 'PUT', '/permissions/')).toHaveLength(putsBefore);
  expect(await permissionsOf(sandbox, owner!.id)).toEqual({ [cloud]: all, [labs]: {} });

  // Reload and reapply: their change stays, mine is back on top.
  await conflict.getByRole('button', { name: 'Reload and reapply my changes' }).click();
  await expect(conflict).toBeHidden();
  await expect(page.getByLabel('Access to Acme Payments')).not.toBeChecked();
  await expect(page.getByLabel('Manage maintenances on Acme Cloud')).not.toBeChecked();
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expectSaved(page);
  expect(await permissionsOf(sandbox, owner!.id)).toEqual({ [cloud]: { ...all, maintenance_manager: false }, [labs]: {} });
});

test('"Copy from user..." starts the draft from another user\'s permissions; the picker finds users on every page of the list', async ({
  popup: page,
  sandbox,
}) => {
  const source = (await seedUsers(sandbox))[0]!;
  const target = (await seedUsers(sandbox, 2))[10]!; // on the list's second page, and no page access yet
  await page.getByRole('tab', { name: 'Permissions' }).click();
  await expect(page.getByText('137 users in the organization')).toBeVisible();
  await pickUser(page, target.email);
  await expect(page.getByRole('combobox', { name: 'User' })).toHaveValue(`${target.first_name} ${target.last_name}`);
  await expect(page.getByLabel('Access to Acme Cloud')).not.toBeChecked();

  await page.getByRole('button', { name: 'Copy from user…' }).click();
  await expect(page.getByLabel('Copy permissions from')).toBeFocused();
  await page.keyboard.type(source.email);
  await page.keyboard.press('Enter');
  await expect(page.getByText(`Started from ${source.first_name} ${source.last_name}'s permissions.`)).toBeVisible();
  await expect(page.getByRole('button', { name: 'Copy from user…' })).toBeFocused();
  await expect(page.getByLabel('Access to Acme Cloud')).toBeChecked();
  await expect(page.getByLabel('Configure page on Acme Payments')).toBeChecked();
  await expect(page.locator(`tr[data-page-id="${labs}"]`)).toContainText('Access only');
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expectSaved(page);
  expect(await permissionsOf(sandbox, target.id)).toEqual({ [cloud]: all, [payments]: all, [labs]: {} });
});

test('a 422 shows the server\'s words in the page\'s row, keeps the draft across a reopen, and puts "!" on the badge', async ({
  popup: page,
  openPopup,
  driver,
  sandbox,
}) => {
  const users = await seedUsers(sandbox);
  const target = users[70]!; // no access anywhere
  await page.getByRole('tab', { name: 'Permissions' }).click();
  await pickUser(page, target!.email);
  // Roles are offered only where the page takes them: the refusal here is the server's own (a page archived meanwhile).
  const refusal = `pages.${payments}: page "Acme Payments" is archived and takes no changes`;
  await queueFault(sandbox, {
    status: 422,
    method: 'PUT',
    path: `/organizations/${sandbox.organizationId}/permissions/${target.id}`,
    shape: 'error',
    message: refusal,
  });
  await page.getByLabel('Manage incidents on Acme Payments').check();
  await page.getByRole('button', { name: 'Save', exact: true }).click();

  const paymentsRow = page.locator(`tr[data-page-id="${payments}"] + tr`);
  await expect(paymentsRow.getByRole('alert')).toContainText('is archived and takes no changes');
  await expect(page.getByRole('alert').filter({ hasText: 'Not saved.' })).toContainText('Statuspage refused the values for the user');
  await expect(page.getByLabel('Manage incidents on Acme Payments')).toBeChecked();
  await expect.poll(() => driver.badge()).toBe('!');

  // Closed and opened again: the same user, the draft, and the reason.
  await page.close();
  const reopened = await openPopup();
  await expect(reopened.getByRole('combobox', { name: 'User' })).toHaveValue(`${target.first_name} ${target.last_name}`);
  await expect(reopened.getByLabel('Manage incidents on Acme Payments')).toBeChecked();
  await expect(reopened.locator(`tr[data-page-id="${payments}"] + tr`).getByRole('alert')).toContainText('is archived and takes no changes');

  await reopened.getByRole('button', { name: 'Revert' }).click();
  await expect.poll(() => driver.badge()).toBe('');
  await expect(reopened.getByLabel('Manage incidents on Acme Payments')).not.toBeChecked();
});

test('a save the key may not make (403) names the user, keeps the draft, and overwrites nothing', async ({ popup: page, sandbox }) => {
  const [owner] = await seedUsers(sandbox);
  await page.getByRole('tab', { name: 'Permissions' }).click();
  await pickUser(page, owner!.email);
  await page.getByLabel('Configure page on Acme Cloud').uncheck();

  // The key lost its admin rights meanwhile: Statuspage refuses the write.
  await queueFault(sandbox, {
    status: 403,
    method: 'PUT',
    path: `/organizations/${sandbox.organizationId}/permissions/${owner!.id}`,
    shape: 'error',
    message: 'You are not authorized to access this resource.',
  });
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'Not saved.' })).toContainText(
    `Not saved. This API key has no access to the user "${owner!.first_name} ${owner!.last_name}" (403). You are not authorized to access this resource. Your draft is kept.`,
  );
  await expect(page.getByLabel('Configure page on Acme Cloud')).not.toBeChecked();
  expect(await permissionsOf(sandbox, owner!.id)).toEqual({ [cloud]: all, [payments]: all, [labs]: {} });
});

test("opened over a team member's page on manage.statuspage.io, it starts in Permissions on that user", async ({
  popup: page,
  openManagePage,
  popupOver,
  sandbox,
}) => {
  const users = await seedUsers(sandbox);
  const member = users[5]!;
  await page.close();

  const popup = await popupOver(await openManagePage(`/organizations/${sandbox.organizationId}/team/${member.id}`));
  await expect(popup.getByRole('tab', { name: 'Permissions' })).toHaveAttribute('aria-selected', 'true');
  await expect(popup.getByRole('combobox', { name: 'User' })).toHaveValue(`${member.first_name} ${member.last_name}`);
  await expect(popup.getByRole('table')).toBeVisible();
});
