import type { VNode } from 'preact';
import type { Page, User } from '../../shared/schemas';
import type { PopupTab } from '../context/manage-url';
import type { StoredItem } from '../storage/stored-item';
import type { RefreshState } from './use-refresh';

/** What the popup gives every tab's panel: the organization as cached, what is chosen, and what the URL named. */
export interface TabPanelProps {
  pages: Page[] | undefined;
  users: User[] | undefined;
  pagesRefresh: RefreshState;
  usersRefresh: RefreshState;
  pageId: string | undefined;
  onPageChange(pageId: string): void;
  userId: string | undefined;
  onUserChange(userId: string): void;
  /** An id the manage.statuspage.io URL named that the organization does not have. */
  unknownPageId: string | undefined;
  unknownUserId: string | undefined;
  /** The URL is of another organization than the connection's. */
  otherOrganizationId: string | undefined;
  focusFirstField: boolean;
}

/** A feature's tab in the popup (`<feature>/tab.tsx`); popup/popup-tabs.ts gathers those of the features extension/features.ts lists. */
export interface PopupTabDefinition {
  id: PopupTab;
  label: string;
  /** Reads the organization's users when the tab is first shown (the user list costs requests). */
  needsUsers?: boolean;
  /**
   * What the panel draws from at first, for the page or user the popup opens on: read with the popup's one start-up
   * read of the connection's data, so that its first frame shows them (anything else is read when it is shown).
   */
  startItems?(connectionId: string, chosen: { pageId?: string; userId?: string }): Array<StoredItem<unknown>>;
  Panel(props: TabPanelProps): VNode;
  /** A panel whose code comes apart from the popup's bundle: loads it (the start-up does, for the tab it opens on). */
  loadPanel?(): Promise<unknown>;
}
