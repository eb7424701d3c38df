/// <reference types="chrome" />
// `chrome` is what serviceWorker.evaluate() runs against, inside the extension.
import { expect, test } from '../fixtures';
import { connectPopup, expectSaved, logged, popupUrl, queueFault, resetAll } from './helpers';

test.beforeEach(async ({ sandbox, serviceWorker }) => {
  await resetAll(sandbox, serviceWorker);
});

test('a wrong key is refused with a clear message, and nothing is stored', async ({ page, extensionId, sandbox, serviceWorker }) => {
  await page.goto(popupUrl(extensionId));
  await expect(page.getByLabel('API key')).toBeFocused();
  await page.getByLabel('API key').fill('not-the-right-key');
  await page.getByLabel('Organization ID').fill(sandbox.organizationId);
  await page.getByText('Advanced').click();
  await page.getByLabel('API base URL').fill(sandbox.apiBaseUrl);
  await page.getByRole('button', { name: 'Connect' }).click();
  await expect(page.getByText('Statuspage did not accept this API key (401)')).toBeVisible();
  await expect(page.getByLabel('API key')).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByLabel('API key')).toHaveAccessibleDescription(/did not accept this API key/);
  // One call checked it, and nothing else was asked with a refused key.
  expect(sandbox.requests().map((entry) => `${entry.method} ${entry.path} ${entry.status}`)).toEqual([
    `GET /v1/organizations/${sandbox.organizationId}/users 401`,
  ]);
  const stored = await serviceWorker.evaluate(() => chrome.storage.local.get(null));
  expect(Object.keys(stored).filter((key) => key.startsWith('org.'))).toEqual([]);
  expect((stored.connections as { list?: unknown[] } | undefined)?.list ?? []).toEqual([]);
});

test('the key is checked with one call, kept sealed in local storage, and never in a URL', async ({ page, extensionId, sandbox, serviceWorker }) => {
  await connectPopup(page, extensionId, sandbox);
  // The check is the organization's user list, which needs both key and organization: one call per 100 users
  // (the sandbox seeds 137), and its answer fills the user picker. Nothing else went out before it passed.
  const requests = sandbox.requests();
  const seen = requests.map((entry) => `${entry.method} ${entry.path} ${JSON.stringify(entry.query)} ${entry.status}`).join('\n');
  const others = requests.findIndex((entry) => !entry.path.endsWith(`/organizations/${sandbox.organizationId}/users`));
  // (The popup's own first reads, after the check, may or may not be logged yet.)
  expect(
    requests.slice(0, others === -1 ? undefined : others).map((entry) => [entry.method, entry.query.page, entry.status]),
    seen,
  ).toEqual([
    ['GET', '1', 200],
    ['GET', '2', 200],
  ]);
  expect(requests.every((entry) => entry.auth === 'header')).toBe(true);
  expect(requests.every((entry) => !JSON.stringify(entry.query).includes(sandbox.apiKey))).toBe(true);
  const stored = await serviceWorker.evaluate(() => chrome.storage.local.get(null));
  const text = JSON.stringify(stored);
  expect(text).not.toContain(sandbox.apiKey);
  const { active } = stored.connections as { active: string };
  expect(stored[`org.${active}.apiKey`]).toMatchObject({ version: 1 });
  expect(await serviceWorker.evaluate(() => chrome.storage.sync.get(null))).toEqual({});
  // The pages appear: the Embed tab starts on the first page by name.
  await expect(page.getByLabel('Page')).toHaveValue(sandbox.pages.find((p) => p.name === 'Acme Cloud')!.id);
});

test('a key refused later (401) brings back the key form, keeping the drafts', async ({ page, context, extensionId, sandbox, serviceWorker }) => {
  await connectPopup(page, extensionId, sandbox);
  await page.getByLabel('Maintenance text', { exact: true }).fill('#fafafa');
  await page.close();
  // The key is revoked on Statuspage's side: here, the stored key is replaced by one the sandbox refuses,
  // sealed the way the extension seals it (extension/connection/sealed-secret.ts).
  await serviceWorker.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const open = indexedDB.open('statuspage-toolkit-keys', 1);
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => reject(open.error);
    });
    const key = await new Promise<CryptoKey>((resolve, reject) => {
      const get = db.transaction('keys').objectStore('keys').get('api-key-sealing');
      get.onsuccess = () => resolve(get.result as CryptoKey);
      get.onerror = () => reject(get.error);
    });
    db.close();
    const iv = crypto.getRandomValues(new Uint8Array(12));
    const ciphertext = new Uint8Array(await crypto.subtle.encrypt({ name: 'AES-GCM', iv }, key, new TextEncoder().encode('revoked-key-123')));
    const base64 = (bytes: Uint8Array) => btoa(String.fromCharCode(...bytes));
    const { connections } = (await chrome.storage.local.get('connections')) as { connections: { active: string } };
    await chrome.storage.local.set({ [`org.${connections.active}.apiKey`]: { version: 1, iv: base64(iv), ciphertext: base64(ciphertext) } });
  });

  const popup = await context.newPage();
  await popup.goto(popupUrl(extensionId));
  await expect(popup.getByRole('alert')).toContainText('Statuspage did not accept the API key (401). Enter a new key; your drafts are kept.');
  await expect(popup.getByLabel('Organization ID')).toHaveValue(sandbox.organizationId);
  await popup.getByLabel('API key').fill(sandbox.apiKey);
  await popup.getByRole('button', { name: 'Save and check' }).click();
  await expect(popup.getByLabel('Maintenance text', { exact: true })).toHaveValue('#fafafa');
  await popup.close();
});

test("a key refused during a save (401) asks for a new key from the save's notice; the draft waits for it", async ({
  page,
  extensionId,
  sandbox,
}) => {
  await connectPopup(page, extensionId, sandbox);
  await page.getByLabel('Incident text', { exact: true }).fill('#fdfdfd');

  // The key is revoked on Statuspage's side just as the admin saves: the save's PATCH is refused.
  await queueFault(sandbox, { status: 401, method: 'PATCH', path: '/pages/', shape: 'error', message: 'Unauthorized' });
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  const notice = page.getByRole('alert').filter({ hasText: 'Not saved.' });
  await expect(notice).toContainText('Not saved. Statuspage did not accept the API key (401). Enter a new key; your drafts are kept.');
  await notice.getByRole('button', { name: 'Enter a new key' }).click();
  await expect(page.getByLabel('API key')).toBeFocused();
  await expect(page.getByRole('alert')).toContainText('Statuspage did not accept the API key (401)');
  await page.getByLabel('API key').fill(sandbox.apiKey);
  await page.getByRole('button', { name: 'Save and check' }).click();

  await expect(page.getByLabel('Incident text', { exact: true })).toHaveValue('#fdfdfd');
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expectSaved(page);
  // The refused save reached the sandbox (and is logged); the draft went out once more, after the new key, and only once.
  expect(logged(sandbox, 'PATCH', '/status_embed_config').map((entry) => entry.status)).toEqual([401, 200]);
});
