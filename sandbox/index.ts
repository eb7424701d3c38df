import { createAdaptorServer } from '@hono/node-server';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { SandboxOptions } from './config';
import type { LoggedRequest } from './log/request-log';
import { createSandboxApp } from './server';
import type { PageRecord } from './state/types';

/** A sandbox listening on 127.0.0.1. */
export interface RunningSandbox {
  /** `http://127.0.0.1:<port>` */
  url: string;
  /** `url + '/v1'`: the management API (`Authorization: OAuth <apiKey>` or `?api_key=`). */
  apiBaseUrl: string;
  apiKey: string;
  organizationId: string;
  /** The demo organization's pages as GET /v1/pages returns them (at start). */
  pages: PageRecord[];
  /** `url + '/status/' + pageId`: serves the public Status API v2 (`/api/v2/summary.json`, `status.json`…) and a small HTML status page at `/`. */
  statusPageUrl(pageId: string): string;
  /** A clean slate: the seed, the start settings, an empty request log, empty rate-limit windows and no queued faults. */
  reset(): void;
  /** The management API calls so far, oldest first: never a key, at most REQUEST_LOG_BUDGET_CHARS of JSON (the oldest go first). */
  requests(): LoggedRequest[];
  /** Stops the server, dropping kept-alive connections so it never hangs. */
  close(): Promise<void>;
}

/** Starts a sandbox on 127.0.0.1 (`port: 0`, the default, picks a free port). */
export async function startSandbox(options: SandboxOptions = {}): Promise<RunningSandbox> {
  const port = options.port ?? 0;
  if (!Number.isInteger(port) || port < 0 || port > 65_535) throw new Error(`port must be 0-65535, got ${port}`);
  const sandbox = createSandboxApp(options);
  const server = createAdaptorServer({ fetch: sandbox.app.fetch, overrideGlobalObjects: false }) as Server;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const { apiKey, organizationId } = sandbox.config;
  return {
    url,
    apiBaseUrl: `${url}/v1`,
    apiKey,
    organizationId,
    pages: sandbox.store.pagesOf(organizationId).map((page) => ({ ...page.page })),
    statusPageUrl: (pageId) => `${url}/status/${pageId}`,
    reset: sandbox.reset,
    requests: () => sandbox.requestLog.entries(),
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}

export { createSandboxApp, type SandboxApp } from './server';
export { SandboxStore } from './state/store';
export {
  DEFAULT_RATE_LIMIT,
  DEFAULT_SANDBOX_PORT,
  MAX_SEED_PAGES,
  MAX_SEED_USERS,
  resolveSandboxConfig,
  type PermissionsResponseShape,
  type RateLimitSettings,
  type SandboxConfig,
  type SandboxOptions,
  type SandboxSettings,
} from './config';
export type { LoggedRequest } from './log/request-log';
export type { SandboxEnv } from './hono-env';
export type { AuthMethod } from './http/auth';
export {
  DEFAULT_API_KEY,
  DEFAULT_ORGANIZATION_ID,
  PAGE_WITHOUT_RBAC_ID,
  SECOND_ORGANIZATION,
  SEED_PAGE_COUNT,
  SEED_PAGE_IDS,
  type SeedSize,
} from './seed/state';
export { SEED_USER_COUNT } from './seed/people';
export { parseBracketForm } from './http/form';
export type { PageRecord, UserRecord, SandboxState } from './state/types';
export {
  MAX_BODY_BYTES,
  MAX_JSON_DEPTH,
  MAX_LOGGED_BODY_CHARS,
  MAX_MESSAGE_CHARS,
  MAX_PROBLEMS_LISTED,
  REQUEST_LOG_BUDGET_CHARS,
} from './limits';
