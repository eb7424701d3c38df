// `npm start` as a new user runs it (the build skipped: the builds already in the tree serve): it prints the
// sandbox's URLs, the demo key and organization id, honours PORT and the SANDBOX_* variables, serves the demo
// page and the config endpoint, and stops cleanly on Ctrl+C.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { SECOND_ORGANIZATION } from '../../sandbox';

/** A port that is free, with the next one free too (the demo site listens on PORT + 1). */
async function freePortPair(): Promise<number> {
  const listenOn = (port: number) =>
    new Promise<number | undefined>((resolve) => {
      const server = createServer();
      server.once('error', () => resolve(undefined));
      server.listen(port, '127.0.0.1', () => {
        const { port: bound } = server.address() as { port: number };
        server.close(() => resolve(bound));
      });
    });
  for (;;) {
    const port = await listenOn(0);
    if (port && port < 65_000 && (await listenOn(port + 1))) return port;
  }
}

let child: ChildProcess | undefined;
afterEach(() => {
  if (child && child.exitCode === null) child.kill('SIGKILL');
});

/** Starts `npm start`'s script and resolves with what it printed once it says it is ready. */
function start(env: Record<string, string>): Promise<string> {
  child = spawn(process.execPath, ['--import', 'tsx', 'scripts/start.ts'], { env: { ...process.env, SKIP_BUILD: '1', ...env } });
  let output = '';
  return new Promise((resolve, reject) => {
    child!.stdout!.on('data', (chunk: Buffer) => {
      output += chunk;
      if (output.includes('Ctrl+C stops everything.')) resolve(output);
    });
    child!.stderr!.on('data', (chunk: Buffer) => (output += chunk));
    child!.once('exit', (code) => reject(new Error(`npm start exited (${code}) before it was ready:\n${output}`)));
  });
}

describe('npm start', () => {
  it('prints the URLs, key and organization id, and honours PORT and the SANDBOX_* variables', async () => {
    const port = await freePortPair();
    const dir = mkdtempSync(join(tmpdir(), 'start-test-'));
    const dataFile = join(dir, 'state.json');
    try {
      const printed = await start({
        PORT: String(port),
        SANDBOX_API_KEY: 'my-own-key',
        SANDBOX_ORGANIZATION_ID: 'myorg42',
        SANDBOX_DATA_FILE: dataFile,
      });
      const sandbox = `http://127.0.0.1:${port}`;
      const demo = `http://127.0.0.1:${port + 1}`;
      expect(printed).toContain(`Statuspage sandbox    ${sandbox}`);
      expect(printed).toContain(`Management API      ${sandbox}/v1`);
      expect(printed).toContain('Demo API key        my-own-key');
      expect(printed).toContain('Organization ID     myorg42');
      expect(printed).toContain(`kept in ${dataFile}`);
      expect(printed).toContain(`PORT=${port} npm run incident -- open`);
      const firstPage = /^ {2}([a-z0-9]{12}) {2}Acme Cloud$/m.exec(printed)?.[1];
      expect(firstPage).toBeDefined();
      expect(printed).toContain(`${demo}/demo/${firstPage}`);

      // What it printed works: the key on the management API, the demo page, the config endpoint.
      const pages = await fetch(`${sandbox}/v1/pages`, { headers: { authorization: 'OAuth my-own-key' } });
      expect(pages.status).toBe(200);
      expect(((await pages.json()) as Array<{ id: string }>).map((page) => page.id)).toContain(firstPage);
      expect((await fetch(`${sandbox}/v1/organizations/myorg42/users`, { headers: { authorization: 'OAuth my-own-key' } })).status).toBe(200);
      // The second organization, as Connections' "Add an organization" needs it: key and id printed, and both work.
      const secondKey = /^ {2}API key {13}(\S+)$/m.exec(printed)?.[1];
      const secondId = /^Second organization[\s\S]*?^ {2}Organization ID {5}(\S+)$/m.exec(printed)?.[1];
      expect(secondKey).toBe(SECOND_ORGANIZATION.apiKey);
      expect(secondId).toBe(SECOND_ORGANIZATION.id);
      const secondPages = await fetch(`${sandbox}/v1/pages`, { headers: { authorization: `OAuth ${secondKey}` } });
      expect(((await secondPages.json()) as Array<{ name: string }>).map((page) => page.name)).toEqual(['Globex Status']);
      expect((await fetch(`${sandbox}/v1/organizations/${secondId}/users`, { headers: { authorization: `OAuth ${secondKey}` } })).status).toBe(200);

      const demoPage = await fetch(`${demo}/demo/${firstPage}`);
      expect(demoPage.status).toBe(200);
      expect(await demoPage.text()).toContain(`data-status-page="${sandbox}/status/${firstPage}"`);
      const config = await fetch(`${demo}/embed-config/${firstPage}`);
      expect(config.status).toBe(200);
      expect(Object.keys((await config.json()) as object).sort()).toEqual([
        'incident_background_color',
        'incident_text_color',
        'maintenance_background_color',
        'maintenance_text_color',
        'position',
      ]);

      const stopped = new Promise<number | null>((resolve) => child!.once('exit', resolve));
      child!.kill('SIGINT');
      expect(await stopped).toBe(0);
      expect(JSON.parse(readFileSync(dataFile, 'utf8')).organizations[0].id).toBe('myorg42');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 30_000);

  it('says so plainly when PORT is not a port', async () => {
    await expect(start({ PORT: 'eighty' })).rejects.toThrow(/PORT must be a port number from 1 to 65534, got "eighty"/);
  });
});
