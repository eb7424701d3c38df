import { Loading } from '../ui/Loading';
import { useRefresh } from '../ui/use-refresh';
import { ask } from './ask';
import type { PopupTabDefinition } from '../ui/popup-tab';
import { RefreshNote } from '../ui/RefreshNote';
import { embedConfigCache, embedConfigRefreshKey } from './embed-config-cache';
import { embedDraftItem } from './embed-draft-item';
import { EmbedTab } from './EmbedTab';

export const tab: PopupTabDefinition = {
  id: 'embed',
  label: 'Embed',
  startItems: (connectionId, { pageId }) => (pageId ? [embedConfigCache(connectionId, pageId), embedDraftItem(connectionId, pageId)] : []),
  Panel: ({ pages, pagesRefresh, pageId, onPageChange, unknownPageId, focusFirstField }) => (
    <>
      {pages ? (
        <EmbedTab pages={pages} pageId={pageId} onPageChange={onPageChange} unknownPageId={unknownPageId} focusFirstField={focusFirstField} />
      ) : (
        <>
          <Loading refresh={pagesRefresh} what="your pages" />
          {pageId && <ReadAhead pageId={pageId} />}
        </>
      )}
      {pages && <RefreshNote state={pagesRefresh} what="your pages" />}
    </>
  ),
};

/**
 * Nothing cached (a first open, a cleared cache): the config of the page chosen last time is asked for beside the
 * pages, not after them; the Embed tab joins that request when the pages come (it is the same refresh).
 */
function ReadAhead({ pageId }: { pageId: string }) {
  useRefresh(embedConfigRefreshKey(pageId), () => ask('refreshEmbedConfig', pageId));
  return null;
}
