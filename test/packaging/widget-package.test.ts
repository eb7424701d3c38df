import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { Miniflare } from 'miniflare';
import { chromium } from 'playwright-core';
import { build } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { typeCheckConsumer } from './consumer';
import { startSandbox, type RunningSandbox } from '../../sandbox';
import { findChromium } from '../../scripts/find-chromium.mjs';
import { versionMismatches } from '../../scripts/sync-version.mjs';
import { QUIET_FLAGS } from '../support/chromium';

// @statuspage-toolkit/status-embed as a stranger gets it: `npm pack --workspace widget` into a folder outside the
// repository, installed into a new project there (its dependency zod, and the optional peer @hono/node-server for
// the Node starter, from the registry through npm's cache), then used from that project: type-checked as a consumer
// under both module resolutions; its script tag loaded in Chromium from the installed files, served like a CDN from
// another origin, under a strict CSP with the integrity.json hash; its config endpoint on Node and inside workerd.

const ROOT = join(import.meta.dirname, '..', '..');
const NAME = '@statuspage-toolkit/status-embed';
const run = promisify(execFile);
const rootPackage = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string; dependencies: Record<string, string> };
const PUBLIC_FIELDS = ['position', 'incident_background_color', 'incident_text_color', 'maintenance_background_color', 'maintenance_text_color'];

// npm's own variables (npm_config_*, set when this runs under `npm run`) would point the project's npm at the repository.
const cleanEnv = Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.toLowerCase().startsWith('npm_')));
const npm = (args: string[], cwd: string) => run('npm', args, { cwd, env: cleanEnv, maxBuffer: 16 * 1024 * 1024 });

let temp: string;
let project: string;
let tarball: string;
let sandbox: RunningSandbox;

beforeAll(async () => {
  temp = mkdtempSync(join(tmpdir(), 'statuspage-widget-package-'));
  project = join(temp, 'app');
  mkdirSync(project);
  const [packed] = await Promise.all([
    // prepack builds widget/dist first (the browser files, then the config endpoint).
    npm(['pack', '--workspace', 'widget', '--pack-destination', temp, '--json'], ROOT),
    startSandbox({ port: 0, rateLimit: { limit: 100, windowMs: 1_000 } }).then((started) => {
      sandbox = started;
    }),
  ]);
  const [{ filename }] = JSON.parse(packed.stdout.slice(packed.stdout.indexOf('['))) as [{ filename: string }];
  tarball = join(temp, filename);
  writeFileSync(join(project, 'package.json'), JSON.stringify({ name: 'a-stranger', private: true, type: 'module' }, null, 2));
  const peer = `@hono/node-server@${rootPackage.dependencies['@hono/node-server']}`;
  await npm(['install', tarball, peer, '--prefer-offline', '--no-audit', '--no-fund'], project);
});

afterAll(async () => {
  await sandbox?.close();
  if (temp) rmSync(temp, { recursive: true, force: true });
});

const installed = () => join(project, 'node_modules', '@statuspage-toolkit', 'status-embed');
const readInstalled = (file: string) => readFileSync(join(installed(), file), 'utf8');

/** The page's five public embed fields, read from the sandbox's management API. */
async function publicConfig(pageId: string): Promise<Record<string, unknown>> {
  const response = await fetch(`${sandbox.apiBaseUrl}/pages/${pageId}/status_embed_config`, {
    headers: { authorization: `OAuth ${sandbox.apiKey}` },
  });
  const config = (await response.json()) as Record<string, unknown>;
  return Object.fromEntries(PUBLIC_FIELDS.filter((field) => field in config).map((field) => [field, config[field]]));
}

