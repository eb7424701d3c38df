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

// Every read refreshes its cache, so the next popup draws it at once.

export async function refreshPages({ connectionId, client }: OrganizationSession): Promise<Page[]> {
  const pages = await client.listPages();
  await pagesCache(connectionId).setValue(cached(pages));
  return pages;
}

export async function refreshUsers({ connectionId, client, organizationId }: OrganizationSession): Promise<User[]> {
  const users = await client.listUsers(organizationId);
  await usersCache(connectionId).setValue(cached(users));
  return users;
}
