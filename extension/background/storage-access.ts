import { browser } from 'wxt/browser';

/**
 * Chrome lets content scripts read storage.local unless told otherwise: close it to them, so cached data,
 * drafts and the (sealed) key stay with the extension's own pages. Firefox has no such switch; there the
 * key's sealing is what protects it (see connection/sealed-secret.ts).
 */
export async function closeLocalStorageToContentScripts(): Promise<void> {
  const local = browser.storage.local as typeof browser.storage.local & {
    setAccessLevel?: (options: { accessLevel: 'TRUSTED_CONTEXTS' }) => Promise<void>;
  };
  if (typeof local.setAccessLevel !== 'function') return;
  await local.setAccessLevel({ accessLevel: 'TRUSTED_CONTEXTS' });
}
