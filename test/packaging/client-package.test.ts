import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { typeCheckConsumer } from './consumer';
import { startSandbox, type RunningSandbox } from '../../sandbox';
import { versionMismatches } from '../../scripts/sync-version.mjs';

// @statuspage-toolkit/client as a stranger gets it: `npm pack` into a folder outside the repository, installed into a
// new project there (its one dependency, zod, from the registry, through npm's cache), then used from that project:
// imported from ESM and required from CommonJS against the sandbox, type-checked as a consumer under both module
// resolutions, and the README's first client example run as written.

const ROOT = join(import.meta.dirname, '..', '..');
const run = promisify(execFile);
const rootPackage = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string; dependencies: Record<string, string> };

// npm's own variables (npm_config_*, set when this runs under `npm run`) would point the project's npm at the repository.
const cleanEnv = Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.toLowerCase().startsWith('npm_')));
const npm = (args: string[], cwd: string) => run('npm', args, { cwd, env: cleanEnv, maxBuffer: 16 * 1024 * 1024 });
const node = (file: string, cwd: string, env: Record<string, string> = {}) =>
  run(process.execPath, [file], { cwd, env: { ...cleanEnv, ...env }, maxBuffer: 4 * 1024 * 1024 });

let temp: string;
let project: string;
let tarball: string;
let sandbox: RunningSandbox;

beforeAll(async () => {
  temp = mkdtempSync(join(tmpdir(), 'statuspage-client-package-'));
  project = join(temp, 'app');
  mkdirSync(project);
  const [packed] = await Promise.all([
    // prepack builds shared/dist first.
    npm(['pack', '--workspace', 'shared', '--pack-destination', temp, '--json'], ROOT),
    startSandbox({ port: 0 }).then((started) => {
      sandbox = started;
    }),
  ]);
  const [{ filename }] = JSON.parse(packed.stdout.slice(packed.stdout.indexOf('['))) as [{ filename: string }];
  tarball = join(temp, filename);
  writeFileSync(join(project, 'package.json'), JSON.stringify({ name: 'a-stranger', private: true, type: 'module' }, null, 2));
  await npm(['install', tarball, '--prefer-offline', '--no-audit', '--no-fund'], project);
});

afterAll(async () => {
  await sandbox?.close();
  if (temp) rmSync(temp, { recursive: true, force: true });
});

const sandboxEnv = () => ({ STATUSPAGE_API_KEY: sandbox.apiKey, STATUSPAGE_API_URL: sandbox.apiBaseUrl });
const installed = () => join(project, 'node_modules', '@statuspage-toolkit', 'client');

describe('the packed tarball', () => {
  it('is at the root version, as every workspace package is', () => {
    expect(versionMismatches()).toEqual([]);
    const manifest = JSON.parse(readFileSync(join(installed(), 'package.json'), 'utf8'));
    expect(manifest.version).toBe(rootPackage.version);
    expect(tarball.endsWith(`statuspage-toolkit-client-${rootPackage.version}.tgz`)).toBe(true);
  });

  it('holds the built JS and declarations, the README and the LICENSE: no sources, no tests', () => {
    const files = (readdirSync(installed(), { recursive: true, withFileTypes: true }) as import('node:fs').Dirent[])
      .filter((entry) => entry.isFile())
      .map((entry) => join(entry.parentPath, entry.name).slice(installed().length + 1));
    expect(files).toEqual(expect.arrayContaining(['package.json', 'README.md', 'LICENSE', 'dist/index.js', 'dist/index.d.ts']));
    const others = files.filter((file) => !['package.json', 'README.md', 'LICENSE'].includes(file) && !/^dist\/.+\.(js|d\.ts)$/.test(file));
    expect(others).toEqual([]);
    expect(files.filter((file) => /\.ts$/.test(file) && !file.endsWith('.d.ts'))).toEqual([]);
  });

  it('depends on zod at the root version, installed from the registry beside it', () => {
    const manifest = JSON.parse(readFileSync(join(installed(), 'package.json'), 'utf8'));
    expect(manifest.dependencies).toEqual({ zod: rootPackage.dependencies.zod });
    const zod = JSON.parse(readFileSync(join(project, 'node_modules', 'zod', 'package.json'), 'utf8'));
    expect(zod.version).toBe(rootPackage.dependencies.zod);
  });
});

