// `npm start`: builds the extension and the widget, starts the sandbox (a local Statuspage) and, on the next
// port, a demo customer site with the widget and the config endpoint for each sandbox page. This is the one
// place that composes the sandbox with our faces (the sandbox itself knows nothing of them).
import { spawnSync } from 'node:child_process';
import { serve } from '@hono/node-server';
import { DEFAULT_SANDBOX_PORT, PAGE_WITHOUT_RBAC_ID, SECOND_ORGANIZATION, startSandbox, type RunningSandbox } from '../sandbox';
import { createWidgetDemo } from '../widget/demo';

function parsePort(text: string | undefined, fallback: number): number {
  if (text === undefined || text === '') return fallback;
  const port = Number(text);
  if (!Number.isInteger(port) || port < 1 || port > 65_534) {
    console.error(`PORT must be a port number from 1 to 65534, got "${text}"`);
    process.exit(2);
  }
  return port;
}

const port = parsePort(process.env.PORT, DEFAULT_SANDBOX_PORT);

// SKIP_BUILD=1 starts on the builds already there (the test of this script uses it).
if (process.env.SKIP_BUILD !== '1') {
  console.log('Building the extension (store and test builds) and the widget...');
  const build = spawnSync('sh', ['-c', 'npm run --silent build && npm run --silent build:extension:test'], { stdio: 'inherit' });
  if (build.status !== 0) {
    console.error('The build failed: see above.');
    process.exit(1);
  }
}

let sandbox: RunningSandbox;
try {
  sandbox = await startSandbox({ port });
} catch (error) {
  const inUse = (error as NodeJS.ErrnoException).code === 'EADDRINUSE';
  console.error(inUse ? `Port ${port} is in use: set PORT to another port.` : `The sandbox could not start: ${(error as Error).message}`);
  process.exit(1);
}

// The demo site is another origin (next port), as a customer's site is to its status page.
const demoPort = port + 1;
const demo = serve({ fetch: createWidgetDemo(sandbox).fetch, hostname: '127.0.0.1', port: demoPort });
demo.on('error', (error: NodeJS.ErrnoException) => {
  console.error(error.code === 'EADDRINUSE' ? `Port ${demoPort} (the demo site) is in use: set PORT to another port.` : error.message);
  process.exit(1);
});
const demoUrl = `http://127.0.0.1:${demoPort}`;
// `npm run incident` finds the sandbox by PORT too: print the command that reaches this one.
const incidentCommand = `${port === DEFAULT_SANDBOX_PORT ? '' : `PORT=${port} `}npm run incident`;

console.log(`
Statuspage sandbox    ${sandbox.url}
  Management API      ${sandbox.apiBaseUrl}
  Demo API key        ${sandbox.apiKey}
  Organization ID     ${sandbox.organizationId}
  State               ${process.env.SANDBOX_DATA_FILE ? `kept in ${process.env.SANDBOX_DATA_FILE}` : 'in memory (SANDBOX_DATA_FILE=<path> keeps it across restarts)'}

Pages (status page, then the demo customer page with the widget):
${sandbox.pages
  .map(
    (page) => `  ${page.id}  ${page.name}${page.id === PAGE_WITHOUT_RBAC_ID ? ' (no role based access control)' : ''}
      ${sandbox.statusPageUrl(page.id)}/
      ${demoUrl}/demo/${page.id}`,
  )
  .join('\n')}

Second organization   ${SECOND_ORGANIZATION.name}: its own key and page, to try Connections ("Add an organization")
  API key             ${SECOND_ORGANIZATION.apiKey}
  Organization ID     ${SECOND_ORGANIZATION.id}
  Its page            Globex Status (the demo key gets 403 there); same API base URL ${sandbox.apiBaseUrl}

Config endpoint       ${demoUrl}/embed-config/<page id>
Extension             chrome://extensions -> Developer mode -> Load unpacked -> choose a build:
  .output/chrome-mv3-test   reaches this sandbox with no prompt (it may reach 127.0.0.1): easiest for a try-out
  .output/chrome-mv3        the store build: Chrome asks once to allow 127.0.0.1 when you connect
                      In its set-up: API key ${sandbox.apiKey}, organization ${sandbox.organizationId},
                      Advanced -> API base URL ${sandbox.apiBaseUrl}
Open an incident      ${incidentCommand} -- open "Checkout is slow" --impact major   (help: ${incidentCommand} -- help)
                      The card shows on the demo page within a minute (the widget checks every 60 s), or at once on reload.

Ctrl+C stops everything.`);

async function stop(): Promise<void> {
  demo.close();
  await sandbox.close();
  process.exit(0);
}
process.once('SIGINT', stop);
process.once('SIGTERM', stop);
