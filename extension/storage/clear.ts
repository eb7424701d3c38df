import { browser } from 'wxt/browser';

// Everything that belongs to one organization: cached reads, drafts, pending saves.
const ORGANIZATION_DATA = [/^cache\./, /^draft\./, /^saves$/];

/** Forgets one organization's data (the admin connected to another organization or another API). */
export async function clearOrganizationData(): Promise<void> {
  const all = await browser.storage.local.get(null);
  const keys = Object.keys(all).filter((key) => ORGANIZATION_DATA.some((pattern) => pattern.test(key.replace(/\$$/, ''))));
  if (keys.length) await browser.storage.local.remove(keys);
}
