// Drafts in Firefox: an unsaved edit survives closing the popup (it is written to storage.local as it is typed),
// and nothing is sent to Statuspage meanwhile.
import { expect, test } from 'vitest';
import { connectThroughSetup, eventually, fill, firefoxSuite, getByLabel, getByRole, inputValue, isChecked, isDisabled, logged } from './popup';

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
