import {
  PageList,
  PagePermissions,
  StatusEmbedConfig,
  StatusEmbedConfigChanges,
  StatusEmbedConfigReplacement,
  UserList,
  UserPermissionsResponse,
  normalizeUserPermissions,
  type Page,
  type User,
  type UserPermissions,
} from '../schemas';
import { PRIORITIES, type Priority, type RateLimiter } from '../rate-limit';
import { oneOf, resolveOptions, type StatuspageClientOptions } from './client-options';
import { toWireEmbedConfig } from './embed-config-body';
import { ContractError, InvalidRequestError } from './errors';
import { sendRequest } from './request';
import { userMethods, type UserMethods } from './user-methods';
import { checkRequest, pathSegment } from './validation';

export type { UserMethods } from './user-methods';

/** The last argument of every method. */
export interface CallOptions {
  /** Cancels the call wherever it is: queued, waiting to retry, or in flight (AbortedError). */
  signal?: AbortSignal;
  /**
   * `interactive` (default): a person waits on it, so it goes before every queued background call.
   * `background`: work nobody watches (a scan); it leaves people a slot, see the README's Rate limiting.
   */
  priority?: Priority;
}

export interface StatuspageClient extends UserMethods {
  /** The limiter this client queues on: `snapshot()` it to keep its state across service-worker restarts. */
  readonly rateLimiter: RateLimiter;
  /** GET /pages. */
  listPages(options?: CallOptions): Promise<Page[]>;
  /** GET /organizations/{id}/users, every page of 100 until a short one; `onProgress` hears the count after each page. */
  listUsers(organizationId: string, options?: CallOptions & { onProgress?(listed: number): void }): Promise<User[]>;
  /** GET /pages/{id}/status_embed_config. */
  getStatusEmbedConfig(pageId: string, options?: CallOptions): Promise<StatusEmbedConfig>;
  /** PATCH with only the fields given; the others stay as they are. */
  updateStatusEmbedConfig(pageId: string, changes: StatusEmbedConfigChanges, options?: CallOptions): Promise<StatusEmbedConfig>;
  /** PUT with all five fields. */
  replaceStatusEmbedConfig(pageId: string, config: StatusEmbedConfigReplacement, options?: CallOptions): Promise<StatusEmbedConfig>;
  /** GET /organizations/{id}/permissions/{user}, as `{userId, pages}` whatever shape the server sent. */
  getUserPermissions(organizationId: string, userId: string, options?: CallOptions): Promise<UserPermissions>;
  /**
   * PUT the complete mapping page id -> roles (`{}` for a page without RBAC).
   * A page left out loses the user's access: pass every page the user should keep.
   */
  replaceUserPermissions(organizationId: string, userId: string, pages: PagePermissions, options?: CallOptions): Promise<UserPermissions>;
}

const USERS_PER_PAGE = 100;

export function createStatuspageClient(options: StatuspageClientOptions): StatuspageClient {
  const context = resolveOptions(options);
  // Every method is async, so bad input rejects like any other failure instead of throwing synchronously.

  return {
    rateLimiter: context.limiter,
    ...userMethods(context, sendOptions),

    listPages: async (call) => sendRequest(context, { method: 'GET', path: '/pages', schema: PageList, ...sendOptions(call) }),

    async listUsers(organizationId, call) {
      const path = `/organizations/${pathSegment(organizationId, 'organizationId')}/users`;
      const users = new Map<string, User>();
      for (let page = 1; ; page++) {
        const query = { page: String(page), per_page: String(USERS_PER_PAGE) };
        const batch = await sendRequest(context, { method: 'GET', path, query, schema: UserList, ...sendOptions(call) });
        const before = users.size;
        for (const user of batch) users.set(user.id, user);
        call?.onProgress?.(users.size);
        if (batch.length < USERS_PER_PAGE) return [...users.values()];
        // A server that ignores `page` would send the same full page forever.
        if (users.size === before) throw new ContractError(`Unexpected response to GET ${path}: page ${page} repeats earlier users`, 'page');
      }
    },

    getStatusEmbedConfig: async (pageId, call) =>
      sendRequest(context, { method: 'GET', path: embedPath(pageId), schema: StatusEmbedConfig, ...sendOptions(call) }),

    async updateStatusEmbedConfig(pageId, changes, call) {
      const path = embedPath(pageId);
      const checked = checkRequest(StatusEmbedConfigChanges, changes);
      const wire = toWireEmbedConfig(checked);
      // An empty PATCH would change nothing, and form encoding could not even spell it.
      if (Object.keys(wire).length === 0) throw new InvalidRequestError('Not sent: give at least one field to change', 'changes');
      const body = { status_embed_config: wire };
      return sendRequest(context, { method: 'PATCH', path, body, schema: StatusEmbedConfig, ...sendOptions(call) });
    },

    async replaceStatusEmbedConfig(pageId, config, call) {
      const path = embedPath(pageId);
      const body = { status_embed_config: toWireEmbedConfig(checkRequest(StatusEmbedConfigReplacement, config)) };
      return sendRequest(context, { method: 'PUT', path, body, schema: StatusEmbedConfig, ...sendOptions(call) });
    },

    async getUserPermissions(organizationId, userId, call) {
      const path = permissionsPath(organizationId, userId);
      const body = await sendRequest(context, { method: 'GET', path, schema: UserPermissionsResponse, ...sendOptions(call) });
      return normalizeUserPermissions(body, userId);
    },

    async replaceUserPermissions(organizationId, userId, pages, call) {
      const path = permissionsPath(organizationId, userId);
      const body = { pages: checkRequest(PagePermissions, pages) };
      const response = await sendRequest(context, { method: 'PUT', path, body, schema: UserPermissionsResponse, ...sendOptions(call) });
      return normalizeUserPermissions(response, userId);
    },
  };
}

/** The per-call part of a request; a priority from plain JS is checked like any other input. */
function sendOptions(call: CallOptions | undefined): { signal: AbortSignal | undefined; priority: Priority } {
  return { signal: call?.signal, priority: oneOf(call?.priority, PRIORITIES, 'priority') };
}

function embedPath(pageId: string): string {
  return `/pages/${pathSegment(pageId, 'pageId')}/status_embed_config`;
}

function permissionsPath(organizationId: string, userId: string): string {
  return `/organizations/${pathSegment(organizationId, 'organizationId')}/permissions/${pathSegment(userId, 'userId')}`;
}
