import type { ComponentChildren } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import type { Connection } from '../connection/connections-item';
import type { PopupTab, UrlContext } from '../context/manage-url';
import { pagesCache, usersCache } from '../organization/organization-cache';
import { ask } from '../connection/ask';
import { ConnectionIdContext } from '../ui/connection-context';
import { useRefresh } from '../ui/use-refresh';
import { preload, storedNow, useStored } from '../ui/use-stored';
import { lastContextItem } from './last-context';
import { TabList, TabPanel } from './Tabs';
import { TABS } from './popup-tabs';

// Long enough for the first frame and its refreshes to go out first.
const AFTER_FIRST_PAINT_MS = 100;

interface Props {
  connection: Connection;
  start: UrlContext & { tab: PopupTab };
  fromUrl?: UrlContext;
  /** The popup's bar (title, connection), which the tabs end. */
  bar: ComponentChildren;
  /** Above the tab's panel: a note about the whole popup (which connection it switched to). */
  notice?: ComponentChildren;
  /** Under the panel: help that belongs to the whole popup. */
  footer?: ComponentChildren;
}

/** The tabs (popup/popup-tabs.ts), for the connection the popup is on (drawn again from scratch when it switches). */
export function ConnectedTabs({ connection, start, fromUrl, bar, notice, footer }: Props) {
  const [tab, setTab] = useState<PopupTab>(start.tab);
  const [pageId, setPageId] = useState(start.pageId);
  const [userId, setUserId] = useState(start.userId);
  // The first field gets focus when the popup opens, not when a tab is chosen from the keyboard later.
  const [focusFirstField, setFocusFirstField] = useState(true);
  const needsUsers = (id: PopupTab) => TABS.find((candidate) => candidate.id === id)?.needsUsers === true;
  const [usersWanted, setUsersWanted] = useState(needsUsers(start.tab));
  const pages = useStored(pagesCache(connection.id));
  const users = useStored(usersWanted ? usersCache(connection.id) : undefined);
  const pagesRefresh = useRefresh(`pages:${connection.id}:${connection.verifiedAt}`, () => ask('refreshPages'));
  const usersRefresh = useRefresh(usersWanted ? `users:${connection.id}:${connection.verifiedAt}` : undefined, () => ask('refreshUsers'));

  useEffect(() => {
    const next = { tab, pageId, userId };
    const last = storedNow(lastContextItem);
    if (last.loaded && JSON.stringify(last.value) === JSON.stringify(next)) return; // where it opened: nothing to write
    void lastContextItem.setValue(next);
  }, [tab, pageId, userId]);

  // After the first paint: the other tabs' code and what they draw from, so that choosing one draws at once.
  useEffect(() => {
    const later = setTimeout(() => {
      const chosen = { pageId: start.pageId, userId: start.userId };
      const others = TABS.filter((candidate) => candidate.id !== start.tab);
      for (const other of others) other.loadPanel?.().catch(() => {}); // tried again when shown
      const items = others.flatMap((other) => [
        ...(other.needsUsers ? [usersCache(connection.id)] : []),
        ...(other.startItems?.(connection.id, chosen) ?? []),
      ]);
      if (items.length) void preload(items).catch(() => {});
    }, AFTER_FIRST_PAINT_MS);
    return () => clearTimeout(later);
  }, [connection.id, start]);

  // Nothing chosen yet (first run, or a page that is gone): the first page by name.
  const pageList = pages.value?.value;
  useEffect(() => {
    if (!pageList?.length || pageList.some((page) => page.id === pageId)) return;
    if (fromUrl?.pageId === pageId && pageId !== undefined) return; // keep the notice about the URL's page
    setPageId([...pageList].sort((a, b) => a.name.localeCompare(b.name))[0]!.id);
  }, [pageList, pageId, fromUrl?.pageId]);

  function chooseTab(next: PopupTab): void {
    setFocusFirstField(false);
    setTab(next);
    if (needsUsers(next)) setUsersWanted(true);
  }

  const current = TABS.find((candidate) => candidate.id === tab) ?? TABS[0]!;
  const userList = users.value?.value;
  const unknownPageId = fromUrl?.pageId && pageList && !pageList.some((page) => page.id === fromUrl.pageId) ? fromUrl.pageId : undefined;
  const unknownUserId = fromUrl?.userId && userList && !userList.some((user) => user.id === fromUrl.userId) ? fromUrl.userId : undefined;
  const otherOrganizationId = fromUrl?.organizationId && fromUrl.organizationId !== connection.organizationId ? fromUrl.organizationId : undefined;

  return (
    <ConnectionIdContext.Provider value={connection.id}>
      <header class="bar">
        {bar}
        {/* Last in the bar, so that Tab goes from the tabs straight into the panel they show. */}
        <TabList tab={tab} onChange={chooseTab} />
      </header>
      <main>
        {notice}
        <TabPanel id={current.id}>
          <current.Panel
            pages={pageList}
            users={userList}
            pagesRefresh={pagesRefresh}
            usersRefresh={usersRefresh}
            pageId={pageId}
            onPageChange={setPageId}
            userId={userId}
            onUserChange={setUserId}
            unknownPageId={unknownPageId}
            unknownUserId={unknownUserId}
            otherOrganizationId={otherOrganizationId}
            focusFirstField={focusFirstField}
          />
        </TabPanel>
        {footer}
      </main>
    </ConnectionIdContext.Provider>
  );
}
