// Node: `STATUSPAGE_API_KEY=... STATUSPAGE_PAGE_ID=... npx tsx widget/config-endpoint/node-server.ts`
// serves the config on http://localhost:8787/ (PORT to change it). The same handler as on the edge.
import { serve } from '@hono/node-server';
import { createEmbedConfigHandler } from './handler';

const { STATUSPAGE_API_KEY, STATUSPAGE_PAGE_ID, STATUSPAGE_BASE_URL, PORT } = process.env;
if (!STATUSPAGE_API_KEY || !STATUSPAGE_PAGE_ID) {
  console.error('Set STATUSPAGE_API_KEY and STATUSPAGE_PAGE_ID.');
  process.exit(2);
}
const handler = createEmbedConfigHandler({ apiKey: STATUSPAGE_API_KEY, pageId: STATUSPAGE_PAGE_ID, baseUrl: STATUSPAGE_BASE_URL });
const port = Number(PORT ?? 8787);
serve({ fetch: handler, port }, () => console.log(`Embed config for page ${STATUSPAGE_PAGE_ID} on http://localhost:${port}/`));
