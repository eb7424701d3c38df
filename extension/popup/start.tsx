import { render } from 'preact';
import { activeConnection, type Connections, connectionsItem } from '../connection/connections-item';
import { migrateSingleConnection } from '../connection/migrate-single-connection';
import { contextFromManageUrl, startingContext, type UrlContext } from '../context/manage-url';
import { tabUrl } from '../context/popup-tab';
import { embedConfigCache } from '../embed/embed-config-cache';
import { embedDraftItem } from '../embed/embed-draft-item';
import { pagesCache, usersCache } from '../organization/organization-cache';
import { permissionsCache, roleBasedAccessCache } from '../access/permissions-cache';
import { permissionsDraftItem } from '../permissions/permissions-draft-item';
import { savesItem } from '../saves/save-record';
import { ask } from '../connection/ask';
import { preload } from '../ui/use-stored';
import { App, type AppProps } from './App';
import { lastContextItem } from './last-context';

/**
 * The connection the tab's URL belongs to: the one for the organization it names, else the one whose pages include
 * the page it names. `undefined`: the URL names neither; `null`: it names one that no connection has.
 */
async function connectionForUrl(fromUrl: UrlContext | undefined, connections: Connections): Promise<string | null | undefined> {
  if (fromUrl?.organizationId) return connections.list.find((connection) => connection.organizationId === fromUrl.organizationId)?.id ?? null;
  if (!fromUrl?.pageId) return undefined;
  for (const connection of connections.list) {
    const pages = (await pagesCache(connection.id).getValue())?.value;
    if (pages?.some((page) => page.id === fromUrl.pageId)) return connection.id;
  }
  // Not in any cache yet: the current connection may still have it (its pages are refreshed next).
  return connections.list.length > 1 ? null : undefined;
}

/**
 * Reads everything the first screen needs from storage (one round of reads, no network) and the tab's URL, switches
 * to the connection the tab belongs to, then draws: cached data shows in the first frame, and the refreshes start after it.
 */
export async function startPopup(root: HTMLElement): Promise<void> {
  await migrateSingleConnection();
  const [url, lastContext, connections] = await Promise.all([tabUrl(), lastContextItem.getValue(), connectionsItem.getValue()]);
  const fromUrl = contextFromManageUrl(url);
  let urlConnection: AppProps['urlConnection'];
  const wanted = await connectionForUrl(fromUrl, connections);
  if (wanted && wanted !== connections.active) {
    const switched = await ask('switchConnection', wanted).catch(() => undefined);
    if (switched) urlConnection = { switchedTo: switched.label };
  } else if (wanted === null && connections.list.length) {
    urlConnection = { noneFor: fromUrl?.organizationId ? `the organization ${fromUrl.organizationId}` : `the page ${fromUrl?.pageId}` };
  }
  const context = startingContext(fromUrl, lastContext);
  const start = { ...context, tab: context.tab ?? 'embed' };
  const active = activeConnection(await connectionsItem.getValue());
  const id = active?.id;
  await preload([
    connectionsItem,
    savesItem,
    ...(id ? [pagesCache(id), usersCache(id), roleBasedAccessCache(id)] : []),
    ...(id && start.pageId ? [embedConfigCache(id, start.pageId), embedDraftItem(id, start.pageId)] : []),
    ...(id && start.userId ? [permissionsCache(id, start.userId), permissionsDraftItem(id, start.userId)] : []),
  ]);
  root.replaceChildren();
  render(<App start={start} fromUrl={fromUrl} urlConnection={urlConnection} />, root);
}
