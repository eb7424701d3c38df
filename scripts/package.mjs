#!/usr/bin/env node
// `npm run package`: the store-ready extension builds, in one folder, .output/packages/:
//
//   statuspage-toolkit-<version>-chrome.zip    the Chrome Web Store upload (wxt zip)
//   statuspage-toolkit-<version>-firefox.zip   the addons.mozilla.org upload (wxt zip -b firefox)
//   statuspage-toolkit-<version>-sources.zip   the sources AMO asks for: the files git tracks, to rebuild from
//   SHA256SUMS                                 sha256 of each file above, in `sha256sum` format
//
// <version> is the root package.json's, which WXT also writes into both manifests. It fails (exit 1) when a
// workspace package is at another version, when a manifest's version is not the package version, when a store build
// asks for any host permission but https://api.statuspage.io/*, or when `web-ext lint` finds an error.
//
// WXT's zip() is `wxt zip` as a function: the same builds and zips, with the file names and the sources list given
// here rather than in wxt.config.ts (the sources are the files git tracks, so no build output, test result or local
// data file ends up in them).
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { inflateRawSync } from 'node:zlib';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const PACKAGES_DIR = join(ROOT, '.output', 'packages');
export const STORE_HOST_PERMISSIONS = ['https://api.statuspage.io/*'];

/** The names of the files in a zip archive, from its central directory. */
export function listZip(zip) {
  return centralDirectory(zip).map((entry) => entry.name);
}

/** One file of a zip archive (stored or deflated), or undefined when the archive has no such file. */
export function readZipEntry(zip, name) {
  const entry = centralDirectory(zip).find((e) => e.name === name);
  if (!entry) return undefined;
  const at = entry.localHeader;
  if (zip.readUInt32LE(at) !== 0x04034b50) throw new Error(`zip: no local header for ${name}`);
  const start = at + 30 + zip.readUInt16LE(at + 26) + zip.readUInt16LE(at + 28);
  const data = zip.subarray(start, start + entry.compressedSize);
  if (entry.method === 0) return Buffer.from(data);
  if (entry.method === 8) return inflateRawSync(data);
  throw new Error(`zip: ${name} uses compression method ${entry.method}`);
}

function centralDirectory(zip) {
  // The end-of-central-directory record is the last 22 bytes, or ends in a comment of up to 65,535 bytes.
  let end = zip.length - 22;
  while (end >= 0 && zip.readUInt32LE(end) !== 0x06054b50) end -= 1;
  if (end < 0) throw new Error('zip: no end of central directory (not a zip file?)');
  const count = zip.readUInt16LE(end + 10);
  let at = zip.readUInt32LE(end + 16);
  const entries = [];
  for (let i = 0; i < count; i++) {
    if (zip.readUInt32LE(at) !== 0x02014b50) throw new Error('zip: damaged central directory');
    const nameLength = zip.readUInt16LE(at + 28);
    entries.push({
      method: zip.readUInt16LE(at + 10),
      compressedSize: zip.readUInt32LE(at + 20),
      localHeader: zip.readUInt32LE(at + 42),
      name: zip.toString('utf8', at + 46, at + 46 + nameLength),
    });
    at += 46 + nameLength + zip.readUInt16LE(at + 30) + zip.readUInt16LE(at + 32);
  }
  return entries;
}

/** The host permissions a manifest asks for: MV3's host_permissions, or the origins among MV2's permissions. */
export function hostPermissionsOf(manifest) {
  if (manifest.manifest_version === 3) return manifest.host_permissions ?? [];
  return (manifest.permissions ?? []).filter((p) => p === '<all_urls>' || p.includes('://'));
}

/** What is wrong with a store build's manifest, as sentences (none when it is right). */
export function manifestProblems(manifest, version, label) {
  const problems = [];
  if (manifest.version !== version) problems.push(`${label}: manifest version ${manifest.version}, package version ${version}`);
  const hosts = hostPermissionsOf(manifest);
  if (JSON.stringify(hosts) !== JSON.stringify(STORE_HOST_PERMISSIONS)) {
    problems.push(`${label}: host permissions ${JSON.stringify(hosts)}, the store build may hold only ${JSON.stringify(STORE_HOST_PERMISSIONS)}`);
  }
  if (manifest.manifest_version === 2 && manifest.host_permissions) problems.push(`${label}: an MV2 manifest with host_permissions`);
  return problems;
}

