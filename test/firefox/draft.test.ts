// Drafts in Firefox: an unsaved edit (embed or permissions) survives closing the popup (written to storage.local as it is typed),
// and nothing is sent to Statuspage meanwhile.
import { expect, test } from 'vitest';
import {
  connectThroughSetup,
  eventually,
  fill,
  firefoxSuite,
  getByLabel,
  getByRole,
  inputValue,
  isChecked,
  isDisabled,
  logged,
  pickUser,
  seedUsers,
} from './popup';

const suite = firefoxSuite();

test('a closed and reopened popup keeps its embed draft, and nothing was saved', async () => {
  const { sandbox } = suite;
  const popup = await connectThroughSetup(suite);
  await (await getByRole(popup, 'radio', 'Top right')).click();
  await fill(await getByLabel(popup, 'Maintenance background'), '#223344');
  const pageId = await inputValue(await getByLabel(popup, 'Page'));
  await eventually(async () => isDisabled(await getByRole(popup, 'button', 'Revert'))).toBe(false);
  await popup.close();

  const reopened = await suite.openPopup();
  await eventually(async () => inputValue(await getByLabel(reopened, 'Maintenance background'))).toBe('#223344');
  expect(await inputValue(await getByLabel(reopened, 'Page'))).toBe(pageId);
  expect(await isChecked(await getByRole(reopened, 'radio', 'Top right'))).toBe(true);
  expect(await isDisabled(await getByRole(reopened, 'button', 'Revert'))).toBe(false);
  expect(logged(sandbox, 'PATCH', '/status_embed_config')).toHaveLength(0);
});

test('a closed and reopened popup keeps its permissions draft: the same tab, the same user, the same unsaved change', async () => {
  const { sandbox } = suite;
  const [owner] = await seedUsers(sandbox);
  const popup = await connectThroughSetup(suite);
  await (await getByRole(popup, 'tab', 'Permissions')).click();
  await pickUser(popup, owner!.email);
  const role = 'Manage maintenances on Acme Cloud';
  await eventually(async () => isChecked(await getByLabel(popup, role))).toBe(true);
  await (await getByLabel(popup, role)).click();
  await eventually(async () => isDisabled(await getByRole(popup, 'button', 'Revert'))).toBe(false);
  await popup.close();

  const reopened = await suite.openPopup();
  const tab = await getByRole(reopened, 'tab', 'Permissions');
  await eventually(() => tab.evaluate((element) => element.getAttribute('aria-selected'))).toBe('true');
  await eventually(async () => inputValue(await getByRole(reopened, 'combobox', 'User'))).toBe(`${owner!.first_name} ${owner!.last_name}`);
  expect(await isChecked(await getByLabel(reopened, role))).toBe(false);
  expect(await isDisabled(await getByRole(reopened, 'button', 'Revert'))).toBe(false);
  expect(logged(sandbox, 'PUT', '/permissions/')).toHaveLength(0);
});
