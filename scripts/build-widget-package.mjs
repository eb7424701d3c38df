#!/usr/bin/env node
// `npm run build -w @statuspage-toolkit/status-embed` (and npm's prepack before `npm pack` or `npm publish`): the
// files of the package @statuspage-toolkit/status-embed, whose folder is widget/, into widget/dist:
//
// 1. The browser files, as `npm run build:widget` writes them to the root's dist/widget/ (widget/vite.config.ts:
//    the loader status-embed.js, the card stage status-embed-card-<hash>.js, the ES module status-embed.mjs, their
//    declarations, integrity.json), copied unchanged into widget/dist/, so the card stage sits beside the loader that
//    finds it by its own directory (https://cdn.jsdelivr.net/npm/@statuspage-toolkit/status-embed@<version>/dist/).
//    The copied declarations get the .js extensions that `moduleResolution: nodenext` needs on relative imports.
// 2. The config endpoint (widget/config-endpoint) bundled to ES modules in widget/dist/config-endpoint/: index.js
//    (createEmbedConfigHandler, handlerOptionsFromEnv), node.js (serveEmbedConfig), worker.js (the Worker and its
//    Durable Object). The shared/ code it uses (the client, the schemas) is bundled in; zod and @hono/node-server
//    stay imports (a dependency and an optional peer). Then tsc's declarations for them, with the same extensions.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const PACKAGE = join(ROOT, 'widget');
const DIST = join(PACKAGE, 'dist');
const BROWSER = join(ROOT, 'dist', 'widget');
const ENDPOINT = join(DIST, 'config-endpoint');
/** The config endpoint's entries: subpath exports `./config-endpoint`, `./config-endpoint/node`, `./config-endpoint/worker`. */
const ENTRIES = { index: 'index', node: 'node', worker: 'worker' };

// import/export ... from '...', import '...', import('...'): every form tsc emits in a declaration.
const SPECIFIER = /(\bfrom\s*|\bimport\s*\(\s*|\bimport\s+)(['"])(\.{1,2}\/[^'"]*)\2/g;

const filesUnder = (dir) =>
  readdirSync(dir, { withFileTypes: true }).flatMap((entry) => (entry.isDirectory() ? filesUnder(join(dir, entry.name)) : [join(dir, entry.name)]));

/** The declaration's relative specifiers with the extension of the file they name (`./x.js`, `./x/index.js`). */
export function withDeclarationExtensions(file, text, problems = []) {
  return text.replace(SPECIFIER, (whole, lead, quote, specifier) => {
    if (/\.(m|c)?js$/.test(specifier)) return whole;
    const base = resolve(dirname(file), specifier);
    const fixed = existsSync(`${base}.d.ts`)
      ? `${specifier}.js`
      : existsSync(join(base, 'index.d.ts'))
        ? `${specifier.replace(/\/$/, '')}/index.js`
        : undefined;
    if (!fixed) {
      problems.push(`${relative(ROOT, file)}: '${specifier}' names no declaration file`);
      return whole;
    }
    return `${lead}${quote}${fixed}${quote}`;
  });
}

function fixDeclarations(dir) {
  const problems = [];
  for (const file of filesUnder(dir).filter((path) => path.endsWith('.d.ts'))) {
    const text = readFileSync(file, 'utf8');
    const fixed = withDeclarationExtensions(file, text, problems);
    if (fixed !== text) writeFileSync(file, fixed);
  }
  if (problems.length) fail(`\n  ${problems.join('\n  ')}`);
}

function fail(message) {
  console.error(`build-widget-package: ${message}`);
  process.exit(1);
}

function runOrFail(command, args) {
  const result = spawnSync(command, args, { cwd: ROOT, stdio: 'inherit' });
  if (result.status !== 0) fail(`${[command, ...args].join(' ')} failed`);
}

async function buildConfigEndpoint() {
  const { build } = await import('vite');
  await build({
    root: ROOT,
    configFile: false,
    publicDir: false,
    logLevel: 'warn',
    build: {
      outDir: ENDPOINT,
      emptyOutDir: true,
      target: 'es2022',
      minify: false,
      // A server module: no browser polyfills, no CSS, no copy of a dependency.
      modulePreload: false,
      lib: {
        entry: Object.fromEntries(Object.entries(ENTRIES).map(([name, file]) => [name, join(PACKAGE, 'config-endpoint', `${file}.ts`)])),
        formats: ['es'],
        fileName: (_format, name) => `${name}.js`,
      },
      rollupOptions: {
        external: [/^zod(\/|$)/, /^@hono\/node-server(\/|$)/, /^hono(\/|$)/, /^node:/],
        output: { chunkFileNames: 'chunks/[name]-[hash].js' },
      },
    },
  });
  runOrFail(join(ROOT, 'node_modules', '.bin', 'tsc'), ['-p', join(PACKAGE, 'tsconfig.config-endpoint.json')]);
  const types = join(ENDPOINT, 'types');
  fixDeclarations(types);
  for (const name of Object.keys(ENTRIES)) {
    const target = `./types/widget/config-endpoint/${ENTRIES[name]}.js`;
    const defaultExport = name === 'worker' ? `export { default } from '${target}';\n` : '';
    writeFileSync(join(ENDPOINT, `${name}.d.ts`), `export * from '${target}';\n${defaultExport}`);
  }
}

async function main() {
  rmSync(DIST, { recursive: true, force: true });
  if (!process.argv.includes('--no-browser-build')) runOrFail('npm', ['run', '--silent', 'build:widget']);
  if (!existsSync(join(BROWSER, 'status-embed.js'))) fail('dist/widget/status-embed.js is missing: run npm run build:widget');
  cpSync(BROWSER, DIST, { recursive: true });
  fixDeclarations(join(DIST, 'types'));
  await buildConfigEndpoint();
  const integrity = JSON.parse(readFileSync(join(DIST, 'integrity.json'), 'utf8'));
  for (const file of Object.keys(integrity)) if (!existsSync(join(DIST, file))) fail(`integrity.json names ${file}, which is not in widget/dist`);
  console.log(`build-widget-package: widget/dist, ${Object.keys(integrity).join(', ')}, and config-endpoint/`);
}

if (import.meta.url === `file://${process.argv[1]}`) await main();
