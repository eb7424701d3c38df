#!/usr/bin/env node
// One version for everything: the root package.json's. The extension's manifest takes it through WXT; this script
// copies it into every workspace package (the root's "workspaces") and their entries in package-lock.json.
//
//   node scripts/sync-version.mjs           set every workspace package's version to the root's
//   node scripts/sync-version.mjs --check   change nothing; exit 1 naming each package whose version differs
//
// widget/README.md's CDN snippet pins the version (`@statuspage-toolkit/status-embed@<version>/dist/...`): it is
// rewritten to the root's too.
//
// `npm version <patch|minor|major|x.y.z>` at the root runs it (the root's "version" script) after raising the
// root's version and before npm's release commit, which then carries every package.json and the lock.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const readJson = (path) => JSON.parse(readFileSync(path, 'utf8'));
const writeJson = (path, value) => writeFileSync(path, `${JSON.stringify(value, null, 2)}\n`);

/** `[{ dir, manifest, name, version }]` for every workspace folder the root lists (plain paths, no globs). */
export function workspacePackages(root = ROOT) {
  const workspaces = readJson(join(root, 'package.json')).workspaces ?? [];
  return workspaces
    .filter((dir) => existsSync(join(root, dir, 'package.json')))
    .map((dir) => {
      const manifest = join(root, dir, 'package.json');
      const { name, version } = readJson(manifest);
      return { dir, manifest, name, version };
    });
}

/** The packages whose version differs from the root's, as `{ name, version, expected }`. */
export function versionMismatches(root = ROOT) {
  const expected = readJson(join(root, 'package.json')).version;
  return workspacePackages(root)
    .filter((pkg) => pkg.version !== expected)
    .map(({ name, version }) => ({ name, version, expected }));
}

/** Files whose text pins the package version, and how: `[path, pattern matching the pinned name@version]`. */
export const PINNED_IN_TEXT = [['widget/README.md', /(@statuspage-toolkit\/status-embed@)\d+\.\d+\.\d+(?:-[\w.]+)?/g]];

function sync(root = ROOT) {
  const { version } = readJson(join(root, 'package.json'));
  const lockPath = join(root, 'package-lock.json');
  const lock = existsSync(lockPath) ? readJson(lockPath) : undefined;
  for (const pkg of workspacePackages(root)) {
    if (pkg.version !== version) {
      const manifest = readJson(pkg.manifest);
      manifest.version = version;
      writeJson(pkg.manifest, manifest);
      console.log(`${pkg.name}: ${pkg.version} -> ${version}`);
    }
    const locked = lock?.packages?.[pkg.dir];
    if (locked) locked.version = version;
  }
  for (const [path, pattern] of PINNED_IN_TEXT) {
    const file = join(root, path);
    if (!existsSync(file)) continue;
    const text = readFileSync(file, 'utf8');
    const pinned = text.replace(pattern, `$1${version}`);
    if (pinned !== text) writeFileSync(file, pinned);
  }
  if (lock?.packages?.['']) lock.packages[''].version = version;
  if (lock) {
    lock.version = version;
    writeJson(lockPath, lock);
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  if (process.argv.includes('--check')) {
    const mismatches = versionMismatches();
    for (const m of mismatches) console.error(`${m.name} is at ${m.version}; the root package.json says ${m.expected}`);
    if (mismatches.length) console.error('Run `npm run sync-version` to set them.');
    else console.log('Every package is at the root version.');
    process.exit(mismatches.length ? 1 : 0);
  }
  sync();
}
