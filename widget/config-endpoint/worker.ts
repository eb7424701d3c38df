// Cloudflare Workers (or any runtime with module workers): `wrangler deploy widget/config-endpoint/worker.ts`
// with the key as a secret (`wrangler secret put STATUSPAGE_API_KEY`) and the page id as a variable.
import { createEmbedConfigHandler, type EmbedConfigHandler } from './handler';

export interface Env {
  STATUSPAGE_API_KEY: string;
  STATUSPAGE_PAGE_ID: string;
  /** Optional: another management API (the sandbox, in tests). */
  STATUSPAGE_BASE_URL?: string;
  EMBED_CONFIG_TTL_SECONDS?: string;
}

// One handler per isolate: its cache lives as long as the isolate does.
let handler: EmbedConfigHandler | undefined;

export default {
  fetch(request: Request, env: Env): Promise<Response> {
    handler ??= createEmbedConfigHandler({
      apiKey: env.STATUSPAGE_API_KEY,
      pageId: env.STATUSPAGE_PAGE_ID,
      baseUrl: env.STATUSPAGE_BASE_URL || undefined,
      ttlSeconds: env.EMBED_CONFIG_TTL_SECONDS ? Number(env.EMBED_CONFIG_TTL_SECONDS) : undefined,
    });
    return handler(request);
  },
};
