import type { Browser } from 'wxt/browser';

export type SenderKind = 'extension-page' | 'content-script' | 'foreign';

/**
 * Who sent a message: one of our own pages (the popup), one of our content scripts (and on which
 * page), or anything else. Only our own extension can message us at all (no `externally_connectable`);
 * this also keeps content scripts away from what only the popup may ask.
 */
export function senderKind(sender: Browser.runtime.MessageSender, extensionId: string, extensionOrigin: string): SenderKind {
  if (sender.id !== extensionId) return 'foreign';
  if (sender.url?.startsWith(extensionOrigin)) return 'extension-page';
  if (sender.tab?.id !== undefined && sender.url) return 'content-script';
  return 'foreign';
}

/** manage.statuspage.io over https: where the preview content script runs by itself. */
export function isManageStatuspageUrl(url: string | undefined): boolean {
  if (!url) return false;
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'https:' && parsed.hostname === 'manage.statuspage.io';
  } catch {
    return false;
  }
}
