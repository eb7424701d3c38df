// `npm run build:widget`: the script-tag file (IIFE, global `StatusEmbed`), an ES module for bundlers, and type
// declarations, in dist/widget/. Preact's JSX comes from the tsconfig (jsxImportSource). zod goes in without the
// parts the widget never reaches (build/trim-zod.ts): the size budget.
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';
import { trimZod } from './build/trim-zod.ts';

const root = fileURLToPath(new URL('..', import.meta.url));
const outDir = `${root}dist/widget`;

/** Emits declarations with tsc once both bundles are written, behind `status-embed.d.ts` and `.d.mts`. */
function declarations(): Plugin {
  let done = false;
  return {
    name: 'status-embed-declarations',
    apply: 'build',
    closeBundle() {
      if (done) return;
      done = true;
      const result = spawnSync('npx', ['tsc', '-p', 'widget/tsconfig.types.json'], { cwd: root, encoding: 'utf8' });
      if (result.status !== 0) throw new Error(`tsc (declarations) failed:\n${result.stdout}${result.stderr}`);
      // One entry for `status-embed.js` and one for `status-embed.mjs` (TypeScript looks for .d.mts beside .mjs).
      for (const name of ['status-embed.d.ts', 'status-embed.d.mts']) {
        writeFileSync(`${outDir}/${name}`, "export * from './types/widget/status-embed.js';\n");
      }
    },
  };
}

export default defineConfig({
  root,
  publicDir: false,
  logLevel: 'warn',
  plugins: [trimZod(), declarations()],
  build: {
    outDir,
    emptyOutDir: true,
    target: 'es2022',
    cssTarget: ['chrome111', 'edge111', 'firefox114', 'safari16.4'],
    minify: true,
    lib: {
      entry: `${root}widget/status-embed.ts`,
      name: 'StatusEmbed',
      formats: ['iife', 'es'],
      fileName: (format) => (format === 'iife' ? 'status-embed.js' : 'status-embed.mjs'),
    },
    rollupOptions: { output: { generatedCode: { symbols: false } } },
  },
});
