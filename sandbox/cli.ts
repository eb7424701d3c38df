// `npm run sandbox`: a local Statuspage on http://127.0.0.1:4100 (PORT to change it). The rest comes from
// SANDBOX_* variables (see config.ts); SANDBOX_DATA_FILE keeps its state across restarts, SANDBOX_USERS and
// SANDBOX_PAGES seed a larger organization. `--help` prints the usage; anything else on the command line is refused.
import { parseArgs } from 'node:util';
import { DEFAULT_SANDBOX_PORT } from './config';
import { startSandbox } from './index';
import { PAGE_WITHOUT_RBAC_ID, SECOND_ORGANIZATION } from './seed/state';

const USAGE = `Usage: npm run sandbox [-- --help]

Starts a local Statuspage (management API, public Status API v2, control endpoints) on 127.0.0.1.
It takes no arguments: set it up with environment variables.

  PORT                        port to listen on (default ${DEFAULT_SANDBOX_PORT}; 0 picks a free one)
  SANDBOX_API_KEY             the demo organization's key (default sandbox-demo-key)
  SANDBOX_ORGANIZATION_ID     the demo organization's id (default sbx0demo0org)
  SANDBOX_USERS, SANDBOX_PAGES  a larger demo organization (default 137 users, 3 pages)
  SANDBOX_RATE_LIMIT, SANDBOX_RATE_WINDOW_MS, SANDBOX_RATE_LIMIT_STATUS
                              requests per window per key (default 60 per 60000 ms, answered 429)
  SANDBOX_PERMISSIONS_SHAPE   list (default) or data-map
  SANDBOX_LATENCY_MS          delay every API answer, as from a browser: 300 or a range 200-400 (default none)
  SANDBOX_DATA_FILE           keep the state in this JSON file across restarts

Example: PORT=4300 SANDBOX_USERS=5000 SANDBOX_PAGES=20 npm run sandbox
Then: npm run incident -- help   (open, update and resolve incidents on it). See sandbox/README.md.`;

try {
  const { values } = parseArgs({
    args: process.argv.slice(2),
    strict: true,
    allowPositionals: false,
    options: { help: { type: 'boolean', short: 'h' } },
  });
  if (values.help) {
    console.log(USAGE);
    process.exit(0);
  }
} catch (error) {
  console.error(`[sandbox] ${(error as Error).message}\n\n${USAGE}`);
  process.exit(2);
}

const port = process.env.PORT ? Number(process.env.PORT) : DEFAULT_SANDBOX_PORT;
if (!Number.isInteger(port) || port < 0 || port > 65_535) {
  console.error(`[sandbox] PORT must be a port number (0-65535), got "${process.env.PORT}"`);
  process.exit(2);
}

/** A larger organization (SANDBOX_PAGES) lists its first pages only. */
const LISTED_PAGES = 10;

try {
  const sandbox = await startSandbox({ port });
  const lines = [
    `Statuspage sandbox on ${sandbox.url}`,
    '',
    `  Management API   ${sandbox.apiBaseUrl}`,
    `  API key          ${sandbox.apiKey}   (header "Authorization: OAuth ${sandbox.apiKey}")`,
    `  Organization ID  ${sandbox.organizationId}`,
    '',
    '  Pages:',
    ...sandbox.pages
      .slice(0, LISTED_PAGES)
      .map(
        (page) =>
          `    ${page.id}  ${page.name.padEnd(14)} ${sandbox.statusPageUrl(page.id)}/${page.id === PAGE_WITHOUT_RBAC_ID ? '   (no role based access control)' : ''}`,
      ),
    ...(sandbox.pages.length > LISTED_PAGES
      ? [`    … and ${sandbox.pages.length - LISTED_PAGES} more (SANDBOX_PAGES): ${sandbox.url}/_control/pages lists them all`]
      : []),
    '',
    `  Another organization (for 403s): ${SECOND_ORGANIZATION.id}, key ${SECOND_ORGANIZATION.apiKey}`,
    `  Control: ${sandbox.url}/_control/pages   or   npm run incident -- help`,
    process.env.SANDBOX_DATA_FILE ? `  State file: ${process.env.SANDBOX_DATA_FILE}` : '  State: in memory (set SANDBOX_DATA_FILE to keep it)',
  ];
  console.log(lines.join('\n'));
  const stop = async () => {
    await sandbox.close();
    process.exit(0);
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
} catch (error) {
  const code = (error as NodeJS.ErrnoException).code;
  console.error(
    code === 'EADDRINUSE'
      ? `[sandbox] port ${port} is in use: is a sandbox already running? Set PORT to use another.`
      : `[sandbox] could not start: ${(error as Error).message}`,
  );
  process.exit(1);
}
