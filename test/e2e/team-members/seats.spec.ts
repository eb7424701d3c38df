/// <reference types="chrome" />
import { screenshotPath } from '../../support/screenshots';
import { apiCall } from '../popup/helpers';
import { expect, scanAll, test, USER_COUNT } from '../team-access/fixtures';

test('seats: the people with no access to any page are counted in the summary and shown by one filter', { tag: ['@screenshot'] }, async ({
  teamAccess: page,
  sandbox,
  serviceWorker,
}) => {
  test.setTimeout(90_000);
  // Two members whose access someone took away elsewhere: they hold a seat and can do nothing.
  for (const email of ['idle.one@acme.example', 'idle.two@acme.example']) {
    const user = (await apiCall(sandbox, 'POST', `/organizations/${sandbox.organizationId}/users`, { user: { email } })) as { id: string };
    await apiCall(sandbox, 'PUT', `/organizations/${sandbox.organizationId}/permissions/${user.id}`, { pages: {} });
  }
  // Added outside the extension after it listed the users, which it reuses for 5 minutes: as if those had passed.
  await serviceWorker.evaluate(async () => {
    const { connections } = (await chrome.storage.local.get('connections')) as { connections: { active: string } };
    await chrome.storage.local.remove(`org.${connections.active}.cache.users`);
  });
  await scanAll(page);
  const summary = page.getByRole('status').filter({ hasText: /^Showing/ });
  await expect(summary).toHaveText(`Showing ${USER_COUNT + 2} of ${USER_COUNT + 2} users; 0 selected.`);
  await expect(page.getByRole('status').filter({ hasText: /^Seats/ })).toHaveText('Seats: 2 with no access to any page.');
  await page.getByRole('button', { name: 'Show the 2 with no access to any page' }).click();
  await expect(page.getByLabel('Access', { exact: true })).toHaveValue('none');
  await expect(summary).toHaveText(`Showing 2 of ${USER_COUNT + 2} users; 0 selected.`);
  await expect(page.getByRole('checkbox', { name: /^Select / })).toHaveCount(2);
  await expect(page.getByRole('checkbox', { name: 'Select idle.one@acme.example' })).toBeVisible();
  await page.screenshot({ path: screenshotPath('team-members-seats.png') });
});
