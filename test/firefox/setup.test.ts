// Set-up against the sandbox, in Firefox: the key is checked with one call, refused with a clear message when
// wrong, and kept sealed in storage.local (never in the clear, never in sync storage, never in a URL).
import { expect, test } from 'vitest';
import { connectThroughSetup, fill, getByLabel, getByName, getByRole, stored, firefoxSuite, inputValue } from './popup';

const suite = firefoxSuite();

test('a wrong key is refused with a clear message, and nothing is stored', async () => {
  const { sandbox, extension } = suite;
  const popup = await suite.openPopup();
  const key = await getByLabel(popup, 'API key');
  await expect.poll(() => key.evaluate((element) => element === document.activeElement)).toBe(true);
  await fill(key, 'not-the-right-key');
  await fill(await getByLabel(popup, 'Organization ID'), sandbox.organizationId);
  await (await getByName(popup, 'Advanced')).click();
  await fill(await getByLabel(popup, 'API base URL'), sandbox.apiBaseUrl);
  await (await getByRole(popup, 'button', 'Connect')).click();

  await expect.poll(() => key.evaluate((element) => element.getAttribute('aria-invalid'))).toBe('true');
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
  expect(await stored(extension, 'local', ['apiKey', 'connection'])).toEqual({});
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
  expect(local.apiKey).toMatchObject({ version: 1 });
  expect(JSON.stringify(local)).not.toContain(sandbox.apiKey);
  expect(await stored(extension, 'sync')).toEqual({});
  // The Embed tab starts on the first page by name.
  const acmeCloud = sandbox.pages.find((page) => page.name === 'Acme Cloud')!.id;
  await expect.poll(async () => inputValue(await getByLabel(popup, 'Page'))).toBe(acmeCloud);
});
