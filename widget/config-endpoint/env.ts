import type { EmbedConfigHandlerOptions } from './handler';

/** The settings every deployment reads: Node's process.env, a Worker's env, a Durable Object's env. */
export interface EmbedConfigEnv {
  STATUSPAGE_API_KEY?: string;
  STATUSPAGE_PAGE_ID?: string;
  /** Optional: another management API (the sandbox, in tests). */
  STATUSPAGE_BASE_URL?: string;
  /** Optional: seconds a config is kept, at least 1 (default 60). */
  EMBED_CONFIG_TTL_SECONDS?: string;
}

/** The handler's options from the environment; a missing key or page id, or a TTL that is not a number, throws saying which. */
export function handlerOptionsFromEnv(env: EmbedConfigEnv): EmbedConfigHandlerOptions {
  const { STATUSPAGE_API_KEY: apiKey, STATUSPAGE_PAGE_ID: pageId, STATUSPAGE_BASE_URL, EMBED_CONFIG_TTL_SECONDS } = env;
  if (!apiKey || !pageId) throw new Error('Set STATUSPAGE_API_KEY and STATUSPAGE_PAGE_ID.');
  const ttl = EMBED_CONFIG_TTL_SECONDS?.trim();
  if (ttl && !/^\d+(\.\d+)?$/.test(ttl)) throw new Error(`EMBED_CONFIG_TTL_SECONDS must be a number of seconds, not "${ttl}".`);
  return { apiKey, pageId, baseUrl: STATUSPAGE_BASE_URL || undefined, ttlSeconds: ttl ? Number(ttl) : undefined };
}
