import { browser } from 'wxt/browser';
import { ForbiddenError, InvalidRequestError, NetworkError, NotFoundError, type User } from '../../shared';
import { normalizeApiBaseUrl, originPattern } from './api-base-url';
import { checkCredentials } from './credentials';
import type { ConnectRequest } from '../messaging/protocol';
import { usersCache } from '../organization/organization-cache';
import { cached } from '../storage/cached';
import { clearOrganizationData } from '../storage/clear';
import { connectionItem, type Connection } from './connection-item';
import { forgetApiKey, readApiKey, writeApiKey } from './api-key-store';
import { resetSharedLimiter } from './shared-limiter';
import { forgetSession, makeClient } from './session';

/**
 * Checks the key and the organization with one call (GET the organization's users: it needs both, and its
 * answer fills the user cache; an organization of more than 100 members takes one call per 100), then keeps
 * them. Nothing is stored unless the check passed.
 */
export async function connect(request: ConnectRequest): Promise<Connection> {
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

  if ((await readApiKey()) !== apiKey) await resetSharedLimiter();
  const client = await makeClient(apiKey, apiBaseUrl);
  let users: User[];
  try {
    users = await client.listUsers(organizationId);
  } catch (error) {
    if (error instanceof NotFoundError || error instanceof ForbiddenError) {
      throw new InvalidRequestError(`This key has no organization with the ID ${organizationId} (${error.status})`, 'organizationId');
    }
    throw error;
  }

  const previous = await connectionItem.getValue();
  if (previous && (previous.organizationId !== organizationId || previous.apiBaseUrl !== apiBaseUrl)) {
    await clearOrganizationData();
  }
  const connection: Connection = { organizationId, apiBaseUrl, verifiedAt: Date.now() };
  await writeApiKey(apiKey);
  await connectionItem.setValue(connection);
  await usersCache.setValue(cached(users));
  forgetSession();
  return connection;
}

export async function disconnect(): Promise<void> {
  await forgetApiKey();
  await connectionItem.removeValue();
  await clearOrganizationData();
  await resetSharedLimiter();
  forgetSession();
}
