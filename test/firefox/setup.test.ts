// Set-up against the sandbox, in Firefox: the key is checked with one call, refused with a clear message when
// wrong, and kept sealed in storage.local (never in the clear, never in sync storage, never in a URL).
import { expect, test } from 'vitest';
import { connectThroughSetup, eventually, fill, firefoxSuite, getByLabel, getByName, getByRole, inputValue, stored } from './popup';

const suite = firefoxSuite();
const KEPT_FOR_A_CONNECTION = /^(apiKey|connections?|org\..*)$/;

test('a wrong key is refused with a clear message, and nothing is stored', async () => {
  const { sandbox, extension } = suite;
  const popup = await suite.openPopup();
  const key = await getByLabel(popup, 'API key');
  await eventually(() => key.evaluate((element) => element === document.activeElement)).toBe(true);
  await fill(key, 'not-the-right-key');
  await fill(await getByLabel(popup, 'Organization ID'), sandbox.organizationId);
  await (await getByName(popup, 'Advanced')).click();
  await fill(await getByLabel(popup, 'API base URL'), sandbox.apiBaseUrl);
  await (await getByRole(popup, 'button', 'Connect')).click();

  await eventually(() => key.evaluate((element) => element.getAttribute('aria-invalid'))).toBe('true');
  // The field's description (aria-describedby) carries the reason, as a screen reader reads it.
  const description = await key.evaluate((element) =>
    (element.getAttribute('aria-describedby') ?? '')
      .split(' ')
      .map((id) => document.getElementById(id)?.textContent ?? '')
      .join(' '),
  );
  expect(description).toContain('Statuspage did not accept this API key (401)');
  expect(sandbox.requests().map((entry) => `${entry.method} ${entry.path} ${entry.status}`)).toEqual([
    `GET /v1/organizations/${sandbox.organizationId}/users 401`,
  ]);
  // No key, no connection, nothing of the refused organization (items named `apiKey`, `connection(s)`, `org.<id>.…`).
  expect(Object.keys(await stored(extension)).filter((name) => KEPT_FOR_A_CONNECTION.test(name))).toEqual([]);
});

test('the key is checked with one call, kept sealed in storage.local, and never sent in a URL', async () => {
  const { sandbox, extension } = suite;
  const popup = await connectThroughSetup(suite);
  // The check is the organization's user list (137 seeded users: pages 1 and 2 of 100); nothing else went out before it passed.
  const requests = sandbox.requests();
  const others = requests.findIndex((entry) => !entry.path.endsWith(`/organizations/${sandbox.organizationId}/users`));
  expect(requests.slice(0, others === -1 ? undefined : others).map((entry) => [entry.method, entry.query.page, entry.status])).toEqual([
    ['GET', '1', 200],
    ['GET', '2', 200],
  ]);
  expect(requests.every((entry) => entry.auth === 'header')).toBe(true);
  expect(requests.every((entry) => !JSON.stringify(entry.query).includes(sandbox.apiKey))).toBe(true);

  const local = await stored(extension);
  // One sealed key (`apiKey`, or `org.<connection id>.apiKey` once connections are kept side by side).
  const keys = Object.entries(local).filter(([name]) => name === 'apiKey' || name.endsWith('.apiKey'));
  expect(keys).toHaveLength(1);
  expect(keys[0]![1]).toMatchObject({ version: 1, iv: expect.any(String), ciphertext: expect.any(String) });
  expect(JSON.stringify(local)).not.toContain(sandbox.apiKey);
  expect(await stored(extension, 'sync')).toEqual({});
  // The Embed tab starts on the first page by name.
  const acmeCloud = sandbox.pages.find((page) => page.name === 'Acme Cloud')!.id;
  await eventually(async () => inputValue(await getByLabel(popup, 'Page'))).toBe(acmeCloud);
});