describe('used from a project outside the repository', () => {
  it('imports from ESM and lists the sandbox pages', async () => {
    writeFileSync(
      join(project, 'list.mjs'),
      `import { createStatuspageClient } from '@statuspage-toolkit/client';
const statuspage = createStatuspageClient({ apiKey: process.env.STATUSPAGE_API_KEY, baseUrl: process.env.STATUSPAGE_API_URL });
console.log(JSON.stringify((await statuspage.listPages()).map((page) => page.id)));
`,
    );
    const { stdout } = await node('list.mjs', project, sandboxEnv());
    expect(JSON.parse(stdout)).toEqual(sandbox.pages.map((page) => page.id));
  });

  it('requires from CommonJS (Node require() of ESM) and lists the sandbox pages', async () => {
    writeFileSync(
      join(project, 'list.cjs'),
      `const { createStatuspageClient } = require('@statuspage-toolkit/client');
const statuspage = createStatuspageClient({ apiKey: process.env.STATUSPAGE_API_KEY, baseUrl: process.env.STATUSPAGE_API_URL });
statuspage.listPages().then((pages) => console.log(JSON.stringify(pages.map((page) => page.id))), (error) => {
  console.error(error);
  process.exitCode = 1;
});
`,
    );
    const { stdout } = await node('list.cjs', project, sandboxEnv());
    expect(JSON.parse(stdout)).toEqual(sandbox.pages.map((page) => page.id));
  });

  it('gives ESM and CommonJS callers one copy: an error required is instanceof the class imported', async () => {
    writeFileSync(
      join(project, 'one-copy.mjs'),
      `import { createRequire } from 'node:module';
import * as esm from '@statuspage-toolkit/client';
const cjs = createRequire(import.meta.url)('@statuspage-toolkit/client');
let caught;
try { cjs.createStatuspageClient({ apiKey: '' }); } catch (error) { caught = error; }
console.log(JSON.stringify({ same: cjs.StatuspageError === esm.StatuspageError, invalid: caught instanceof esm.InvalidRequestError }));
`,
    );
    const { stdout } = await node('one-copy.mjs', project);
    expect(JSON.parse(stdout)).toEqual({ same: true, invalid: true });
  });

  it('type-checks a consumer under moduleResolution nodenext (ESM and CommonJS files) and bundler', async () => {
    writeFileSync(
      join(project, 'consumer.ts'),
      `import { createStatuspageClient, RateLimitedError, type Page, type StatusEmbedConfigChanges } from '@statuspage-toolkit/client';

const statuspage = createStatuspageClient({ apiKey: 'key', baseUrl: 'http://127.0.0.1:4100/v1' });
export const pages: Promise<Page[]> = statuspage.listPages({ priority: 'background' });
export const changes: StatusEmbedConfigChanges = { position: 'bottom-left', incident_text_color: '#fff' };
// @ts-expect-error not a corner: the types are the schemas', not any
export const wrong: StatusEmbedConfigChanges = { position: 'middle' };
export const retryAt = (error: unknown): Date | undefined => (error instanceof RateLimitedError ? error.retryAt : undefined);
`,
    );
    writeFileSync(
      join(project, 'consumer-cjs.cts'),
      `import { createStatuspageClient, type StatuspageClient } from '@statuspage-toolkit/client';
export const statuspage: StatuspageClient = createStatuspageClient({ apiKey: 'key' });
`,
    );
    expect(await typeCheckConsumer(project, { nodenext: ['consumer.ts', 'consumer-cjs.cts'], bundler: ['consumer.ts'] })).toEqual({
      'tsconfig.nodenext.json': '',
      'tsconfig.bundler.json': '',
    });
  });

  it("runs the README's first client example as written", async () => {
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    const section = readme.slice(readme.indexOf('## The client API'));
    expect(section.indexOf('```sh\nnpm install @statuspage-toolkit/client\n```')).toBeGreaterThanOrEqual(0);
    const example = /```js\n([\s\S]*?)```/.exec(section)?.[1];
    expect(example).toContain("from '@statuspage-toolkit/client'");
    writeFileSync(join(project, 'readme-example.mjs'), example!);
    const { stdout } = await node('readme-example.mjs', project, sandboxEnv());
    const lines = stdout.trim().split('\n');
    expect(lines).toHaveLength(sandbox.pages.length);
    for (const [i, page] of sandbox.pages.entries()) expect(lines[i]).toMatch(new RegExp(`^${page.id}  ${page.name}  \\(status embed: [a-z_-]+\\)$`));
  });
});
