import { readFile } from 'node:fs/promises';
import type { Locator, Page } from '@playwright/test';
import type { RunningSandbox } from '../../../sandbox';
import { apiCall, seedUsers } from '../popup/helpers';

type Answer = { pages: Array<{ page_id: string; [role: string]: unknown }> };

/** A user's access as the sandbox has it: page name -> the roles given ("" for access without roles). */
export async function accessOf(sandbox: RunningSandbox, userId: string): Promise<Record<string, string>> {
  const answer = (await apiCall(sandbox, 'GET', `/organizations/${sandbox.organizationId}/permissions/${userId}`)) as Answer;
  const name = (id: string) => sandbox.pages.find((page) => page.id === id)?.name ?? id;
  return Object.fromEntries(
    answer.pages.map(({ page_id, ...roles }) => [
      name(page_id),
      Object.keys(roles)
        .filter((role) => roles[role] === true)
        .sort()
        .join(' '),
    ]),
  );
}

/** Every member of the organization, all pages of the list. */
export async function everyone(sandbox: RunningSandbox): Promise<Array<{ id: string; email: string }>> {
  const all = [];
  for (let page = 1; ; page++) {
    const users = await seedUsers(sandbox, page);
    all.push(...users);
    if (users.length < 100) return all;
  }
}

/** Saves "On-call engineer: incidents on Acme Cloud, and Acme Labs" through the page, as a person would. */
export async function saveOnCallTemplate(page: Page): Promise<Locator> {
  const add = page.getByRole('region', { name: 'Add people' });
  await add.getByRole('radio', { name: 'Pick pages and roles' }).check();
  await add.getByRole('checkbox', { name: 'Acme Cloud', exact: true }).check();
  await add.getByRole('checkbox', { name: 'Manage incidents on Acme Cloud' }).check();
  await add.getByRole('checkbox', { name: 'Acme Labs', exact: true }).check();
  await add.getByLabel('Template name').fill('On-call engineer');
  await add.getByRole('button', { name: 'Save as a template' }).click();
  await add.getByRole('radio', { name: 'A saved template' }).check();
  await add.getByLabel('Template', { exact: true }).selectOption({ label: 'On-call engineer' });
  return add;
}

/** The template's access, as `accessOf` spells it. */
export const ON_CALL = { 'Acme Cloud': 'incident_manager', 'Acme Labs': '' };

/** Clicks `button` and reads the file it downloads. */
export async function downloadOf(page: Page, button: Locator): Promise<string> {
  const download = page.waitForEvent('download');
  await button.click();
  return readFile((await (await download).path())!, 'utf8');
}
