// A permissions save in Firefox: the complete mapping is PUT after a fresh read, and a save that removes access
// asks first, naming each page; Cancel sends nothing, confirming removes exactly that access (read back).
import { expect, test } from 'vitest';
import { SEED_PAGE_IDS, type RunningSandbox } from '../../sandbox';
import {
  apiCall,
  connectThroughSetup,
  countByRole,
  eventually,
  expectSaved,
  firefoxSuite,
  getByLabel,
  getByRole,
  isChecked,
  logged,
  pickUser,
  seedUsers,
  textsByRole,
} from './popup';

const suite = firefoxSuite();
const { cloud, payments, labs } = SEED_PAGE_IDS;
const all = { page_configuration: true, incident_manager: true, maintenance_manager: true };

async function permissionsOf(sandbox: RunningSandbox, userId: string): Promise<Record<string, unknown>> {
  const body = (await apiCall(sandbox, 'GET', `/organizations/${sandbox.organizationId}/permissions/${userId}`)) as {
    pages: Array<{ page_id: string }>;
  };
  return Object.fromEntries(body.pages.map(({ page_id, ...roles }) => [page_id, roles]));
}

test('a role revoked is saved as the complete mapping; removing access asks first, naming the pages', async () => {
  const { sandbox } = suite;
  const [owner] = await seedUsers(sandbox);
  expect(await permissionsOf(sandbox, owner!.id)).toEqual({ [cloud]: all, [payments]: all, [labs]: {} });
  const popup = await connectThroughSetup(suite);
  await (await getByRole(popup, 'tab', 'Permissions')).click();
  await pickUser(popup, owner!.email);

  // Revoke a role: one PUT of every page the user keeps, read again just before.
  const manageIncidents = await getByLabel(popup, 'Manage incidents on Acme Payments');
  await eventually(() => isChecked(manageIncidents)).toBe(true);
  await manageIncidents.click();
  await (await getByRole(popup, 'button', 'Save')).click();
  await expectSaved(popup);
  expect(await permissionsOf(sandbox, owner!.id)).toEqual({ [cloud]: all, [payments]: { ...all, incident_manager: false }, [labs]: {} });

  // Removing access from two pages asks, naming both; Cancel sends nothing and keeps the draft.
  await (await getByLabel(popup, 'Access to Acme Labs')).click();
  await (await getByLabel(popup, 'Access to Acme Payments')).click();
  const putsBefore = logged(sandbox, 'PUT', '/permissions/').length;
  const save = await getByRole(popup, 'button', 'Save');
  await save.click();
  const dialogName = `Remove ${owner!.first_name} ${owner!.last_name}'s access?`;
  const dialog = await getByRole(popup, 'dialog', dialogName);
  expect(await dialog.evaluate((element) => element.textContent)).toContain('these 2 pages');
  expect(await textsByRole(dialog, 'listitem')).toEqual(['Acme Labs', 'Acme Payments']);
  await (await getByRole(dialog, 'button', 'Cancel')).click();
  await eventually(() => countByRole(popup, 'dialog')).toBe(0);
  expect(await save.evaluate((element) => element === document.activeElement)).toBe(true); // focus back where it was
  expect(logged(sandbox, 'PUT', '/permissions/')).toHaveLength(putsBefore);
  expect(await isChecked(await getByLabel(popup, 'Access to Acme Labs'))).toBe(false);
  expect(await isChecked(await getByLabel(popup, 'Access to Acme Payments'))).toBe(false);

  // Only Acme Labs, then: the dialog names it alone, and confirmed, that access goes.
  await (await getByRole(popup, 'button', 'Revert')).click();
  await eventually(async () => isChecked(await getByLabel(popup, 'Access to Acme Payments'))).toBe(true);
  await (await getByLabel(popup, 'Access to Acme Labs')).click();
  await (await getByRole(popup, 'button', 'Save')).click();
  const confirm = await getByRole(popup, 'dialog', dialogName);
  expect(await textsByRole(confirm, 'listitem')).toEqual(['Acme Labs']);
  await (await getByRole(confirm, 'button', 'Remove access and save')).click();
  await expectSaved(popup);
  expect(await permissionsOf(sandbox, owner!.id)).toEqual({ [cloud]: all, [payments]: { ...all, incident_manager: false } });

  // Every PUT carried every page the user was to keep, and each followed a fresh GET.
  const puts = logged(sandbox, 'PUT', `/permissions/${owner!.id}`).map((entry) => (entry.body as { pages: Record<string, unknown> }).pages);
  expect(puts).toEqual([
    { [cloud]: all, [payments]: { ...all, incident_manager: false }, [labs]: {} },
    { [cloud]: all, [payments]: { ...all, incident_manager: false } },
  ]);
  const calls = sandbox
    .requests()
    .filter((entry) => entry.path.endsWith(`/permissions/${owner!.id}`))
    .map((entry) => entry.method);
  for (const [index, method] of calls.entries()) if (method === 'PUT') expect(calls[index - 1]).toBe('GET');
});
