import { readFile } from 'node:fs/promises';
import type { Page } from '@playwright/test';
import { apiCall, logged, seedUsers } from '../popup/helpers';
import { expect, planChange, scanAll, test, USER_COUNT } from './fixtures';

async function exportCsv(page: Page): Promise<string> {
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: `Export ${USER_COUNT} rows as CSV` }).click();
  return readFile((await (await download).path())!, 'utf8');
}

async function importCsv(page: Page, name: string, text: string): Promise<void> {
  await page.getByLabel('Import a CSV file as a plan').setInputFiles({ name, mimeType: 'text/csv', buffer: Buffer.from(text) });
}

test('CSV: export, import of the same file plans nothing, an edited file opens the plan, a file with errors lists them', async ({
  teamAccess: page,
  sandbox,
}) => {
  test.setTimeout(120_000);
  const amara = (await seedUsers(sandbox)).find((user) => user.first_name === 'Amara')!;
  const cloud = sandbox.pages.find((candidate) => candidate.name === 'Acme Cloud')!;
  const labs = sandbox.pages.find((candidate) => candidate.name === 'Acme Labs')!;
  await scanAll(page);

  const text = await exportCsv(page);
  const lines = text.trimEnd().split('\r\n');
  expect(lines).toHaveLength(USER_COUNT + 1);
  expect(lines[0]).toContain(`user_id,name,email,`);
  expect(lines[0]).toContain(`${cloud.name} (${cloud.id})`);
  const amaraLine = lines.find((line) => line.startsWith(`${amara.id},`))!;
  expect(amaraLine).toContain(`Amara Khan,${amara.email}`);
  expect(amaraLine.split(',').slice(3).sort()).toEqual(['access', 'incidents', 'none']);

  // The same file back: a clean file, and a plan that changes nobody.
  await importCsv(page, 'same.csv', text);
  await expect(page.getByRole('region', { name: 'Plan: Import of same.csv' }).getByRole('status')).toContainText(
    `0 users change; ${USER_COUNT} unchanged`,
  );

  // Amara: Acme Labs with no roles becomes "access", Acme Cloud gets Manage maintenances.
  const header = lines[0]!.split(',');
  const cells = amaraLine.split(',');
  cells[header.indexOf(`${labs.name} (${labs.id})`)] = 'access';
  cells[header.indexOf(`${cloud.name} (${cloud.id})`)] = 'maintenances';
  await importCsv(page, 'amara.csv', `${lines[0]}\r\n${cells.join(',')}\r\n`);
  const plan = page.getByRole('region', { name: 'Plan: Import of amara.csv' });
  await expect(plan.getByRole('status')).toContainText('1 user changes; 0 unchanged');
  await expect(planChange(plan, /Amara Khan/)).toHaveText('gets Manage maintenances on Acme Cloud; gets access to Acme Labs');
  await plan.getByRole('button', { name: 'Apply to 1 user…' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Apply', exact: true }).click();
  await expect(page.getByRole('region', { name: 'Report' })).toContainText('Done: 1.', { timeout: 20_000 });
  const after = (await apiCall(sandbox, 'GET', `/organizations/${sandbox.organizationId}/permissions/${amara.id}`)) as {
    pages: Array<{ page_id: string; maintenance_manager?: boolean }>;
  };
  expect(after.pages.find((entry) => entry.page_id === cloud.id)?.maintenance_manager).toBe(true);
  expect(after.pages.some((entry) => entry.page_id === labs.id)).toBe(true);

  // A file with errors: each named by row and column, and no plan.
  const puts = logged(sandbox, 'PUT', '/permissions/').length;
  const bad = [
    `${lines[0]}`,
    `nobody,X,x@y,none,none,none`,
    cells.map((cell, i) => (i === header.indexOf(`${labs.name} (${labs.id})`) ? 'incidents' : i === 3 ? 'everything' : cell)).join(','),
  ].join('\r\n');
  await importCsv(page, 'bad.csv', bad);
  const problems = page.getByRole('alert').filter({ hasText: 'bad.csv has 3 problems' });
  await expect(problems).toContainText('Row 2, column 1 (user_id): No user with id "nobody"');
  await expect(problems).toContainText(`Row 3, column 4 (${header[3]}): "everything" is not none, access, or roles`);
  await expect(problems).toContainText(
    `Row 3, column ${header.indexOf(`${labs.name} (${labs.id})`) + 1} (${labs.name} (${labs.id})): Acme Labs has no role based access control`,
  );
  await expect(page.getByRole('region', { name: 'Plan: Import of bad.csv' })).toHaveCount(0);
  expect(logged(sandbox, 'PUT', '/permissions/')).toHaveLength(puts);
});
