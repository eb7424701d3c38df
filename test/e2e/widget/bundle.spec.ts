// The built files themselves (no browser needed): what the browser files must never contain (Preact's
// innerHTML path for dangerouslySetInnerHTML is there, but the card never uses that prop), with a positive
// control showing the same search finds those markers where they are, and the declarations a bundler user gets.
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { build } from 'vite';
import { cardFile, widgetFiles, widgetScript } from './customer-site';
import { expect, test } from './widget-fixtures';

// `Function(` as a call, with or without `new` (a minifier drops the `new`), but not `someFunction(` or `.Function(`.
const MARKERS: Array<[string, RegExp]> = [
  ['OAuth', /OAuth/],
  ['api.statuspage.io', /api\.statuspage\.io/],
  ['status_embed_config', /status_embed_config/],
  ['Authorization', /Authorization/],
  ['api_key', /api_key/],
  ['Function(', /(?<![\w$.])Function\(/],
  ['eval(', /(?<![\w$.])eval\(/],
];
const markersIn = (code: string) => MARKERS.filter(([, pattern]) => pattern.test(code)).map(([name]) => name);

/** A module bundled and minified as the widget is (so minification cannot be what hides a marker). */
async function bundled(entry: string): Promise<string> {
  const output = await build({
    configFile: false,
    logLevel: 'silent',
    build: { write: false, minify: true, target: 'es2022', lib: { entry, formats: ['es'], fileName: 'probe' } },
  });
  const [result] = Array.isArray(output) ? output : [output];
  if (!result || !('output' in result)) throw new Error('vite did not return the bundle');
  return result.output.map((chunk) => ('code' in chunk ? chunk.code : '')).join('\n');
}

test('no browser file holds a management client, key plumbing or eval', () => {
  const files = widgetFiles();
  expect(files.map((file) => file.split('/').pop())).toEqual(expect.arrayContaining(['status-embed.js', 'status-embed.mjs', cardFile()]));
  for (const file of files) expect(markersIn(readFileSync(file, 'utf8')), file).toEqual([]);
});

test('the same search finds the markers in code known to hold them (positive control)', async () => {
  // The config endpoint's worker holds the management client and the key: the markers the widget must not have.
  const worker = await bundled(resolve('widget/config-endpoint/worker.ts'));
  expect(markersIn(worker)).toEqual(expect.arrayContaining(['OAuth', 'api.statuspage.io', 'status_embed_config']));
  const probe = resolve('test/e2e/widget/probes/eval-probe.ts');
  expect(markersIn(await bundled(probe))).toEqual(expect.arrayContaining(['Function(', 'eval(']));
});

test('the ES module and its declarations are built next to the loader', () => {
  widgetScript();
  const esm = resolve('dist/widget/status-embed.mjs');
  const types = resolve('dist/widget/status-embed.d.ts');
  expect(existsSync(esm)).toBe(true);
  const entry = readFileSync(resolve('dist/widget/types/widget/browser/status-embed.d.ts'), 'utf8');
  expect(readFileSync(types, 'utf8')).toContain('./types/widget/browser/status-embed');
  expect(entry).toMatch(/export \{ mount \}|export .*mount/);
  expect(entry).toContain('StatusEmbedElement');
  expect(entry).toContain('MountOptions');
});
