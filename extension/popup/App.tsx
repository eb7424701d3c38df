import { useEffect, useState } from 'preact/hooks';
import type { PopupTab, UrlContext } from '../context/manage-url';
import { EmbedTab } from '../embed/EmbedTab';
import { PermissionsTab } from '../permissions/PermissionsTab';
import { pagesCache, usersCache } from '../organization/organization-cache';
import { connectionItem } from '../connection/connection-item';
import { lastContextItem } from './last-context';
import { ask } from '../ui/background-api';
import { PopupServicesContext } from '../ui/popup-context';
import { Loading } from '../ui/Loading';
import { RefreshNote } from '../ui/RefreshNote';
import { SetupForm } from '../connection/SetupForm';
import { useStored } from '../ui/use-stored';
import { TabList, TabPanel } from './Tabs';
import { useRefresh } from '../ui/use-refresh';

export interface AppProps {
  /** Where to start: what the tab's URL names, else the last used context. */
  start: UrlContext & { tab: PopupTab };
  /** What the URL itself named (for "this page is not one of yours" notices). */
  fromUrl?: UrlContext;
}

export function App({ start, fromUrl }: AppProps) {
  const connection = useStored(connectionItem);
  const pages = useStored(pagesCache);
  const users = useStored(usersCache);
  const [keyProblem, setKeyProblem] = useState<string>();
  const [settingsOpen, setSettingsOpen] = useState(false);
  const [tab, setTab] = useState<PopupTab>(start.tab);
  const [pageId, setPageId] = useState(start.pageId);
  const [userId, setUserId] = useState(start.userId);
  // The first field gets focus when the popup opens, not when a tab is chosen from the keyboard later.
  const [focusFirstField, setFocusFirstField] = useState(true);
  const [usersWanted, setUsersWanted] = useState(start.tab === 'permissions');

  const connected = connection.value ?? undefined;
  const showSetup = !connected || keyProblem !== undefined || settingsOpen;
  const pagesRefresh = useRefresh(connected && !showSetup ? `pages:${connected.verifiedAt}` : undefined, () => ask('refreshPages'));
  const usersRefresh = useRefresh(connected && !showSetup && usersWanted ? `users:${connected.verifiedAt}` : undefined, () => ask('refreshUsers'));

  useEffect(() => {
    void lastContextItem.setValue({ tab, pageId, userId });
  }, [tab, pageId, userId]);

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
    if (next === 'permissions') setUsersWanted(true);
  }

  const services = { keyRefused: (message: string) => setKeyProblem(message) };
  const userList = users.value?.value;
  const unknownPageId = fromUrl?.pageId && pageList && !pageList.some((page) => page.id === fromUrl.pageId) ? fromUrl.pageId : undefined;
  const unknownUserId = fromUrl?.userId && userList && !userList.some((user) => user.id === fromUrl.userId) ? fromUrl.userId : undefined;
  const otherOrganizationId =
    fromUrl?.organizationId && connected && fromUrl.organizationId !== connected.organizationId ? fromUrl.organizationId : undefined;

  return (
    <PopupServicesContext.Provider value={services}>
      <header class="bar">
        <h1>Statuspage</h1>
        {connected && !keyProblem && (
          <button type="button" class="link" aria-expanded={settingsOpen} onClick={() => setSettingsOpen(!settingsOpen)}>
            {settingsOpen ? 'Close' : 'Connection'}
          </button>
        )}
        {/* Last in the bar, so that Tab goes from the tabs straight into the panel they show. */}
        {!showSetup && <TabList tab={tab} onChange={chooseTab} />}
      </header>
      <main>
        {showSetup ? (
          connection.loaded && (
            <SetupForm
              connection={connected ?? null}
              reason={keyProblem}
              onDone={() => {
                setKeyProblem(undefined);
                setSettingsOpen(false);
              }}
              onCancel={settingsOpen ? () => setSettingsOpen(false) : undefined}
            />
          )
        ) : tab === 'embed' ? (
          <TabPanel id="embed">
            {pageList ? (
              <EmbedTab pages={pageList} pageId={pageId} onPageChange={setPageId} unknownPageId={unknownPageId} focusFirstField={focusFirstField} />
            ) : (
              <Loading refresh={pagesRefresh} what="your pages" />
            )}
            {pageList && <RefreshNote state={pagesRefresh} what="your pages" />}
          </TabPanel>
        ) : (
          <TabPanel id="permissions">
            {userList && pageList ? (
              <PermissionsTab
                pages={pageList}
                users={userList}
                userId={userId}
                onUserChange={setUserId}
                unknownUserId={unknownUserId}
                otherOrganizationId={otherOrganizationId}
                focusFirstField={focusFirstField}
              />
            ) : (
              <Loading refresh={usersRefresh} what="the users" loading="the organization's users" />
            )}
            {userList && <RefreshNote state={usersRefresh} what="the users" />}
          </TabPanel>
        )}
      </main>
    </PopupServicesContext.Provider>
  );
}
