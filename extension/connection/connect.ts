import { browser } from 'wxt/browser';
import { InvalidRequestError, NetworkError } from '../../shared/client/errors';
import { ForbiddenError, NotFoundError } from '../../shared/client/http-errors';
import type { User } from '../../shared/schemas';
import type { ConnectRequest } from './messages';
import { usersCache } from '../organization/organization-cache';
import { cached } from '../storage/cached';
import { clearConnectionData, clearOrganizationData } from '../storage/clear';
import { newConnectionId } from '../storage/org-item';
import { normalizeApiBaseUrl, originPattern } from './api-base-url';
import { readApiKey, writeApiKey } from './api-key-store';
import { type Connection, connectionsItem } from './connections-item';
import { updateConnections } from './connections-writer';
import { checkCredentials } from './credentials';
import { migrateSingleConnection } from './migrate-single-connection';
import { forgetSession, makeClient } from './session';
import { resetSharedLimiter } from './shared-limiter';

/**
 * Checks the key and the organization with one call (GET the organization's users: it needs both, and its answer
 * fills the user cache; an organization of more than 100 members takes one call per 100), then keeps them and makes
 * the connection the current one. A request with `connectionId` changes that connection (a new key, say); one for an
 * organization already connected through the same API updates that connection; anything else adds one. Nothing is
 * stored unless the check passed.
 */
export async function connect(request: ConnectRequest): Promise<Connection> {
  await migrateSingleConnection();
  const problems = checkCredentials(request);
  const first = Object.entries(problems)[0];
  if (first) throw new InvalidRequestError(first[1], first[0]);
  const apiKey = request.apiKey.trim();
  const organizationId = request.organizationId.trim();
  let apiBaseUrl: string;
  try {
    apiBaseUrl = normalizeApiBaseUrl(request.apiBaseUrl);
  } catch (error) {
    throw new InvalidRequestError((error as Error).message, 'apiBaseUrl');
  }
  const origin = originPattern(apiBaseUrl);
  if (!(await browser.permissions.contains({ origins: [origin] }))) {
    throw new NetworkError(`The extension may not reach ${new URL(apiBaseUrl).host} yet: allow it in the advanced setting`);
  }

  const { list } = await connectionsItem.getValue();
  const previous =
    list.find((connection) => connection.id === request.connectionId) ??
    list.find((connection) => connection.organizationId === organizationId && connection.apiBaseUrl === apiBaseUrl);
  const id = previous?.id ?? newConnectionId();
  const keyChanged = !previous || (await readApiKey(id)) !== apiKey;
  if (keyChanged) await resetSharedLimiter(id); // a new key is a new budget
  const client = await makeClient(id, apiKey, apiBaseUrl);
  let users: User[];
  try {
    users = await client.listUsers(organizationId);
  } catch (error) {
    if (!previous) await resetSharedLimiter(id); // nothing of a refused new connection stays behind
    if (error instanceof NotFoundError || error instanceof ForbiddenError) {
      throw new InvalidRequestError(`This key has no organization with the ID ${organizationId} (${error.status})`, 'organizationId');
    }
    throw error;
  }

  if (previous && (previous.organizationId !== organizationId || previous.apiBaseUrl !== apiBaseUrl)) await clearOrganizationData(id);
  const label = request.label?.trim() || previous?.label || `Organization ${organizationId}`;
  const connection: Connection = { id, label, organizationId, apiBaseUrl, verifiedAt: Date.now() };
  await writeApiKey(id, apiKey);
  await usersCache(id).setValue(cached(users));
  await updateConnections(({ list: current }) => ({
    active: id,
    list: current.some((candidate) => candidate.id === id)
      ? current.map((candidate) => (candidate.id === id ? connection : candidate))
      : [...current, connection],
  }));
  forgetSession(id);
  return connection;
}

/** Makes another connection the current one. */
export async function switchConnection(connectionId: string): Promise<Connection> {
  const next = await updateConnections((connections) => {
    if (!connections.list.some((connection) => connection.id === connectionId)) {
      throw new InvalidRequestError('There is no such connection (it may have been removed in another window)', 'connectionId');
    }
    return { ...connections, active: connectionId };
  });
  return next.list.find((connection) => connection.id === connectionId)!;
}

export async function renameConnection({ connectionId, label }: { connectionId: string; label: string }): Promise<Connection> {
  const next = await updateConnections((connections) => {
    if (!connections.list.some((connection) => connection.id === connectionId)) {
      throw new InvalidRequestError('There is no such connection (it may have been removed in another window)', 'connectionId');
    }
    return { ...connections, list: connections.list.map((connection) => (connection.id === connectionId ? { ...connection, label } : connection)) };
  });
  return next.list.find((connection) => connection.id === connectionId)!;
}

/** Deletes a connection's key and all of its data; the first remaining connection becomes the current one. */
export async function removeConnection(connectionId: string, beforeRemoval: (connectionId: string) => Promise<void>): Promise<void> {
  await beforeRemoval(connectionId);
  await updateConnections(({ active, list }) => {
    const rest = list.filter((connection) => connection.id !== connectionId);
    return { active: active === connectionId ? (rest[0]?.id ?? null) : active, list: rest };
  });
  await resetSharedLimiter(connectionId);
  await clearConnectionData(connectionId);
  forgetSession(connectionId);
}
