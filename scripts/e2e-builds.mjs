// What each browser-test project needs built, and whether that build is older than its sources.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** Newest modification time (ms) under `paths` (files or folders), skipping node_modules. */
function newest(paths) {
  let latest = 0;
  const visit = (path) => {
    if (!existsSync(path)) return;
    const stat = statSync(path);
    if (stat.isDirectory()) {
      for (const entry of readdirSync(path)) if (entry !== 'node_modules') visit(join(path, entry));
    } else latest = Math.max(latest, stat.mtimeMs);
  };
  for (const path of paths) visit(path);
  return latest;
}

const SHARED_SOURCES = ['shared', 'package.json', 'tsconfig.json'];

/** Builds by name: the npm script that makes it, the file that proves it exists, and the sources it comes from. */
export const BUILDS = {
  widget: { script: 'build:widget', output: 'dist/widget/status-embed.js', sources: ['widget', ...SHARED_SOURCES] },
  'extension (store build)': {
    script: 'build:extension',
    output: '.output/chrome-mv3/manifest.json',
    sources: ['extension', 'widget/browser/card', 'wxt.config.ts', 'dist/widget/integrity.json', ...SHARED_SOURCES],
  },
  'extension (test build)': {
    script: 'build:extension:test',
    output: '.output/chrome-mv3-test/manifest.json',
    sources: ['extension', 'widget/browser/card', 'wxt.config.ts', 'dist/widget/integrity.json', ...SHARED_SOURCES],
  },
};

/** Which builds a Playwright project needs. */
// The widget first: the extension's builds pin its release (dist/widget/integrity.json) in the popup's widget snippet.
export const PROJECT_BUILDS = { widget: ['widget'], extension: ['widget', 'extension (test build)', 'extension (store build)'] };

/** 'missing', 'stale' (a source is newer than the build) or 'fresh'. */
export function buildState(name) {
  const build = BUILDS[name];
  if (!existsSync(build.output)) return 'missing';
  return newest(build.sources) > statSync(build.output).mtimeMs ? 'stale' : 'fresh';
}