describe('the packed tarball', () => {
  it('is at the root version, as every workspace package is', () => {
    expect(versionMismatches()).toEqual([]);
    expect(JSON.parse(readInstalled('package.json')).version).toBe(rootPackage.version);
    expect(tarball.endsWith(`statuspage-toolkit-status-embed-${rootPackage.version}.tgz`)).toBe(true);
  });

  it('holds the built files, their declarations, integrity.json, the README and the LICENSE: no sources, no tests', () => {
    const files = (readdirSync(installed(), { recursive: true, withFileTypes: true }) as import('node:fs').Dirent[])
      .filter((entry) => entry.isFile())
      .map((entry) => join(entry.parentPath, entry.name).slice(installed().length + 1));
    const integrity = JSON.parse(readInstalled('dist/integrity.json')) as Record<string, string>;
    const card = Object.keys(integrity).find((file) => /^status-embed-card-[\w-]+\.js$/.test(file));
    expect(card).toBeDefined();
    expect(files).toEqual(
      expect.arrayContaining([
        'package.json',
        'README.md',
        'LICENSE',
        'dist/status-embed.js',
        `dist/${card}`,
        'dist/status-embed.mjs',
        'dist/status-embed.d.ts',
        'dist/status-embed.d.mts',
        'dist/integrity.json',
        'dist/config-endpoint/index.js',
        'dist/config-endpoint/index.d.ts',
        'dist/config-endpoint/node.js',
        'dist/config-endpoint/node.d.ts',
        'dist/config-endpoint/worker.js',
        'dist/config-endpoint/worker.d.ts',
      ]),
    );
    const others = files.filter(
      (file) => !['package.json', 'README.md', 'LICENSE', 'dist/integrity.json'].includes(file) && !/^dist\/.+\.(m?js|d\.m?ts)$/.test(file),
    );
    expect(others).toEqual([]);
    expect(files.filter((file) => /\.m?ts$/.test(file) && !/\.d\.m?ts$/.test(file))).toEqual([]);
    expect(files.filter((file) => /test|spec/.test(file))).toEqual([]);
  });

  it('points unpkg and jsdelivr at the loader, whose card stage sits beside it, and lists every browser file in integrity.json', () => {
    const manifest = JSON.parse(readInstalled('package.json'));
    expect(manifest.unpkg).toBe('dist/status-embed.js');
    expect(manifest.jsdelivr).toBe('dist/status-embed.js');
    const integrity = JSON.parse(readInstalled('dist/integrity.json')) as Record<string, string>;
    expect(Object.keys(integrity).sort()).toEqual(
      readdirSync(join(installed(), 'dist'))
        .filter((file) => /\.m?js$/.test(file))
        .sort(),
    );
    const locales = Object.keys(integrity).filter((file) => file.startsWith('status-embed-locale-'));
    expect(locales.map((file) => file.split('-')[3]).sort()).toEqual(['de', 'es', 'fr', 'ja', 'pt']);
    for (const [file, hash] of Object.entries(integrity)) {
      // sha256 where the loader or the card stage carries the hash (the card stage; a language file, whose digest
      // is also in its name: one string per language), sha384 for the rest.
      const carried = locales.includes(file) || file.startsWith('status-embed-card-');
      expect(hash, file).toMatch(carried ? /^sha256-[A-Za-z0-9+/]{43}=$/ : /^sha384-[A-Za-z0-9+/]{64}$/);
    }
    const card = Object.keys(integrity).find((file) => file.startsWith('status-embed-card-'))!;
    expect(readInstalled('dist/status-embed.js')).toContain(card); // found by the loader's own directory
    for (const file of locales) expect(readInstalled(`dist/${card}`)).toContain(file.slice('status-embed-locale-xx-'.length, -'.js'.length));
  });

  it("has a README whose CDN snippet names this version's loader, integrity and CSP directory", () => {
    const readme = readInstalled('README.md');
    const cdn = `https://cdn.jsdelivr.net/npm/${NAME}@${rootPackage.version}/dist/`;
    const snippet = readme.slice(readme.indexOf('```html'));
    expect(snippet.indexOf(`src="${cdn}status-embed.js"`)).toBeGreaterThan(0);
    expect(snippet).toMatch(/integrity="sha384-[^"]+" crossorigin="anonymous"/);
    expect(readme).toContain(`Content-Security-Policy: script-src ${cdn};`);
    expect(readme.match(new RegExp(`${NAME}@\\d+\\.\\d+\\.\\d+`, 'g'))?.every((pin) => pin.endsWith(`@${rootPackage.version}`))).toBe(true);
  });

  it('depends on zod at the root version (from the registry) and takes @hono/node-server as an optional peer', () => {
    const manifest = JSON.parse(readInstalled('package.json'));
    expect(manifest.dependencies).toEqual({ zod: rootPackage.dependencies.zod });
    expect(manifest.peerDependenciesMeta).toEqual({ '@hono/node-server': { optional: true } });
    expect(JSON.parse(readFileSync(join(project, 'node_modules', 'zod', 'package.json'), 'utf8')).version).toBe(rootPackage.dependencies.zod);
    // The config endpoint bundles the shared client: it imports no other package of ours.
    for (const file of ['index.js', 'node.js', 'worker.js'])
      expect(readInstalled(`dist/config-endpoint/${file}`)).not.toContain('@statuspage-toolkit/');
  });
});

