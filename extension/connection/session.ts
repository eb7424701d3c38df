import { createStatuspageClient, UnauthorizedError, type StatuspageClient } from '../../shared';
import { connectionItem } from './connection-item';
import { readApiKey } from './api-key-store';
import { sharedLimiter } from './shared-limiter';

export interface Session {
  client: StatuspageClient;
  organizationId: string;
  apiBaseUrl: string;
}

/**
 * Retries after a 420/429 are the background's own (background/save-runner.ts, the popup's refresh), so the
 * admin sees a countdown instead of a save that hangs: the client gives up at the first one.
 */
export async function makeClient(apiKey: string, apiBaseUrl: string): Promise<StatuspageClient> {
  return createStatuspageClient({ apiKey, baseUrl: apiBaseUrl, rateLimit: await sharedLimiter(), maxRetries: 0 });
}

let session: Promise<Session | undefined> | undefined;

/** The client for the stored key and organization; an UnauthorizedError when none is set up. */
export async function currentSession(): Promise<Session> {
  session ??= (async () => {
    const [connection, apiKey] = await Promise.all([connectionItem.getValue(), readApiKey()]);
    if (!connection || !apiKey) return undefined;
    return { client: await makeClient(apiKey, connection.apiBaseUrl), ...connection };
  })();
  const opened = await session.catch((error: unknown) => {
    session = undefined;
    throw error;
  });
  if (!opened) {
    session = undefined;
    throw new UnauthorizedError({ message: 'No API key is set up yet: enter it to continue' });
  }
  return opened;
}

/** After a new key or a disconnect: the next call opens a fresh session. */
export function forgetSession(): void {
  session = undefined;
}
