#!/usr/bin/env node
// `npm test`: every check the project has, in the order a failure is cheapest to read:
// lint (Biome), type check, unit + integration (vitest), builds (store, test and Firefox builds, widget,
// add-ons linter), packaging (the client and widget packages' publint, attw and install tests; npm run package), browser tests
// (Playwright: the widget in Chromium, the built extension in Chromium), the bench in its quick mode, then the Firefox browser tests (the Firefox
// test build in firefox-esr, over WebDriver BiDi). It runs them all even when one fails, then prints one closing
// line, `N passed, N failed`, that CI reads.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { findChromium } from './find-chromium.mjs';
import { findFirefox } from './find-firefox.mjs';

const RESULTS = '.test-results';
const tally = { passed: 0, failed: 0 };
const failures = [];

function run(title, command, args, env = {}) {
  process.stdout.write(`\n── ${title}: ${[command, ...args].join(' ')}\n`);
  const result = spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  return result.status === 0;
}

/** A step that is one check (type check, a build, the linter) counts as one test. */
function check(title, command, args, env) {
  const ok = run(title, command, args, env);
  if (ok) tally.passed += 1;
  else {
    tally.failed += 1;
    failures.push(title);
  }
  return ok;
}

function readJson(path) {
  try {
    return JSON.parse(readFileSync(path, 'utf8'));
  } catch {
    return undefined;
  }
}

/**
 * Runs Vitest projects (vitest.config.ts) and counts their tests from the JSON report. A file that fails to load (or
 * whose set-up fails) has no failed test to count: it counts as one failure. No report, or no test at all (a browser
 * that did not start, say), counts as one failure, never as zero tests.
 */
function vitestProjects(title, projects, report, env) {
  const file = `${RESULTS}/${report}.json`;
  const projectArgs = projects.map((project) => `--project=${project}`);
  run(title, 'npx', ['vitest', 'run', ...projectArgs, '--reporter=default', '--reporter=json', `--outputFile.json=${file}`], env);
  const results = readJson(file);
  if (!results?.numTotalTests) {
    tally.failed += 1;
    failures.push(`${title} (${results ? 'none ran' : 'no report'})`);
    return;
  }
  tally.passed += results.numPassedTests;
  tally.failed += results.numFailedTests;
  if (!results.numFailedTests && results.numFailedTestSuites) tally.failed += results.numFailedTestSuites;
  if (results.numFailedTests || results.numFailedTestSuites) failures.push(title);
}

/** Stops before any test with one line that says what to do, and the tally CI reads. */
function stop(message) {
  console.error(`\n${message}`);
  console.log('\n0 passed, 1 failed');
  process.exit(1);
}

function ensureChromium() {
  let found;
  try {
    found = findChromium();
  } catch (error) {
    stop(error.message); // CHROMIUM_PATH names no file
  }
  if (found) return found;
  const canInstall = process.getuid?.() === 0 && spawnSync('sh', ['-c', 'command -v apt-get'], { stdio: 'ignore' }).status === 0;
  if (!canInstall) {
    stop(
      'No Chromium found for the browser tests. Install one (Debian/Ubuntu: `sudo apt-get install chromium`)\n' +
        'or point CHROMIUM_PATH at a Chromium or Chrome executable, then run `npm test` again.',
    );
  }
  console.log("No Chromium found: installing Debian's chromium with apt-get (about a minute)...");
  run('install chromium', 'sh', ['-c', 'apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null']);
  const installed = findChromium();
  if (!installed) stop('apt-get did not leave a Chromium at /usr/bin/chromium; set CHROMIUM_PATH and try again.');
  return installed;
}

const chromiumPath = ensureChromium();
rmSync(RESULTS, { recursive: true, force: true });
mkdirSync(RESULTS, { recursive: true });

check('lint and format (Biome)', 'npm', ['run', '--silent', 'lint']);
check('type check (a project per face)', 'npm', ['run', '--silent', 'typecheck']);

vitestProjects('unit and integration tests', ['unit', 'integration'], 'unit');

const builtStore = check('store build (extension + widget)', 'npm', ['run', '--silent', 'build']);
const builtTest = check('test build of the extension', 'npm', ['run', '--silent', 'build:extension:test']);
if (check('Firefox build', 'npm', ['run', '--silent', 'build:extension:firefox'])) {
  check('add-ons linter (web-ext lint)', 'npx', ['web-ext', 'lint', '--source-dir', '.output/firefox-mv2']);
}

