#!/usr/bin/env node
// `npm run test:e2e [-- <playwright args>]`: builds what the chosen browser tests need, when it is missing or
// older than its sources, then runs Playwright. `--project widget` needs only the widget build; a spec file under
// test/e2e/widget picks that project by itself. E2E_NO_BUILD=1 refuses instead of building, naming the stale build.
import { spawnSync } from 'node:child_process';
import { BUILDS, buildState, PROJECT_BUILDS } from './e2e-builds.mjs';
import { findChromium } from './find-chromium.mjs';

// Playwright's --project takes every following word as a project name: pass it on as --project=<name>.
const raw = process.argv.slice(2);
const args = raw.flatMap((arg, i) => (arg === '--project' ? [] : raw[i - 1] === '--project' ? [`--project=${arg}`] : [arg]));
const named = args.filter((arg) => arg.startsWith('--project=')).map((arg) => arg.slice('--project='.length));
const files = args.filter((arg) => arg.startsWith('test/') || arg.endsWith('.spec.ts'));
let projects = named.length ? named : Object.keys(PROJECT_BUILDS);
if (!named.length && files.length && files.every((file) => file.includes('e2e/widget/'))) {
  projects = ['widget'];
  args.push('--project=widget');
}
const needed = [...new Set(projects.flatMap((project) => PROJECT_BUILDS[project] ?? []))];

for (const name of needed) {
  const state = buildState(name);
  if (state === 'fresh') continue;
  if (process.env.E2E_NO_BUILD) {
    console.error(`The ${name} build is ${state} (${BUILDS[name].output}): run npm run ${BUILDS[name].script}, or unset E2E_NO_BUILD.`);
    process.exit(1);
  }
  console.log(`The ${name} build is ${state}: npm run ${BUILDS[name].script}`);
  const built = spawnSync('npm', ['run', '--silent', BUILDS[name].script], { stdio: 'inherit' });
  if (built.status !== 0) process.exit(built.status ?? 1);
}

const chromium = findChromium();
if (!chromium) {
  console.error("No Chromium found: set CHROMIUM_PATH or install Debian's chromium (npm test installs it when it can).");
  process.exit(1);
}
const result = spawnSync('npx', ['playwright', 'test', ...args], { stdio: 'inherit', env: { ...process.env, CHROMIUM_PATH: chromium } });
process.exit(result.status ?? 1);
