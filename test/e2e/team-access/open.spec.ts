import { expect, test, teamAccessUrl } from './fixtures';

test('the popup’s Permissions tab opens the Team access page in a new tab', async ({ popup: page, context, extensionId }) => {
  await page.getByRole('tab', { name: 'Permissions' }).click();
  const opened = context.waitForEvent('page');
  await page.getByRole('button', { name: 'Open Team access' }).click();
  const teamAccess = await opened;
  await expect(teamAccess).toHaveURL(teamAccessUrl(extensionId));
  await expect(teamAccess.getByRole('heading', { name: 'Team access', level: 1 })).toBeVisible();
  await expect(teamAccess.getByRole('button', { name: 'Scan the organization' })).toBeVisible();
  await teamAccess.close();
});
