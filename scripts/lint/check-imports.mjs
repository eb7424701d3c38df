#!/usr/bin/env node
// `npm run lint:imports` (part of `npm run lint`): reads every import of the repository's TypeScript and checks the
// rules in import-rules.mjs. Exits 1 and names each forbidden import, with the rule and why it exists.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { dirname, join, normalize } from 'node:path';
import { checkImports } from './import-rules.mjs';

// import x from '...', import '...', export ... from '...', import('...'): how this code base writes its imports.
const IMPORT =
  /(?:^|[\s;])(?:import|export)\s[^'"`]*?from\s*['"]([^'"]+)['"]|(?:^|[\s;])import\s*['"]([^'"]+)['"]|\bimport\(\s*['"]([^'"]+)['"]\s*\)/gm;
const EXTENSIONS = ['', '.ts', '.tsx', '.mts', '.mjs', '.js', '/index.ts', '/index.tsx'];

/** The repository file a relative specifier names, or undefined when none is found. */
export function resolveImport(from, specifier, exists = (path) => existsSync(path) && statSync(path).isFile()) {
  const bare = specifier.replace(/\?.*$/, '');
  const base = normalize(join(dirname(from), bare));
  return EXTENSIONS.map((extension) => base + extension).find(exists);
}

/** Every import in `files` (repository paths) as `{ from, to, specifier }` (`to` undefined for a package). */
export function importsOf(files, read = (path) => readFileSync(path, 'utf8')) {
  const edges = [];
  for (const from of files) {
    const text = read(from).replace(/^\s*\/\/.*$/gm, '');
    for (const match of text.matchAll(IMPORT)) {
      const specifier = match[1] ?? match[2] ?? match[3];
      const to = specifier.startsWith('.')
        ? (resolveImport(from, specifier) ?? `${normalize(join(dirname(from), specifier))} (not found)`)
        : undefined;
      // `import type` is erased at build time: it obeys the folder rules (cycles are Biome's noImportCycles, which ignores it).
      const typeOnly = /^\s*(?:import|export)\s+type\s/.test(match[0]);
      edges.push({ from, to, specifier, typeOnly });
    }
  }
  return edges;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const files = execFileSync(
    'git',
    ['ls-files', '--cached', '--others', '--exclude-standard', 'shared', 'extension', 'widget', 'sandbox', 'scripts'],
    { encoding: 'utf8' },
  )
    .split('\n')
    .filter((path) => /\.(ts|tsx|mts|mjs)$/.test(path) && existsSync(path));
  const violations = checkImports(importsOf(files));
  for (const v of violations) console.error(`${v.from}: ${v.specifier || v.to} (${v.rule}): ${v.reason}`);
  console.log(violations.length ? `\n${violations.length} forbidden imports` : `Import rules: ${files.length} files, no forbidden import.`);
  process.exit(violations.length ? 1 : 0);
}
