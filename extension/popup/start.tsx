import { render } from 'preact';
import { activeConnection, type Connections, connectionsItem } from '../connection/connections-item';
import { isCurrentLayout, layoutItem, migrateSingleConnection } from '../connection/migrate-single-connection';
import { contextFromManageUrl, startingContext, type UrlContext } from '../context/manage-url';
import { tabUrl } from '../context/popup-tab';
import { pagesCache, usersCache } from '../organization/organization-cache';
import { savesItem } from '../saves/save-record';
import { ask } from '../connection/ask';
import { readAhead, readItems } from '../storage/stored-item';
import { preload } from '../ui/use-stored';
import { App, type AppProps } from './App';
import { lastContextItem } from './last-context';
import { TABS } from './popup-tabs';
import { lastFirstRead, rememberFirstRead } from './first-read-hint';
import { markStartup } from './startup-marks';

/**
 * The connection the tab's URL belongs to: the one for the organization it names, else the one whose pages include
 * the page it names. `undefined`: the URL names neither; `null`: it names one that no connection has.
 */
async function connectionForUrl(fromUrl: UrlContext | undefined, connections: Connections): Promise<string | null | undefined> {
  if (fromUrl?.organizationId) return connections.list.find((connection) => connection.organizationId === fromUrl.organizationId)?.id ?? null;
  if (!fromUrl?.pageId) return undefined;
  const pages = await readItems(connections.list.map((connection) => pagesCache(connection.id)));
  const index = pages.findIndex((cached) => cached?.value.some((page) => page.id === fromUrl.pageId));
  if (index >= 0) return connections.list[index]!.id;
  // Not in any cache yet: the current connection may still have it (its pages are refreshed next).
  return connections.list.length > 1 ? null : undefined;
}

/** What the first screen draws from, of the connection the popup opens on: its pages, and what the open tab needs. */
function firstScreenItems(connectionId: string, start: UrlContext & { tab: AppProps['start']['tab'] }) {
  const tab = TABS.find((candidate) => candidate.id === start.tab);
  return [
    pagesCache(connectionId),
    ...(tab?.needsUsers ? [usersCache(connectionId)] : []),
    ...(tab?.startItems?.(connectionId, { pageId: start.pageId, userId: start.userId }) ?? []),
  ];
}

const ALWAYS = [layoutItem, connectionsItem, lastContextItem, savesItem] as const;

/**
 * Reads what the first screen needs with one storage call (what it always reads, and what it read for the open tab
 * last time; a second call only when that guess was wrong) and the tab's URL beside it, switches to the connection
 * the tab belongs to, then draws: cached data shows in the first frame, the refreshes start after it, and the other
 * tabs' data is read after the first paint.
 */
export async function startPopup(root: HTMLElement): Promise<void> {
  markStartup('start');
  const url = tabUrl();
  const guess = lastFirstRead();
  // Likely the tab it opens on: its code is fetched and run while storage answers.
  TABS.find((candidate) => candidate.id === guess?.tab)
    ?.loadPanel?.()
    .catch(() => {});
  const ahead = await readAhead([...ALWAYS.flatMap((item) => item.readKeys), ...(guess?.keys ?? [])]);
  try {
    let [layout, connections, lastContext] = await preload(ALWAYS, ahead);
    if (!isCurrentLayout(layout)) {
      // A profile from before several connections, opened before the background could move it: move it first.
      await migrateSingleConnection();
      [, connections, lastContext] = await preload(ALWAYS);
    }
    const fromUrl = contextFromManageUrl(await url);
    markStartup('context');

    const context = startingContext(fromUrl, lastContext);
    const start = { ...context, tab: context.tab ?? 'embed' };
    const current = activeConnection(connections)?.id;
    const firstScreen = current ? firstScreenItems(current, start) : [];
    // The connection's data is read while the URL's connection is looked for: it is nearly always the same one.
    const reading = current ? preload(firstScreen, ahead) : undefined;
    const panel = TABS.find((candidate) => candidate.id === start.tab)?.loadPanel?.();

    let urlConnection: AppProps['urlConnection'];
    const wanted = await connectionForUrl(fromUrl, connections);
    if (wanted && wanted !== connections.active) {
      const switched = await ask('switchConnection', wanted).catch(() => undefined);
      if (switched) {
        urlConnection = { switchedTo: switched.label };
        [connections] = await preload([connectionsItem]);
      }
    } else if (wanted === null && connections.list.length) {
      urlConnection = { noneFor: fromUrl?.organizationId ? `the organization ${fromUrl.organizationId}` : `the page ${fromUrl?.pageId}` };
    }
    const id = activeConnection(connections)?.id;
    const shown = id === current ? firstScreen : id ? firstScreenItems(id, start) : [];
    rememberFirstRead({ tab: start.tab, keys: shown.flatMap((item) => item.readKeys) });
    if (id === current) await reading;
    else {
      reading?.catch(() => {}); // the connection it was for is no longer the one shown
      await preload(shown);
    }
    await panel?.catch(() => {}); // not loaded: the tab loads it when it is drawn
    markStartup('read');

    root.replaceChildren();
    render(<App start={start} fromUrl={fromUrl} urlConnection={urlConnection} />, root);
    markStartup('rendered');
  } finally {
    ahead.close();
  }
}
