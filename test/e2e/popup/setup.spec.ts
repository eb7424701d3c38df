/// <reference types="chrome" />
// `chrome` is what serviceWorker.evaluate() runs against, inside the extension.
import { setupScenarios } from '../../scenarios/setup';
import { chromium, expect, test } from '../fixtures';
import { expectSaved, logged, queueFault } from './helpers';

setupScenarios(chromium);

test('a key refused later (401) brings back the key form, keeping the drafts', async ({ popup: page, openPopup, sandbox, serviceWorker }) => {
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

  const popup = await openPopup();
  await expect(popup.getByRole('alert')).toContainText('Statuspage did not accept the API key (401). Enter a new key; your drafts are kept.');
  await expect(popup.getByLabel('Organization ID')).toHaveValue(sandbox.organizationId);
  await popup.getByLabel('API key').fill(sandbox.apiKey);
  await popup.getByRole('button', { name: 'Save and check' }).click();
  await expect(popup.getByLabel('Maintenance text', { exact: true })).toHaveValue('#fafafa');
});

test("a key refused during a save (401) asks for a new key from the save's notice; the draft waits for it", async ({ popup: page, sandbox }) => {
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
