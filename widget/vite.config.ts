// `npm run build:widget`: the script-tag file (IIFE, global `StatusEmbed`), an ES module for bundlers, and type
// declarations, in dist/widget/. Preact's JSX comes from the tsconfig (jsxImportSource).
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';

const root = fileURLToPath(new URL('..', import.meta.url));
const outDir = `${root}dist/widget`;

/** Emits declarations with tsc once both bundles are written, behind one `status-embed.d.ts`. */
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
      writeFileSync(`${outDir}/status-embed.d.ts`, "export * from './types/widget/status-embed';\n");
    },
  };
}

export default defineConfig({
  root,
  publicDir: false,
  logLevel: 'warn',
  plugins: [declarations()],
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
