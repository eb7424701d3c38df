import type { Page } from '../../shared/index';
import { ask } from './ask';
import { Loading } from '../ui/Loading';
import { RefreshNote } from '../ui/RefreshNote';
import { useRefresh } from '../ui/use-refresh';
import { useConnectionId } from '../ui/connection-context';
import { useStored } from '../ui/use-stored';
import { embedConfigCache, embedConfigRefreshKey } from './embed-config-cache';
import { embedDraftItem } from './embed-draft-item';
import { hasEdits } from './use-embed-draft';
import { saveId, savesItem } from '../saves/save-record';
import { EmbedEditor } from './EmbedEditor';
import { PagePicker } from './PagePicker';
import './embed.css';

interface Props {
  pages: Page[];
  pageId: string | undefined;
  onPageChange(pageId: string): void;
  /** The tab's URL named a page that is not among the organization's pages. */
  unknownPageId?: string;
  /** Focus the page picker when the tab appears (the popup just opened). */
  focusFirstField: boolean;
}

export function EmbedTab({ pages, pageId, onPageChange, unknownPageId, focusFirstField }: Props) {
  const page = pages.find((candidate) => candidate.id === pageId);
  const connectionId = useConnectionId();
  const config = useStored(page ? embedConfigCache(connectionId, page.id) : undefined);
  const draft = useStored(page ? embedDraftItem(connectionId, page.id) : undefined);
  const saves = useStored(savesItem);
  const refresh = useRefresh(
    page && embedConfigRefreshKey(page.id),
    () => ask('refreshEmbedConfig', page!.id),
    page && { kind: 'page', name: page.name },
  );

  const serverConfig = (hasEdits(draft.value) ? draft.value.base : undefined) ?? config.value?.value;
  return (
    <div class="stack">
      <PagePicker pages={pages} pageId={page?.id} onChange={onPageChange} autoFocus={focusFirstField} />
      {unknownPageId && (
        <p class="notice warn" role="status">
          This tab shows page {unknownPageId}, which is not one of this organization's pages.
        </p>
      )}
      {page && serverConfig && draft.loaded && (
        <>
          <RefreshNote state={refresh} what="the embed settings" />
          <EmbedEditor
            key={page.id}
            page={page}
            serverConfig={serverConfig}
            storedDraft={draft.value ?? null}
            save={saves.value?.[saveId('embed', connectionId, page.id)]}
          />
        </>
      )}
      {page && !serverConfig && config.loaded && draft.loaded && (
        <Loading refresh={refresh} what="the embed settings" loading={`the embed settings of ${page.name}`} />
      )}
    </div>
  );
}
