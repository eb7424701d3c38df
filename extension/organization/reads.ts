import type { StatuspageClient } from '../../shared/client';
import type { Page, User } from '../../shared/schemas';
import { cached } from '../storage/cached';
import { pagesCache, usersCache } from './organization-cache';

/** What a read needs of the session (connection/session.ts): the organization's client. */
export interface OrganizationSession {
  connectionId: string;
  client: Pick<StatuspageClient, 'listPages' | 'listUsers'>;
  organizationId: string;
}

/**
 * How old a list may be and still be used instead of reading it again. The user list of a 5,000-person organization
 * is 50 requests of the key's 60 a minute: connecting, opening the popup and starting a scan share one reading.
 */
export const LIST_FRESH_MS = 5 * 60_000;

// Every read refreshes its cache, so the next popup draws it at once.

export async function refreshPages({ connectionId, client }: OrganizationSession): Promise<Page[]> {
  // One request: always read again (a page renamed a moment ago shows).
  const pages = await client.listPages();
  await pagesCache(connectionId).setValue(cached(pages));
  return pages;
}

export async function refreshUsers({ connectionId, client, organizationId }: OrganizationSession): Promise<User[]> {
  const known = await usersCache(connectionId).getValue();
  if (known && isFresh(known.fetchedAt, LIST_FRESH_MS)) return known.value;
  const users = await client.listUsers(organizationId);
  await usersCache(connectionId).setValue(cached(users));
  return users;
}

const isFresh = (fetchedAt: number, maxAgeMs: number, now = Date.now()) => fetchedAt <= now && now - fetchedAt < maxAgeMs;

/** The lists as last read, while fresh enough for a scan to start from. */
export async function freshLists(connectionId: string): Promise<{ users?: User[]; pages?: Page[] }> {
  const [users, pages] = await Promise.all([usersCache(connectionId).getValue(), pagesCache(connectionId).getValue()]);
  return {
    ...(users && isFresh(users.fetchedAt, LIST_FRESH_MS) && { users: users.value }),
    ...(pages && isFresh(pages.fetchedAt, LIST_FRESH_MS) && { pages: pages.value }),
  };
}

/** A scan's reading of the lists, for the popup to draw and share. */
export async function rememberLists(connectionId: string, { users, pages }: { users: User[]; pages: Page[] }): Promise<void> {
  await Promise.all([usersCache(connectionId).setValue(cached(users)), pagesCache(connectionId).setValue(cached(pages))]);
}
