import { createStatuspageClient, type StatuspageClient } from '../../shared/client/create-client';
import { pickPublicEmbedConfig } from '../../shared/schemas/embed-config';
import { createConfigCache } from './config-cache';

export interface EmbedConfigHandlerOptions {
  /** The organization's secret API key: it stays on this server. */
  apiKey: string;
  /** The page whose status embed config is served. */
  pageId: string;
  /** The management API; default `https://api.statuspage.io/v1`. */
  baseUrl?: string;
  /** How long a config is served before upstream is asked again (default 60, at least 1: the API allows 1 request/s). */
  ttlSeconds?: number;
  /**
   * A client to share between handlers that use the same key (one rate limiter per key). By default the
   * handler makes its own, which never waits to retry (the last good config is served instead) and reads at
   * most MAX_UPSTREAM_BODY_BYTES of an answer; give a shared one `maxResponseBytes` as well.
   */
  client?: Pick<StatuspageClient, 'getStatusEmbedConfig'>;
  /** Tests and unusual runtimes. */
  fetch?: (url: string, init: RequestInit) => Promise<Response>;
  /** Default `Date.now`. */
  now?: () => number;
  /** Told about every upstream failure (never holds the key). Default: one console line. */
  onError?: (error: unknown) => void;
}

export type EmbedConfigHandler = ((request: Request) => Promise<Response>) & {
  /** The upstream refresh under way behind the answers, if any (to keep it alive past a response, and for tests). */
  pending(): Promise<unknown> | undefined;
};

const UPSTREAM_TIMEOUT_MS = 10_000;
/**
 * The most of an upstream answer the handler reads: an embed config is a few hundred bytes, so 1 MB is plenty.
 * A larger answer is cut off as it streams in (never held whole) and counts as a failed refresh: the last good
 * config is served on.
 */
export const MAX_UPSTREAM_BODY_BYTES = 1024 * 1024;

const CORS = {
  'access-control-allow-origin': '*',
  'access-control-allow-methods': 'GET, HEAD, OPTIONS',
  'access-control-max-age': '86400',
};

/** Whether an `If-None-Match` header names `etag` (weakly compared, as RFC 9110 asks for GET). */
export function matchesEtag(ifNoneMatch: string | null, etag: string | null): boolean {
  return !!ifNoneMatch && !!etag && ifNoneMatch.split(',').some((tag) => ['*', etag].includes(tag.trim().replace(/^W\//, '')));
}

/**
 * The widget's server side: `(request: Request) => Promise<Response>`, web-standard, so it runs unchanged on
 * Node and on edge runtimes (Cloudflare Workers, Deno, Bun). Serves the page's five public embed fields as
 * JSON to any origin, with an ETag (304 on a match) and Cache-Control a CDN can follow; reads upstream at most
 * once per TTL however many requests come at once, never makes a request wait for it once a config is held
 * (stale-while-revalidate), and serves the last good config when upstream fails.
 */
export function createEmbedConfigHandler(options: EmbedConfigHandlerOptions): EmbedConfigHandler {
  const ttlSeconds = options.ttlSeconds ?? 60;
  if (!(ttlSeconds >= 1)) throw new Error('ttlSeconds must be at least 1 (Statuspage allows one request a second)');
  if (!options.pageId) throw new Error('pageId is required');
  const client =
    options.client ??
    createStatuspageClient({
      apiKey: options.apiKey,
      baseUrl: options.baseUrl,
      fetch: options.fetch,
      maxRetries: 0,
      timeoutMs: UPSTREAM_TIMEOUT_MS,
      maxResponseBytes: MAX_UPSTREAM_BODY_BYTES,
    });
  const now = options.now ?? Date.now;
  const onError =
    options.onError ?? ((error: unknown) => console.warn(`[status-embed config] upstream failed, serving the last good config: ${String(error)}`));
  const cache = createConfigCache({
    ttlMs: ttlSeconds * 1000,
    now,
    onError,
    load: async () => {
      const config = await client.getStatusEmbedConfig(options.pageId, { signal: AbortSignal.timeout(UPSTREAM_TIMEOUT_MS) });
      return JSON.stringify(pickPublicEmbedConfig(config));
    },
  });

  const handler = async (request: Request): Promise<Response> => {
    if (request.method === 'OPTIONS') return new Response(null, { status: 204, headers: CORS });
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      return new Response(null, { status: 405, headers: { ...CORS, allow: 'GET, HEAD, OPTIONS' } });
    }
    const config = await cache.get();
    const maxAge = Math.max(0, Math.ceil((cache.expiresAt() - now()) / 1000));
    if (!config) {
      // Never read yet: the widget falls back to its defaults. No caching, and a hint when to try again.
      return Response.json(
        { message: 'The embed config is not available yet' },
        { status: 503, headers: { ...CORS, 'cache-control': 'no-store', 'retry-after': String(maxAge) } },
      );
    }
    const headers = {
      ...CORS,
      etag: config.etag,
      // Shared caches may keep it as long as we would; serving stale while revalidating or on errors is fine.
      'cache-control': `public, max-age=${maxAge}, stale-while-revalidate=${ttlSeconds}, stale-if-error=86400`,
      'content-type': 'application/json; charset=utf-8',
      'x-content-type-options': 'nosniff',
    };
    if (matchesEtag(request.headers.get('if-none-match'), config.etag)) return new Response(null, { status: 304, headers });
    return new Response(request.method === 'HEAD' ? null : config.body, { status: 200, headers });
  };
  return Object.assign(handler, { pending: cache.pending });
}
