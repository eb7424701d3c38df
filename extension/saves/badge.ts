import { browser } from 'wxt/browser';
import type { SaveRecord } from './save-record';

/** "!" on the toolbar button while a save has failed (or was refused by a conflict), nothing otherwise. */
export function badgeFor(saves: Record<string, SaveRecord>): string {
  return Object.values(saves).some((save) => save.state === 'failed' || save.state === 'conflict') ? '!' : '';
}

export async function showBadge(saves: Record<string, SaveRecord>): Promise<void> {
  // MV2 (the Firefox build) names it browserAction.
  const action = browser.action ?? (browser as unknown as { browserAction: typeof browser.action }).browserAction;
  const text = badgeFor(saves);
  await action.setBadgeText({ text });
  if (text) await action.setBadgeBackgroundColor({ color: '#b42318' });
}
