// Cloudflare Workers: `wrangler deploy -c widget/config-endpoint/wrangler.jsonc` (the key as a secret:
// `wrangler secret put STATUSPAGE_API_KEY`). Every edge location answers from the Workers Cache API; a miss goes
// to one Durable Object per page, the single reader of Statuspage, running the same handler as on Node. So the
// key's budget (1 request/s, shared with the admin's extension) sees one call per TTL from the whole edge.
import { type EmbedConfigEnv, handlerOptionsFromEnv } from './env';
import { createEmbedConfigHandler, type EmbedConfigHandler, matchesEtag } from './handler';

/** What the worker needs of a Durable Object namespace binding (structurally the Workers type). */
interface DurableObjectNamespaceLike {
  idFromName(name: string): unknown;
  get(id: unknown): { fetch(request: Request): Promise<Response> };
}

export interface Env extends EmbedConfigEnv {
  /** The Durable Object namespace of EmbedConfigObject (wrangler.jsonc binds it). */
  EMBED_CONFIG: DurableObjectNamespaceLike;
}

interface ExecutionContextLike {
  waitUntil(promise: Promise<unknown>): void;
}

/** The Workers Cache API's default cache, where there is one (workerd; not Node). */
const edgeCache = (): Cache | undefined => (globalThis as { caches?: { default?: Cache } }).caches?.default;

/**
 * The page's single upstream reader: one instance per page id, wherever the requests come from. It holds the
 * handler (and so the cache, stale-while-revalidate, the backoff) for as long as it lives.
 */
export class EmbedConfigObject {
  private readonly handler: EmbedConfigHandler;

  constructor(_state: unknown, env: EmbedConfigEnv) {
    this.handler = createEmbedConfigHandler(handlerOptionsFromEnv(env));
  }

  fetch(request: Request): Promise<Response> {
    return this.handler(request); // a refresh it starts runs on behind the answer: the object stays while it is in flight
  }
}

export default {
  async fetch(request: Request, env: Env, context: ExecutionContextLike): Promise<Response> {
    const pageId = env.STATUSPAGE_PAGE_ID ?? '';
    const reader = env.EMBED_CONFIG.get(env.EMBED_CONFIG.idFromName(pageId));
    const cache = edgeCache();
    if (request.method !== 'GET' || !cache) return reader.fetch(request);

    // One cache entry per path (a query string is ignored), asked for unconditionally so a 200 can be stored.
    const url = new URL(request.url);
    const key = new Request(`${url.origin}${url.pathname}`);
    let response = await cache.match(key);
    if (!response) {
      response = await reader.fetch(key);
      if (response.status === 200) context.waitUntil(cache.put(key, response.clone()));
    }
    if (response.status === 200 && matchesEtag(request.headers.get('if-none-match'), response.headers.get('etag'))) {
      return new Response(null, { status: 304, headers: response.headers });
    }
    return response;
  },
};
