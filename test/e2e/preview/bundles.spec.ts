// The key stays with the background, checked on what the browser actually loads: the built test extension.
// A content script (the manage.statuspage.io one, and the one "Preview on this tab" injects) carries neither the
// API client nor the key's storage, and has no way to make a request or to message the background; the popup
// does not even name the key's storage item. Reads files only: no browser is started.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { TEST_EXTENSION_DIR } from '../../support/chromium';

const read = (file: string) => readFileSync(join(TEST_EXTENSION_DIR, file), 'utf8');

interface BuiltManifest {
  content_scripts?: Array<{ js?: string[] }>;
}

function contentScripts(): string[] {
  const manifest = JSON.parse(read('manifest.json')) as BuiltManifest;
  const listed = (manifest.content_scripts ?? []).flatMap((entry) => entry.js ?? []);
  return [...listed, 'preview-on-tab.js']; // injected on request (extension/preview/inject.ts)
}

// What the API client and the key's storage look like once bundled (extension/background/, shared/client).
const KEY_AND_CLIENT = [
  ["the client's Authorization header", /OAuth |Authorization/],
  // orgItem('apiKey', { schema: ... }): the per-connection item that holds the sealed key.
  ["the key's storage item", /["'`]apiKey["'`],\s*\{\s*schema/],
  ["the sealing key's database", /statuspage-toolkit-keys/],
  ["the API's address", /api\.statuspage\.io/],
] as const;

test('content scripts carry no API client, no key, no storage, and cannot call out', () => {
  const scripts = contentScripts();
  expect(scripts).toContain('content-scripts/statuspage-preview.js');
  for (const file of scripts) {
    const code = read(file);
    for (const [what, pattern] of KEY_AND_CLIENT) expect(code, `${file}: ${what}`).not.toMatch(pattern);
    expect(code, `${file}: extension storage`).not.toMatch(/["'`]local:[\w.]|wxt\/storage|storage\.local/);
    expect(code, `${file}: requests or background messages`).not.toMatch(/\bfetch\(|XMLHttpRequest|sendBeacon|WebSocket|EventSource|sendMessage/);
  }
});

test("the popup's code names neither the key's storage nor its sealing; only the background builds requests with it", () => {
  const popupChunks = readdirSync(join(TEST_EXTENSION_DIR, 'chunks')).filter((file) => file.endsWith('.js'));
  expect(popupChunks.some((file) => file.startsWith('popup-'))).toBe(true);
  for (const file of popupChunks) {
    const code = read(join('chunks', file));
    for (const [what, pattern] of KEY_AND_CLIENT.slice(0, 3)) expect(code, `${file}: ${what}`).not.toMatch(pattern);
  }
  // The same patterns do find the client and the key where they belong, so the checks above can fail.
  const background = read('background.js');
  for (const [what, pattern] of KEY_AND_CLIENT) expect(background, `background.js: ${what}`).toMatch(pattern);
});

test('only the test build honours ?tab= (the hook a test uses for the tab a click would name)', () => {
  // Every chunk: the popup's code is shared with the side panel's page, so it may sit in a chunk of another name.
  const chunks = (dir: string) => readdirSync(join(dir, 'chunks')).filter((file) => file.endsWith('.js'));
  const honours = /location\.search\)\.get\(["'`]tab["'`]\)/;
  const testPopup = chunks(TEST_EXTENSION_DIR).map((file) => read(join('chunks', file)));
  expect(testPopup.some((code) => honours.test(code))).toBe(true);
  const STORE_DIR = join(TEST_EXTENSION_DIR, '..', 'chrome-mv3');
  const storePopup = chunks(STORE_DIR).map((file) => readFileSync(join(STORE_DIR, 'chunks', file), 'utf8'));
  expect(storePopup.length).toBeGreaterThan(0);
  for (const code of storePopup) expect(code).not.toMatch(honours);
});

/** The files an extension page loads before its first script runs: its scripts, preloads and stylesheets. */
function pageFiles(html: string): { scripts: string[]; styles: string[] } {
  const page = read(html);
  const attribute = (pattern: RegExp) => [...page.matchAll(pattern)].map((match) => match[1]!.replace(/^\//, ''));
  return {
    scripts: [...attribute(/<script[^>]*\bsrc="([^"]+)"/g), ...attribute(/<link rel="modulepreload"[^>]*\bhref="([^"]+)"/g)],
    styles: attribute(/<link rel="stylesheet"[^>]*\bhref="([^"]+)"/g),
  };
}

/** The files a chunk loads on demand (Vite's list of a lazy import's dependencies). */
const lazyFiles = (chunk: string) => [...read(chunk).matchAll(/"((?:chunks|assets)\/[^"]+)"/g)].map((match) => match[1]!);

test('each page opens with few files, and none of another page (scripts/build/page-chunks.ts)', () => {
  const popup = pageFiles('popup.html');
  const teamAccess = pageFiles('team-access.html');
  const blank = pageFiles('blank.html');
  // A file costs an extension page milliseconds to open: the popup had 7 scripts and 2 stylesheets.
  expect(popup.scripts.length, popup.scripts.join(' ')).toBeLessThanOrEqual(5);
  expect(popup.styles.length, popup.styles.join(' ')).toBeLessThanOrEqual(2);
  // The benchmark's empty page stays empty: its entry and the `first-data` mark's chunk.
  expect(blank.scripts).toHaveLength(2);
  expect(blank.styles).toHaveLength(0);
  for (const file of blank.scripts) expect(read(file).length, file).toBeLessThan(2_000);

  const own = (files: string[], page: string) => files.filter((file) => new RegExp(`^(chunks|assets)/${page}-`).test(file));
  expect(own(popup.scripts, 'popup').length).toBeGreaterThan(0);
  expect(own(teamAccess.scripts, 'team-access').length).toBeGreaterThan(0);
  // Neither page loads the other's code or styles (the popup's CSS sets the body's width), at start or lazily.
  const popupAll = [...popup.scripts, ...popup.styles, ...popup.scripts.flatMap(lazyFiles)];
  const teamAccessAll = [...teamAccess.scripts, ...teamAccess.styles, ...teamAccess.scripts.flatMap(lazyFiles)];
  expect(own(popupAll, 'team-access')).toEqual([]);
  expect(own(teamAccessAll, 'popup')).toEqual([]);
});