// Packaging: the client package (shared/) and the widget package (widget/) as a stranger installs them, and the
// extension's store packages.
// publint and attw fail on errors. attw's node16 profile: the package needs Node 20.19 (engines), so node10
// resolution is not served; cjs-resolves-to-esm is ignored because CommonJS callers get the ES module through Node's
// require(esm), which attw 0.18's resolution model (TypeScript 5.6) predates; the packaging test requires it for real.
// publint reads the files as they are (it packs without running prepack): build both packages first.
check('client package: build', 'npm', ['run', '--silent', 'build:client']);
check('client package: publint', 'npx', ['publint', 'shared']);
check('client package: attw', 'npx', ['attw', '--pack', 'shared', '--profile', 'node16', '--ignore-rules', 'cjs-resolves-to-esm']);
// The widget package (widget/): the same two checks. Its ES module and config endpoint are ESM only, for bundlers,
// Node's ESM (or require(esm)) and Workers, so the same profile and rule apply. publint and attw pack it (prepack builds).
check('widget package: build', 'npm', ['run', '--silent', 'build:widget-package']);
check('widget package: publint', 'npx', ['publint', 'widget']);
check('widget package: attw', 'npx', ['attw', '--pack', 'widget', '--profile', 'node16', '--ignore-rules', 'cjs-resolves-to-esm']);
vitestProjects('packaging tests', ['packaging'], 'packaging');

if (builtStore && builtTest) {
  run('browser tests', 'npx', ['playwright', 'test'], { CHROMIUM_PATH: chromiumPath });
  const report = readJson(`${RESULTS}/playwright.json`);
  if (report?.stats) {
    tally.passed += report.stats.expected + report.stats.flaky;
    tally.failed += report.stats.unexpected;
    if (report.stats.unexpected) failures.push('browser tests');
  } else {
    tally.failed += 1;
    failures.push('browser tests (no report)');
  }
} else {
  tally.failed += 1;
  failures.push('browser tests (not run: a build failed)');
}

// The bench, once, in its quick mode (small sizes, few runs, no goals checked): it passes when every figure was
// produced, so a bench that stops half way is seen here, not months later in npm run bench. One step, like the lint.
if (builtStore && builtTest) {
  check('bench, quick (every figure produced)', 'npx', ['tsx', 'scripts/bench.ts', '--quick', '--no-build'], { CHROMIUM_PATH: chromiumPath });
} else {
  tally.failed += 1;
  failures.push('bench, quick (not run: a build failed)');
}

// Firefox browser tests: the Firefox test build of the extension in Debian's firefox-esr, driven by puppeteer-core over
// WebDriver BiDi (test/firefox, the `firefox` project of vitest.config.ts). Firefox is FIREFOX_PATH, else /usr/bin/firefox-esr, else
// installed with apt-get when this runs as root; otherwise the message says what to install, and it counts as a failure.
function ensureFirefox() {
  let found;
  try {
    found = findFirefox();
  } catch (error) {
    console.error(`\n${error.message}`); // FIREFOX_PATH names no file
    return undefined;
  }
  if (found) return found;
  const canInstall = process.getuid?.() === 0 && spawnSync('sh', ['-c', 'command -v apt-get'], { stdio: 'ignore' }).status === 0;
  if (!canInstall) {
    console.error(
      '\nNo Firefox found for the Firefox browser tests. Install one (Debian: `sudo apt-get install firefox-esr`)\n' +
        'or point FIREFOX_PATH at a Firefox executable (140 or later), then run `npm test` again.',
    );
    return undefined;
  }
  console.log("No Firefox found: installing Debian's firefox-esr with apt-get (about 30 s)...");
  run('install firefox-esr', 'sh', ['-c', 'apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq firefox-esr >/dev/null']);
  const installed = findFirefox();
  if (!installed) console.error('\napt-get did not leave a Firefox at /usr/bin/firefox-esr; set FIREFOX_PATH and try again.');
  return installed;
}

const firefoxPath = ensureFirefox();
if (!firefoxPath) {
  tally.failed += 1;
  failures.push('Firefox browser tests (no Firefox)');
} else if (!check('Firefox test build of the extension', 'npm', ['run', '--silent', 'build:extension:firefox:test'])) {
  tally.failed += 1;
  failures.push('Firefox browser tests (not run: the build failed)');
} else {
  vitestProjects('Firefox browser tests', ['firefox'], 'firefox', { FIREFOX_PATH: firefoxPath });
}

if (failures.length) console.log(`\nFailed: ${failures.join(', ')}`);
console.log(`\n${tally.passed} passed, ${tally.failed} failed`);
process.exit(tally.failed ? 1 : 0);
