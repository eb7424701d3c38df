import { apiCall, logged, seedUsers, setRateLimit } from '../popup/helpers';
import { expect, planChange, scanAll, stopWorkerAndExpectRestart, test } from './fixtures';

type Answer = { pages: Array<{ page_id: string; [role: string]: unknown }> };

test('a bulk grant: plan, confirmation, report against the sandbox; a user changed since the scan is skipped; undo', async ({
  teamAccess: page,
  sandbox,
}) => {
  test.setTimeout(150_000);
  const users = await seedUsers(sandbox);
  const byName = (first: string) => users.find((user) => user.first_name === first)!;
  const [amara, andres, anika] = [byName('Amara'), byName('Andrés'), byName('Anika')];
  const permissionsOf = async (userId: string) =>
    (await apiCall(sandbox, 'GET', `/organizations/${sandbox.organizationId}/permissions/${userId}`)) as Answer;
  const labsId = sandbox.pages.find((candidate) => candidate.name === 'Acme Labs')!.id;
  const payId = sandbox.pages.find((candidate) => candidate.name === 'Acme Payments')!.id;

  await scanAll(page);
  for (const name of ['Amara Khan', 'Andrés Hopper', 'Anika Nilsen']) await page.getByRole('checkbox', { name: `Select ${name}` }).check();
  await page.getByRole('radio', { name: 'Give access to pages' }).check();
  await page.getByRole('checkbox', { name: 'Acme Labs', exact: true }).check();
  await page.getByRole('button', { name: 'Preview the plan for 3 selected' }).click();

  // The plan: Anika has Acme Labs already, so nothing is planned (or sent) for her.
  const plan = page.getByRole('region', { name: 'Plan: Give access to Acme Labs' });
  await expect(plan.getByRole('status')).toContainText('2 users change; 1 unchanged');
  await expect(plan.getByText('Nobody loses access to any page.')).toBeVisible();
  await expect(planChange(plan, /Amara Khan/)).toHaveText('gets access to Acme Labs');

  // Someone changes Andrés elsewhere between the scan and the run: he loses Acme Payments.
  const andresNow = (await permissionsOf(andres.id)).pages.filter((entry) => entry.page_id !== payId);
  const changed = Object.fromEntries(andresNow.map(({ page_id, ...roles }) => [page_id, roles]));
  await apiCall(sandbox, 'PUT', `/organizations/${sandbox.organizationId}/permissions/${andres.id}`, { pages: changed });

  await plan.getByRole('button', { name: 'Apply to 2 users…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Apply “Give access to Acme Labs” to 2 users?' });
  await expect(dialog).toContainText('Nobody loses access to any page.');
  await dialog.getByRole('button', { name: 'Apply', exact: true }).click();

  const report = page.getByRole('region', { name: 'Report' });
  await expect(report).toContainText('Done: 1. Skipped (conflict): 1. Failed: 0.', { timeout: 20_000 });
  await expect(report).toContainText(`Andrés Hopper <${andres.email}>: changed since the scan: loses access to Acme Payments`);
  expect((await permissionsOf(amara.id)).pages.map((entry) => entry.page_id)).toContain(labsId);
  // Andrés keeps what was set elsewhere; nothing was sent for Anika or Andrés.
  expect((await permissionsOf(andres.id)).pages.map((entry) => entry.page_id).sort()).toEqual(Object.keys(changed).sort());
  const puts = logged(sandbox, 'PUT', '/permissions/').filter((entry) => entry.status === 200);
  expect(puts.map((entry) => entry.path.split('/').at(-1))).toEqual([andres.id, amara.id]); // the test's own PUT, then Amara's

  // Undo is a change like any other: its plan names the loss, the confirmation asks, the report says "Undo of" once.
  await report.getByRole('button', { name: 'Undo this batch' }).click();
  const undo = page.getByRole('region', { name: 'Plan: Undo of Give access to Acme Labs' });
  await expect(undo).toContainText(`Amara Khan <${amara.email}> loses Acme Labs`);
  await undo.getByRole('button', { name: 'Apply to 1 user…' }).click();
  const confirm = page.getByRole('dialog', { name: 'Apply “Undo of Give access to Acme Labs” to 1 user?' });
  await expect(confirm).toContainText(`This removes 1 access to pages:Amara Khan <${amara.email}>: Acme Labs`);
  await confirm.getByRole('button', { name: 'Apply, removing 1 access' }).click();
  await expect(page.getByRole('heading', { name: 'Undo of Give access to Acme Labs', exact: true })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Report' })).toContainText('Put back: 1. Skipped (conflict): 0. Failed: 0.', { timeout: 20_000 });
  // Undone once: the undo's report offers no second undo.
  await expect(page.getByRole('button', { name: 'Undo this batch' })).toHaveCount(0);
  expect((await permissionsOf(amara.id)).pages.map((entry) => entry.page_id)).not.toContain(labsId);
  expect((await permissionsOf(anika.id)).pages.map((entry) => entry.page_id)).toContain(labsId);
});

test('a change that removes access names every loss in the plan and again in the confirmation; Cancel sends nothing', async ({
  teamAccess: page,
  sandbox,
}) => {
  test.setTimeout(120_000);
  const amara = (await seedUsers(sandbox)).find((user) => user.first_name === 'Amara')!;
  await scanAll(page);
  await page.getByLabel('Search').fill('amara');
  await page.getByRole('button', { name: 'Select all 1 shown' }).click();
  await page.getByRole('radio', { name: 'Remove access to a page' }).check();
  await page.getByLabel('Page for the change').selectOption({ label: 'Acme Cloud' });
  await page.getByRole('button', { name: 'Preview the plan for 1 selected' }).click();
  const plan = page.getByRole('region', { name: 'Plan: Remove access to Acme Cloud' });
  await expect(plan).toContainText('1 loss of access (1 user):');
  await expect(plan).toContainText(`Amara Khan <${amara.email}> loses Acme Cloud`);

  await plan.getByRole('button', { name: 'Apply to 1 user…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Apply “Remove access to Acme Cloud” to 1 user?' });
  await expect(dialog).toContainText(`Amara Khan <${amara.email}>: Acme Cloud`);
  await expect(dialog.getByRole('button', { name: 'Cancel' })).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  expect(logged(sandbox, 'PUT', '/permissions/')).toEqual([]);

  await plan.getByRole('button', { name: 'Apply to 1 user…' }).click();
  await dialog.getByRole('button', { name: 'Apply, removing 1 access' }).click();
  await expect(page.getByRole('region', { name: 'Report' })).toContainText('Done: 1.', { timeout: 20_000 });
  const cloudId = sandbox.pages.find((candidate) => candidate.name === 'Acme Cloud')!.id;
  const after = (await apiCall(sandbox, 'GET', `/organizations/${sandbox.organizationId}/permissions/${amara.id}`)) as Answer;
  expect(after.pages.map((entry) => entry.page_id)).not.toContain(cloudId);
  expect(after.pages).toHaveLength(1); // Acme Payments kept
});

test('a bulk change resumes after the worker is stopped mid-batch, sending nothing twice', async ({ teamAccess: page, extensionId, sandbox }) => {
  test.setTimeout(240_000);
  await scanAll(page);
  await page.getByLabel('Page', { exact: true }).selectOption({ label: 'Acme Labs' });
  await page.getByLabel('Access', { exact: true }).selectOption({ label: 'No access' });
  const boxes = page.getByRole('checkbox', { name: /^Select / });
  for (let i = 0; i < 6; i++) await boxes.nth(i).check();
  await page.getByRole('radio', { name: 'Give access to pages' }).check();
  await page.getByRole('checkbox', { name: 'Acme Labs', exact: true }).check();
  await page.getByRole('button', { name: 'Preview the plan for 6 selected' }).click();
  // A slow server from here on: one request every 3 s, so the batch (a read and a PUT per user) takes a while.
  await setRateLimit(sandbox, { limit: 1, windowMs: 3000 });
  await page.getByRole('button', { name: 'Apply to 6 users…' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Apply', exact: true }).click();

  const puts = () => logged(sandbox, 'PUT', '/permissions/').filter((entry) => entry.status === 200);
  await expect.poll(() => puts().length, { timeout: 30_000 }).toBeGreaterThanOrEqual(2);
  await stopWorkerAndExpectRestart(page, extensionId, () => expect(puts().length).toBeLessThan(6));

  await expect(page.getByRole('region', { name: 'Report' })).toContainText('Done: 6. Skipped (conflict): 0. Failed: 0.', { timeout: 100_000 });
  const perUser = new Map<string, number>();
  for (const entry of puts()) perUser.set(entry.path, (perUser.get(entry.path) ?? 0) + 1);
  expect(perUser.size).toBe(6);
  expect([...perUser.values()].every((count) => count === 1)).toBe(true);
  const labsId = sandbox.pages.find((candidate) => candidate.name === 'Acme Labs')!.id;
  await setRateLimit(sandbox, { limit: 1000, windowMs: 60_000 });
  for (const path of perUser.keys()) {
    const answer = (await apiCall(sandbox, 'GET', path.replace(/^\/v1/, ''))) as Answer;
    expect(answer.pages.map((entry) => entry.page_id)).toContain(labsId);
  }
});
