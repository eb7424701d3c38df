import { Loading } from '../ui/Loading';
import type { PopupTabDefinition } from '../ui/popup-tab';
import { RefreshNote } from '../ui/RefreshNote';
import { embedConfigCache } from './embed-config-cache';
import { embedDraftItem } from './embed-draft-item';
import { EmbedTab } from './EmbedTab';

export const embedTab: PopupTabDefinition = {
  id: 'embed',
  label: 'Embed',
  startItems: (connectionId, { pageId }) => (pageId ? [embedConfigCache(connectionId, pageId), embedDraftItem(connectionId, pageId)] : []),
  Panel: ({ pages, pagesRefresh, pageId, onPageChange, unknownPageId, focusFirstField }) => (
    <>
      {pages ? (
        <EmbedTab pages={pages} pageId={pageId} onPageChange={onPageChange} unknownPageId={unknownPageId} focusFirstField={focusFirstField} />
      ) : (
        <Loading refresh={pagesRefresh} what="your pages" />
      )}
      {pages && <RefreshNote state={pagesRefresh} what="your pages" />}
    </>
  ),
};
