#!/usr/bin/env node
// `npm run build:client` (= `npm run build -w @statuspage-toolkit/client`, and npm's prepack before `npm pack` or
// `npm publish`): builds the package @statuspage-toolkit/client, whose folder is shared/, into shared/dist, as ES modules
// plus declarations.
//
// The tool is TypeScript's own emit (`tsc -p shared/tsconfig.build.json`) with the repository's TypeScript 7:
// the declarations are exactly the types the type check sees, one .js and one .d.ts per source file, nothing bundled,
// no second compiler. tsdown and tsup were weighed: their declaration bundlers need the TypeScript compiler's JS API,
// which TypeScript 7's native compiler does not have (or isolatedDeclarations, which zod-inferred schemas cannot meet).
//
// The source writes relative imports without an extension ('./client', '../schemas'), as bundlers read them; Node's
// ESM loader and `moduleResolution: nodenext` need the file itself ('./client/index.js'). So after the emit, each
// relative specifier in dist/**/*.js and dist/**/*.d.ts gets the extension of the file it names, and the build fails
// on a specifier that names no emitted file. Nothing else is changed.
//
// Why not TypeScript's own `rewriteRelativeImportExtensions` (tried with typescript 7.0.2, the native compiler: it
// honours the option)? It rewrites only specifiers written with a TypeScript extension ('./client.ts' -> './client.js');
// an extensionless './client' or a folder '../schemas' is left as it is, so every relative import in shared/ would have
// to name its file ('../schemas/index.ts'): a change to every file of shared/ (and to how the extension and the widget
// import it) for what this pass does in one place. (The .d.ts would keep './client.ts', which a `nodenext` consumer
// does resolve: checked.) Switch when shared/ writes its imports with their extensions; then this pass goes.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const PACKAGE = join(ROOT, 'shared');
const DIST = join(PACKAGE, 'dist');

// import/export ... from '...', import '...', import('...'): every form tsc emits.
const SPECIFIER = /(\bfrom\s*|\bimport\s*\(\s*|\bimport\s+)(['"])(\.{1,2}\/[^'"]*)\2/g;

/** The specifier with the extension of the emitted file it names (`./x.js` or `./x/index.js`). */
export function withExtension(fromFile, specifier, exists = (path) => existsSync(path) && statSync(path).isFile()) {
  if (/\.(m|c)?js$/.test(specifier)) return specifier;
  const base = resolve(dirname(fromFile), specifier);
  if (exists(`${base}.js`)) return `${specifier}.js`;
  if (exists(join(base, 'index.js'))) return `${specifier.replace(/\/$/, '')}/index.js`;
  return undefined;
}

function filesUnder(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? filesUnder(join(dir, entry.name)) : [join(dir, entry.name)],
  );
}

function build() {
  rmSync(DIST, { recursive: true, force: true });
  const tsc = join(ROOT, 'node_modules', '.bin', 'tsc');
  const emitted = spawnSync(tsc, ['-p', join(PACKAGE, 'tsconfig.build.json')], { stdio: 'inherit' });
  if (emitted.status !== 0) {
    console.error('build-client: tsc failed');
    process.exit(1);
  }
  const problems = [];
  const files = filesUnder(DIST).filter((file) => /\.(js|d\.ts)$/.test(file));
  for (const file of files) {
    const text = readFileSync(file, 'utf8');
    const rewritten = text.replace(SPECIFIER, (whole, lead, quote, specifier) => {
      const fixed = withExtension(file, specifier);
      if (!fixed) {
        problems.push(`${relative(ROOT, file)}: '${specifier}' names no emitted file`);
        return whole;
      }
      return `${lead}${quote}${fixed}${quote}`;
    });
    if (rewritten !== text) writeFileSync(file, rewritten);
  }
  if (problems.length) {
    console.error(`build-client:\n  ${problems.join('\n  ')}`);
    process.exit(1);
  }
  const js = files.filter((file) => file.endsWith('.js')).length;
  console.log(`build-client: shared/dist, ${js} modules and ${files.length - js} declaration files`);
}

if (import.meta.url === `file://${process.argv[1]}`) build();
