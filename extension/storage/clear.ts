import { browser } from 'wxt/browser';
import { organizationPrefix } from './org-item';

/** Forgets everything one connection keeps (key, limiter, caches, drafts: every `org.<id>.` key and its meta). */
export async function clearConnectionData(connectionId: string): Promise<void> {
  const prefix = organizationPrefix(connectionId);
  const all = await browser.storage.local.get(null);
  const keys = Object.keys(all).filter((key) => key.startsWith(prefix));
  if (keys.length) await browser.storage.local.remove(keys);
}

/** Forgets a connection's cached reads and drafts, keeping its key (it was pointed at another organization or API). */
export async function clearOrganizationData(connectionId: string): Promise<void> {
  const prefix = organizationPrefix(connectionId);
  const all = await browser.storage.local.get(null);
  const keys = Object.keys(all).filter((key) => key.startsWith(`${prefix}cache.`) || key.startsWith(`${prefix}draft.`));
  if (keys.length) await browser.storage.local.remove(keys);
}
