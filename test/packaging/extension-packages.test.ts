import { execFile } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { hostPermissionsOf, listZip, PACKAGES_DIR, readZipEntry, sha256Sums } from '../../scripts/package.mjs';

// `npm run package`, then the folder it leaves: both store zips, the sources zip AMO asks for and SHA256SUMS, each
// manifest at the package version and holding only the real API as a host permission.

const ROOT = join(import.meta.dirname, '..', '..');
const { version } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string };
const CHROME = `statuspage-toolkit-${version}-chrome.zip`;
const FIREFOX = `statuspage-toolkit-${version}-firefox.zip`;
const SOURCES = `statuspage-toolkit-${version}-sources.zip`;
const zip = (name: string) => readFileSync(join(PACKAGES_DIR, name));
const manifestOf = (name: string) => JSON.parse(readZipEntry(zip(name), 'manifest.json')!.toString('utf8'));

let output = '';
beforeAll(async () => {
  const result = await promisify(execFile)('npm', ['run', '--silent', 'package'], { cwd: ROOT, maxBuffer: 64 * 1024 * 1024 });
  output = result.stdout;
}, 300_000);

describe('npm run package', () => {
  it('writes both store zips, the sources zip and SHA256SUMS, and nothing else', () => {
    expect(readdirSync(PACKAGES_DIR).sort()).toEqual([CHROME, FIREFOX, SOURCES, 'SHA256SUMS'].sort());
    expect(output).toContain('web-ext lint:');
  });

  it('lists the sha256 of every other file in SHA256SUMS, in sha256sum format', () => {
    const sums = readFileSync(join(PACKAGES_DIR, 'SHA256SUMS'), 'utf8');
    expect(sums).toMatch(/^([0-9a-f]{64} {2}\S+\n)+$/);
    expect(
      sums
        .trim()
        .split('\n')
        .map((line) => line.slice(66)),
    ).toEqual([CHROME, FIREFOX, SOURCES].sort());
    expect(sums).toBe(sha256Sums(PACKAGES_DIR, [CHROME, FIREFOX, SOURCES]));
  });

  it('gives both manifests the package version', () => {
    expect(manifestOf(CHROME).version).toBe(version);
    expect(manifestOf(FIREFOX).version).toBe(version);
  });

  it('keeps only https://api.statuspage.io/* as a host permission in both store builds', () => {
    const chrome = manifestOf(CHROME);
    expect(chrome.manifest_version).toBe(3);
    expect(chrome.host_permissions).toEqual(['https://api.statuspage.io/*']);
    const firefox = manifestOf(FIREFOX);
    expect(firefox.manifest_version).toBe(2);
    expect(firefox.host_permissions).toBeUndefined();
    expect(hostPermissionsOf(firefox)).toEqual(['https://api.statuspage.io/*']);
  });

  it('puts what a reviewer needs to rebuild the Firefox build in the sources zip, and no build output', () => {
    const files = listZip(zip(SOURCES));
    expect(files).toEqual(expect.arrayContaining(['package.json', 'package-lock.json', 'wxt.config.ts', 'README.md']));
    const folders = ['extension/entrypoints/', 'shared/', 'widget/browser/card/'];
    expect(folders.filter((folder) => !files.some((file) => file.startsWith(folder)))).toEqual([]);
    expect(files.filter((file) => /^(\.output|node_modules|dist|packages\/client\/dist|\.test-results|test-results)\//.test(file))).toEqual([]);
  });
});