/** `sha256sum` lines (`<hex>  <name>`) for the files of a folder, sorted by name. */
export function sha256Sums(dir, names) {
  return names
    .slice()
    .sort()
    .map(
      (name) =>
        `${createHash('sha256')
          .update(readFileSync(join(dir, name)))
          .digest('hex')}  ${name}\n`,
    )
    .join('');
}

/** The files git tracks, as glob patterns that match exactly themselves. */
function trackedFiles() {
  const listed = spawnSync('git', ['ls-files', '-z', '--cached'], { cwd: ROOT, encoding: 'utf8' });
  if (listed.status !== 0) throw new Error('npm run package builds the sources archive from git: run it in a git checkout');
  return listed.stdout
    .split('\0')
    .filter((path) => path && existsSync(join(ROOT, path)))
    .map((path) => path.replace(/[*?[\]{}()!+@\\]/g, '\\$&'));
}

async function main() {
  const started = Date.now();
  const version = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).version;
  const problems = [];
  const { versionMismatches } = await import('./sync-version.mjs');
  for (const m of versionMismatches(ROOT)) problems.push(`${m.name} is at ${m.version}, the root at ${m.expected} (npm run sync-version)`);
  if (problems.length) fail(problems);

  rmSync(PACKAGES_DIR, { recursive: true, force: true });
  mkdirSync(PACKAGES_DIR, { recursive: true });
  const { zip } = await import('wxt');
  const names = {
    artifactTemplate: 'packages/{{name}}-{{packageVersion}}-{{browser}}.zip',
    sourcesTemplate: 'packages/{{name}}-{{packageVersion}}-sources.zip',
  };
  await zip({ root: ROOT, browser: 'chrome', zip: { ...names, zipSources: false } });
  await zip({ root: ROOT, browser: 'firefox', zip: { ...names, zipSources: true, includeSources: trackedFiles(), dotSources: true } });

  const files = readdirSync(PACKAGES_DIR).sort();
  const expected = ['chrome', 'firefox', 'sources'].map((kind) => `statuspage-toolkit-${version}-${kind}.zip`);
  for (const name of expected) if (!files.includes(name)) problems.push(`${name} was not written`);
  for (const name of expected.slice(0, 2)) {
    if (!files.includes(name)) continue;
    const manifest = readZipEntry(readFileSync(join(PACKAGES_DIR, name)), 'manifest.json');
    if (!manifest) problems.push(`${name} has no manifest.json`);
    else problems.push(...manifestProblems(JSON.parse(manifest.toString('utf8')), version, name));
  }

  // The Firefox zip is .output/firefox-mv2 as zip() just built it.
  const lint = spawnSync('npx', ['web-ext', 'lint', '--source-dir', '.output/firefox-mv2', '--output', 'json', '--no-config-discovery'], {
    cwd: ROOT,
    encoding: 'utf8',
  });
  let report;
  try {
    report = JSON.parse(lint.stdout.slice(lint.stdout.indexOf('{')));
  } catch {
    problems.push(`web-ext lint gave no report (exit ${lint.status}): ${lint.stderr.trim().slice(0, 500)}`);
  }
  if (report) {
    for (const error of report.errors ?? []) problems.push(`web-ext lint: ${error.code}: ${error.message} (${error.file ?? 'manifest'})`);
    console.log(`web-ext lint: ${report.count ?? 0} findings, ${report.summary?.errors ?? 0} errors, ${report.summary?.warnings ?? 0} warnings`);
  }
  if (problems.length) fail(problems);

  writeFileSync(join(PACKAGES_DIR, 'SHA256SUMS'), sha256Sums(PACKAGES_DIR, files));
  console.log(`\n.output/packages (${version}, ${((Date.now() - started) / 1000).toFixed(1)} s):`);
  for (const name of [...files, 'SHA256SUMS']) console.log(`  ${name}`);
}

function fail(problems) {
  console.error(`\nnpm run package failed:\n  ${problems.join('\n  ')}`);
  process.exit(1);
}

if (import.meta.url === `file://${process.argv[1]}`) await main();