describe('used from a project outside the repository', () => {
  it('type-checks a consumer of the ES module and the config endpoint under moduleResolution nodenext and bundler', async () => {
    writeFileSync(
      join(project, 'consumer.ts'),
      `import { mount, StatusEmbedElement, type MountOptions, type StatusEmbedChangeDetail, type StatusEmbedHandle } from '${NAME}';
import { createEmbedConfigHandler, handlerOptionsFromEnv, type EmbedConfigHandler } from '${NAME}/config-endpoint';
import { serveEmbedConfig, type EmbedConfigServer } from '${NAME}/config-endpoint/node';
import worker, { EmbedConfigObject, type Env } from '${NAME}/config-endpoint/worker';
import integrity from '${NAME}/integrity.json' with { type: 'json' };

const options: MountOptions = { statusPage: 'https://status.example.com', config: { position: 'top-right' }, offset: [24, 96] };
// @ts-expect-error statusPage is required: the types are the widget's, not any
export const missing: MountOptions = { configUrl: 'https://example.com/embed-config' };
export const handle: StatusEmbedHandle = mount(options);
export const element: HTMLElement = handle.element;
export const isElement = (node: unknown): node is StatusEmbedElement => node instanceof StatusEmbedElement;
export const onChange = (detail: StatusEmbedChangeDetail): string | null => detail.kind;

export const handler: EmbedConfigHandler = createEmbedConfigHandler(handlerOptionsFromEnv({ STATUSPAGE_API_KEY: 'key', STATUSPAGE_PAGE_ID: 'page' }));
export const answer: Promise<Response> = handler(new Request('https://example.com/embed-config'));
// @ts-expect-error the handler needs a page id
createEmbedConfigHandler({ apiKey: 'key' });
export const server: Promise<EmbedConfigServer> = serveEmbedConfig({ apiKey: 'key', pageId: 'page', port: 0 });
export const edge: (request: Request, env: Env, context: { waitUntil(promise: Promise<unknown>): void }) => Promise<Response> = worker.fetch;
export const reader = EmbedConfigObject;
export const loaderHash: string | undefined = (integrity as Record<string, string>)['status-embed.js'];
`,
    );
    expect(await typeCheckConsumer(project, { nodenext: ['consumer.ts'], bundler: ['consumer.ts'] }, { resolveJsonModule: true })).toEqual({
      'tsconfig.nodenext.json': '',
      'tsconfig.bundler.json': '',
    });
  });

  it('shows the card from the installed files, served like a CDN, under a strict CSP with the SRI hash of integrity.json', async () => {
    const pageId = sandbox.pages[0]!.id;
    const name = `Checkout is slow ${Date.now()}`;
    const opened = await fetch(`${sandbox.url}/_control/pages/${pageId}/incidents`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ name, impact: 'major' }),
    });
    expect(opened.status).toBeLessThan(300);

    // The "CDN": the installed package's files at the path jsDelivr gives them, with CORS (SRI on a cross-origin script needs it).
    const prefix = `/npm/${NAME}@${rootPackage.version}/`;
    const requested: string[] = [];
    const cdn = createServer((request, response) => {
      const path = new URL(request.url ?? '/', 'http://cdn').pathname;
      requested.push(path);
      const file = path.startsWith(prefix) ? path.slice(prefix.length) : '';
      if (!/^dist\/[\w.-]+\.js$/.test(file)) return void response.writeHead(404).end();
      response.writeHead(200, { 'content-type': 'text/javascript', 'access-control-allow-origin': '*' }).end(readInstalled(file));
    });
    const integrity = JSON.parse(readInstalled('dist/integrity.json')) as Record<string, string>;
    let site: Server | undefined;
    const browser = await chromium.launch({ executablePath: findChromium(), args: QUIET_FLAGS });
    try {
      const cdnOrigin = await listen(cdn);
      const directory = `${cdnOrigin}${prefix}dist/`;
      const csp = `default-src 'none'; script-src ${directory}; connect-src ${new URL(sandbox.url).origin}`;
      const html = (
        hash: string,
      ) => `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>A stranger's shop</title></head><body><h1>Shop</h1>
<script async src="${directory}status-embed.js" integrity="${hash}" crossorigin="anonymous"
        data-status-page="${sandbox.statusPageUrl(pageId)}"></script></body></html>`;
      site = createServer((request, response) => {
        // /wrong-hash: the control, another file's hash in the attribute.
        const hash = request.url === '/wrong-hash' ? integrity['status-embed.mjs']! : integrity['status-embed.js']!;
        response.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'content-security-policy': csp }).end(html(hash));
      });
      const siteOrigin = await listen(site);

      const page = await browser.newPage();
      const problems: string[] = [];
      page.on('console', (message) => {
        if (message.type() === 'error' || message.type() === 'warning') problems.push(message.text());
      });
      page.on('pageerror', (error) => problems.push(String(error)));
      await page.goto(`${siteOrigin}/`);
      const link = page.getByRole('link', { name });
      await link.waitFor({ timeout: 15_000 });
      expect(await link.isVisible()).toBe(true);
      expect(requested).toEqual(
        expect.arrayContaining([`${prefix}dist/status-embed.js`, expect.stringMatching(/\/dist\/status-embed-card-[\w-]+\.js$/)]),
      );
      expect(problems.filter((text) => /integrity|Content Security Policy|status-embed|Refused/i.test(text))).toEqual([]);

      // The control: with a hash that is not the loader's, Chromium refuses it, says so, and no card appears.
      const control = await browser.newPage();
      const refused: string[] = [];
      control.on('console', (message) => refused.push(message.text()));
      await control.goto(`${siteOrigin}/wrong-hash`);
      await expect.poll(() => refused.some((text) => /integrity/i.test(text)), { timeout: 10_000 }).toBe(true);
      expect(await control.getByRole('link', { name }).count()).toBe(0);
    } finally {
      await browser.close();
      await Promise.all([close(cdn), site && close(site)]);
    }
  });

  it('serves the five public fields on Node with serveEmbedConfig, the key kept on the server', async () => {
    const pageId = sandbox.pages[0]!.id;
    writeFileSync(
      join(project, 'node-endpoint.mjs'),
      `import { handlerOptionsFromEnv } from '${NAME}/config-endpoint';
import { serveEmbedConfig } from '${NAME}/config-endpoint/node';
const server = await serveEmbedConfig({ ...handlerOptionsFromEnv(process.env), hostname: '127.0.0.1', port: 0 });
const response = await fetch(server.url);
console.log(JSON.stringify({ status: response.status, cors: response.headers.get('access-control-allow-origin'), body: await response.json() }));
await server.close();
`,
    );
    const env = { ...cleanEnv, STATUSPAGE_API_KEY: sandbox.apiKey, STATUSPAGE_PAGE_ID: pageId, STATUSPAGE_BASE_URL: sandbox.apiBaseUrl };
    const { stdout } = await run(process.execPath, ['node-endpoint.mjs'], { cwd: project, env });
    const answer = JSON.parse(stdout) as { status: number; cors: string; body: Record<string, unknown> };
    expect(answer.status).toBe(200);
    expect(answer.cors).toBe('*');
    expect(answer.body).toEqual(await publicConfig(pageId));
    expect(Object.keys(answer.body).sort()).toEqual([...PUBLIC_FIELDS].sort());
  });

  it('runs the Worker and its Durable Object from the tarball inside workerd, answering the five public fields', async () => {
    const pageId = sandbox.pages[1]!.id;
    // The stranger's worker re-exports the package's, as their wrangler.jsonc's main would; bundled as wrangler would.
    writeFileSync(join(project, 'worker.mjs'), `export { default, EmbedConfigObject } from '${NAME}/config-endpoint/worker';\n`);
    const output = await build({
      root: project,
      configFile: false,
      logLevel: 'silent',
      build: { write: false, minify: false, target: 'es2022', lib: { entry: join(project, 'worker.mjs'), formats: ['es'], fileName: 'worker' } },
    });
    const [result] = Array.isArray(output) ? output : [output];
    if (!result || !('output' in result)) throw new Error('vite did not return the bundle');
    const edge = new Miniflare({
      modules: true,
      script: result.output[0].code,
      compatibilityDate: '2025-01-01',
      bindings: { STATUSPAGE_API_KEY: sandbox.apiKey, STATUSPAGE_PAGE_ID: pageId, STATUSPAGE_BASE_URL: sandbox.apiBaseUrl },
      durableObjects: { EMBED_CONFIG: 'EmbedConfigObject' },
    });
    try {
      const responses = await Promise.all(Array.from({ length: 5 }, () => edge.dispatchFetch('https://embed.example.com/')));
      expect(responses.map((response) => response.status)).toEqual([200, 200, 200, 200, 200]);
      expect(responses[0]!.headers.get('access-control-allow-origin')).toBe('*');
      const bodies = await Promise.all(responses.map((response) => response.json() as Promise<Record<string, unknown>>));
      expect(bodies[0]).toEqual(await publicConfig(pageId));
      expect(Object.keys(bodies[0]!).sort()).toEqual([...PUBLIC_FIELDS].sort());
      expect(new Set(bodies.map((body) => JSON.stringify(body))).size).toBe(1);
    } finally {
      await edge.dispose();
    }
  });
});

function listen(server: Server): Promise<string> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}`));
  });
}

function close(server: Server): Promise<void> {
  return new Promise((resolve) => {
    server.closeAllConnections();
    server.close(() => resolve());
  });
}
