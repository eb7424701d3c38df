// Node: `STATUSPAGE_API_KEY=... STATUSPAGE_PAGE_ID=... npx tsx widget/config-endpoint/node-server.ts`
// serves the config on http://localhost:8787/ (PORT to change it; EMBED_CONFIG_TTL_SECONDS, STATUSPAGE_BASE_URL
// as for the worker). The same handler as on the edge, through serveEmbedConfig (node.ts).
import { handlerOptionsFromEnv } from './env';
import { serveEmbedConfig } from './node';

let options: ReturnType<typeof handlerOptionsFromEnv>;
try {
  options = handlerOptionsFromEnv(process.env);
} catch (error) {
  console.error((error as Error).message);
  process.exit(2);
}
const server = await serveEmbedConfig({ ...options, port: Number(process.env.PORT ?? 8787) });
console.log(`Embed config for page ${options.pageId} on ${server.url}`);
