import { render } from 'preact';
import { contextFromManageUrl, startingContext } from '../context/manage-url';
import { embedConfigCache } from '../embed/embed-config-cache';
import { embedDraftItem } from '../embed/embed-draft-item';
import { pagesCache, usersCache } from '../organization/organization-cache';
import { permissionsCache, roleBasedAccessCache } from '../permissions/permissions-cache';
import { permissionsDraftItem } from '../permissions/permissions-draft-item';
import { connectionItem } from '../connection/connection-item';
import { lastContextItem } from './last-context';
import { savesItem } from '../saves/save-record';
import { App } from './App';
import { preload } from '../ui/use-stored';
import { tabUrl } from '../context/popup-tab';

/**
 * Reads everything the first screen needs from storage (one round of reads, no network) and the tab's URL,
 * then draws: cached data shows in the first frame, and the refreshes start after it.
 */
export async function startPopup(root: HTMLElement): Promise<void> {
  const [url, lastContext] = await Promise.all([tabUrl(), lastContextItem.getValue()]);
  const fromUrl = contextFromManageUrl(url);
  const context = startingContext(fromUrl, lastContext);
  const start = { ...context, tab: context.tab ?? 'embed' };
  await preload([
    connectionItem,
    pagesCache,
    usersCache,
    roleBasedAccessCache,
    savesItem,
    ...(start.pageId ? [embedConfigCache(start.pageId), embedDraftItem(start.pageId)] : []),
    ...(start.userId ? [permissionsCache(start.userId), permissionsDraftItem(start.userId)] : []),
  ]);
  root.replaceChildren();
  render(<App start={start} fromUrl={fromUrl} />, root);
}
