import { createStatuspageClient, type StatuspageClient } from '../../shared/client';
import { UnauthorizedError } from '../../shared/client/http-errors';
import { readApiKey } from './api-key-store';
import { activeConnection, connectionsItem } from './connections-item';
import { migrateSingleConnection } from './migrate-single-connection';
import { sharedLimiter } from './shared-limiter';

export interface Session {
  connectionId: string;
  client: StatuspageClient;
  organizationId: string;
  apiBaseUrl: string;
}

/**
 * Retries after a 420/429 are the background's own (the job engine, jobs/wait-out.ts; the popup's refresh), so the admin sees
 * a countdown instead of a save that hangs: the client gives up at the first one.
 */
export async function makeClient(connectionId: string, apiKey: string, apiBaseUrl: string): Promise<StatuspageClient> {
  return createStatuspageClient({ apiKey, baseUrl: apiBaseUrl, rateLimit: await sharedLimiter(connectionId), maxRetries: 0 });
}

const sessions = new Map<string, Promise<Session | undefined>>();

const notSetUp = () => new UnauthorizedError({ message: 'No API key is set up yet: enter it to continue' });

/** The client for one connection's key and organization; an UnauthorizedError when it has none. */
export async function sessionFor(connectionId: string): Promise<Session> {
  let opening = sessions.get(connectionId);
  if (!opening) {
    opening = (async () => {
      await migrateSingleConnection();
      const connection = (await connectionsItem.getValue()).list.find((candidate) => candidate.id === connectionId);
      const apiKey = connection && (await readApiKey(connectionId));
      if (!connection || !apiKey) return undefined;
      return { connectionId, client: await makeClient(connectionId, apiKey, connection.apiBaseUrl), ...connection };
    })();
    sessions.set(connectionId, opening);
  }
  const opened = await opening.catch((error: unknown) => {
    sessions.delete(connectionId);
    throw error;
  });
  if (!opened) {
    sessions.delete(connectionId);
    throw notSetUp();
  }
  return opened;
}

/** The session of the connection the popup is on. */
export async function currentSession(): Promise<Session> {
  await migrateSingleConnection();
  const connection = activeConnection(await connectionsItem.getValue());
  if (!connection) throw notSetUp();
  return sessionFor(connection.id);
}

/** After a new key, a changed connection or a removal: the next call opens a fresh session (all of them without an id). */
export function forgetSession(connectionId?: string): void {
  if (connectionId === undefined) sessions.clear();
  else sessions.delete(connectionId);
}
