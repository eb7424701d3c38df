import { isManageStatuspageUrl } from '../../messaging/sender';

/**
 * What the popup may do on the tab it was opened over:
 * - `manage`: manage.statuspage.io, where our content script already listens: the preview follows the draft by itself;
 * - `site`: any other web page: "Preview on this tab" injects the same preview, on request only (activeTab);
 * - `unavailable`: pages no extension may script (the browser's own, other extensions', the Web Store).
 * An unknown URL (no activeTab grant yet) counts as a site: the browser says no if it must.
 */
export type PreviewTargetKind = 'manage' | 'site' | 'unavailable';

const STORE_HOSTS = ['chromewebstore.google.com', 'chrome.google.com', 'addons.mozilla.org', 'microsoftedge.microsoft.com'];

export function previewTargetKind(url: string | undefined): PreviewTargetKind {
  if (url === undefined || url === '') return 'site';
  if (isManageStatuspageUrl(url)) return 'manage';
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return 'unavailable';
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:' && parsed.protocol !== 'file:') return 'unavailable';
  return STORE_HOSTS.includes(parsed.hostname) ? 'unavailable' : 'site';
}
