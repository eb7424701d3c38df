import { apiCall, logged, seedUsers } from '../popup/helpers';
import { expect, scanAll, test } from '../team-access/fixtures';
import { screenshotPath } from '../../support/screenshots';
import { downloadOf } from './helpers';

test('two people offboarded: the plan names their losses, the access record is downloaded first, then both are 404', {
  tag: ['@screenshot'],
}, async ({ teamAccess: page, sandbox }) => {
  test.setTimeout(90_000);
  const users = await seedUsers(sandbox);
  const [amara, andres] = ['Amara', 'Andrés'].map((first) => users.find((user) => user.first_name === first)!);
  await scanAll(page);
  await page.getByRole('checkbox', { name: 'Select Amara Khan' }).check();
  await page.getByRole('checkbox', { name: 'Select Andrés Hopper' }).check();
  await page.getByRole('button', { name: 'Remove 2 people selected from the organization…' }).click();

  const plan = page.getByRole('region', { name: 'Plan: remove 2 people from the organization' });
  await expect(plan).toContainText(`Amara Khan <${amara!.email}> loses Acme Cloud, Acme Payments (Manage incidents)`);
  await expect(plan).toContainText(`Andrés Hopper <${andres!.email}> loses Acme Cloud (Manage incidents), Acme Payments (Manage maintenances)`);
  await plan.getByRole('button', { name: 'Remove 2 people…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Remove 2 people from the organization?' });
  await expect(dialog).toContainText('There is no undo.');
  await expect(dialog.getByRole('button', { name: 'Cancel' })).toBeFocused();
  expect(logged(sandbox, 'DELETE', '/users/')).toEqual([]);
  await page.screenshot({ path: screenshotPath('team-members-offboard.png') });

  const record = await downloadOf(page, dialog.getByRole('button', { name: 'Remove 2 people' }));
  expect(record.trim().split('\r\n')).toEqual([
    'email,name,user_id,access,permissions',
    expect.stringMatching(new RegExp(`^${amara!.email},Amara Khan,${amara!.id},"Acme Cloud, Acme Payments \\(Manage incidents\\)",`)),
    expect.stringMatching(new RegExp(`^${andres!.email},Andrés Hopper,${andres!.id},`)),
  ]);
  const report = page.getByRole('region', { name: 'Removal report' });
  await expect(report.getByRole('status')).toHaveText('Finished. Removed: 2. Skipped (changed): 0. Not members: 0. Failed: 0.', { timeout: 30_000 });
  for (const user of [amara!, andres!]) {
    await expect(apiCall(sandbox, 'GET', `/organizations/${sandbox.organizationId}/permissions/${user.id}`)).rejects.toThrow(/: 404 /);
  }
  expect(logged(sandbox, 'DELETE', '/users/').map((entry) => entry.status)).toEqual([200, 200]);
  // The report keeps the record: the same file again, after the removal.
  expect(await downloadOf(page, report.getByRole('button', { name: 'Download the access record (CSV)' }))).toBe(record);
});

test('refuses to remove the last user with full access to a page, and asks for the count typed for more than three', async ({
  teamAccess: page,
  sandbox,
}) => {
  test.setTimeout(90_000);
  await scanAll(page);
  // Ada (the first user) alone has every role on Acme Payments.
  await page.getByRole('checkbox', { name: 'Select Ada Lovelace' }).check();
  await page.getByRole('button', { name: 'Remove 1 person selected from the organization…' }).click();
  const plan = page.getByRole('region', { name: 'Plan: remove 1 person from the organization' });
  await expect(plan.getByRole('alert')).toHaveText(
    'Refused: Acme Payments would be left without anyone with full access (every role). Give someone else full access there first.',
  );
  await expect(plan.getByRole('button', { name: 'Remove 1 person…' })).toBeDisabled();
  await plan.getByRole('button', { name: 'Discard' }).click();

  await page.getByRole('button', { name: 'Clear selection' }).click();
  for (const name of ['Amara Khan', 'Andrés Hopper', 'Anika Nilsen', 'Ben Adeyemi'])
    await page.getByRole('checkbox', { name: `Select ${name}` }).check();
  await page.getByRole('button', { name: 'Remove 4 people selected from the organization…' }).click();
  await page.getByRole('region', { name: 'Plan: remove 4 people from the organization' }).getByRole('button', { name: 'Remove 4 people…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Remove 4 people from the organization?' });
  await dialog.getByRole('button', { name: 'Remove 4 people' }).click();
  await expect(dialog.getByRole('alert')).toHaveText('Type 4 to confirm: nothing was removed');
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  expect(logged(sandbox, 'DELETE', '/users/')).toEqual([]);
});
