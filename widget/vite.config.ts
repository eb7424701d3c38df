// `npm run build:widget`, into dist/widget/: each non-English language's strings first, one small file each
// (status-embed-locale-<language>-<hash>.js, data only); the card stage next (Preact, zod/mini as published, the
// card, English), named and hashed by its content, with the language files' names and hashes written in; then the loader, the script-tag file (IIFE, global `StatusEmbed`), with the
// card's file name and sha256 written in; the ES module for bundlers (card included); type declarations; and
// integrity.json with every browser file's hash. Every browser file must be pure ASCII (build/ascii.ts).
// Preact's JSX comes from the tsconfig (jsxImportSource). No step edits a dependency's code.
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { build, defineConfig, type InlineConfig, type Plugin } from 'vite';
import { asciiJson, assertAscii } from './build/ascii.ts';
import { contentName, localeDigest, sriHash } from './build/integrity.ts';
import { localeFile } from './browser/card-stage/locale-files.ts';
import { LOCALES } from './browser/card-stage/locales/all.ts';

const root = fileURLToPath(new URL('..', import.meta.url));
const outDir = `${root}dist/widget`;
/** The browser files, besides the card stage (whose name carries its hash). */
const LOADER = 'status-embed.js';
const MODULE = 'status-embed.mjs';

/**
 * Calls the bundler may drop when their value is unused: building a zod schema (`z.looseObject(...)` in the shared
 * modules) and the shared helper that shapes the embed schemas have no effect besides their value. So the
 * schemas the widget never uses (the PATCH/PUT bodies, the wire corner enum, ...) go, with the parts of zod only
 * they reach. zod itself is bundled as published.
 */
const PURE_CALLS = [
  'embedShape',
  ...[
    'string',
    'boolean',
    'unknown',
    'optional',
    'nullable',
    'array',
    'record',
    'union',
    'enum',
    'looseObject',
    'strictObject',
    'extend',
    'pipe',
    'regex',
    'minLength',
    'superRefine',
  ].map((name) => `z.${name}`),
];

const shared = {
  target: 'es2022',
  cssTarget: ['chrome111', 'edge111', 'firefox114', 'safari16.4'],
  minify: true,
  // charset: the minifier escapes every non-ASCII character (build/ascii.ts checks that it did).
  rollupOptions: {
    output: { generatedCode: { symbols: false }, charset: 'ascii' },
    treeshake: { manualPureFunctions: PURE_CALLS },
  },
} satisfies InlineConfig['build'];

/** Builds one entry to a single file in memory and returns its code. */
async function bundle(entry: string, format: 'iife' | 'es', name?: string, define?: Record<string, string>): Promise<string> {
  const output = await build({
    root,
    configFile: false,
    publicDir: false,
    logLevel: 'warn',
    define,
    build: { ...shared, write: false, lib: { entry: `${root}${entry}`, name, formats: [format], fileName: () => 'out.js' } },
  });
  const [result] = Array.isArray(output) ? output : [output];
  if (!result || !('output' in result)) throw new Error(`vite did not return a bundle for ${entry}`);
  return assertAscii(entry, result.output[0].code);
}

// The languages but English, each a statement that hands its strings to the card stage (data: JSON, ASCII).
const localeFiles: Record<string, string> = {};
const localeIntegrity: Record<string, string> = {};
const localeDigests: Record<string, string> = {};
for (const [language, strings] of Object.entries(LOCALES)) {
  if (language === 'en') continue; // built into the card stage
  const code = `(window.__statusEmbedLocales||={})[${JSON.stringify(language)}]=${asciiJson(strings)};\n`;
  localeDigests[language] = localeDigest(code);
  const [file, integrity] = localeFile(language, localeDigests[language]);
  localeFiles[file] = assertAscii(file, code);
  localeIntegrity[file] = integrity;
}

// Before the loader: its build needs the card's name and hash.
const cardCode = await bundle('widget/browser/card-stage/index.ts', 'iife', 'StatusEmbedCard', {
  __STATUS_EMBED_LOCALE_DIGESTS__: JSON.stringify(localeDigests),
});
const CARD = contentName('status-embed-card', cardCode);
const cardIntegrity = sriHash(cardCode, 'sha256');

/** After the loader is written: the card, the ES module, integrity.json and the declarations. */
function companions(): Plugin {
  let done = false;
  return {
    name: 'status-embed-companions',
    apply: 'build',
    async closeBundle() {
      if (done) return;
      done = true;
      writeFileSync(`${outDir}/${CARD}`, cardCode);
      for (const [file, code] of Object.entries(localeFiles)) writeFileSync(`${outDir}/${file}`, code);
      writeFileSync(`${outDir}/${MODULE}`, await bundle('widget/browser/status-embed.module.ts', 'es'));
      const loader = assertAscii(LOADER, readFileSync(`${outDir}/${LOADER}`, 'utf8'));
      const integrity = {
        [LOADER]: sriHash(loader),
        [CARD]: cardIntegrity,
        ...localeIntegrity,
        [MODULE]: sriHash(readFileSync(`${outDir}/${MODULE}`, 'utf8')),
      };
      writeFileSync(`${outDir}/integrity.json`, `${JSON.stringify(integrity, null, 2)}\n`);

      const result = spawnSync('npx', ['tsc', '-p', 'widget/tsconfig.types.json'], { cwd: root, encoding: 'utf8' });
      if (result.status !== 0) throw new Error(`tsc (declarations) failed:\n${result.stdout}${result.stderr}`);
      // One entry for `status-embed.js` and one for `status-embed.mjs` (TypeScript looks for .d.mts beside .mjs).
      for (const name of ['status-embed.d.ts', 'status-embed.d.mts']) {
        writeFileSync(`${outDir}/${name}`, "export * from './types/widget/browser/status-embed.js';\n");
      }
    },
  };
}

export default defineConfig({
  root,
  publicDir: false,
  logLevel: 'warn',
  plugins: [companions()],
  define: { __STATUS_EMBED_CARD_FILE__: JSON.stringify(CARD), __STATUS_EMBED_CARD_INTEGRITY__: JSON.stringify(cardIntegrity) },
  build: {
    ...shared,
    // status-embed.js.map, unreferenced (the file keeps no comment): `npm run bench` reads it to say what each part of the loader costs.
    sourcemap: 'hidden',
    outDir,
    emptyOutDir: true,
    lib: { entry: `${root}widget/browser/status-embed.ts`, name: 'StatusEmbed', formats: ['iife'], fileName: () => LOADER },
  },
});
