// Node: `STATUSPAGE_API_KEY=... STATUSPAGE_PAGE_ID=... npx tsx widget/config-endpoint/node-server.ts`
// serves the config on http://localhost:8787/ (PORT to change it; EMBED_CONFIG_TTL_SECONDS, STATUSPAGE_BASE_URL
// as for the worker). The same handler as on the edge.
import { serve } from '@hono/node-server';
import { handlerOptionsFromEnv } from './env';
import { createEmbedConfigHandler } from './handler';

let options: ReturnType<typeof handlerOptionsFromEnv>;
try {
  options = handlerOptionsFromEnv(process.env);
} catch (error) {
  console.error((error as Error).message);
  process.exit(2);
}
const handler = createEmbedConfigHandler(options);
const port = Number(process.env.PORT ?? 8787);
serve({ fetch: handler, port }, () => console.log(`Embed config for page ${options.pageId} on http://localhost:${port}/`));
