import { Loading } from '../ui/Loading';
import type { PopupTabDefinition } from '../ui/popup-tab';
import { RefreshNote } from '../ui/RefreshNote';
import { EmbedTab } from './EmbedTab';

export const embedTab: PopupTabDefinition = {
  id: 'embed',
  label: 'Embed',
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
