// `npm run bench`: the speed and size figures the issues set targets for, each against a baseline
// measured in the same run (these machines are shared and noisy: ratios travel, absolute times don't).
// Figures only, never pass/fail: the tests check behaviour, this prints what it costs.
import { spawnSync } from 'node:child_process';

function build(script: string): void {
  const result = spawnSync('npm', ['run', '--silent', script], { stdio: ['ignore', 'ignore', 'inherit'] });
  if (result.status !== 0) throw new Error(`npm run ${script} failed`);
}

console.log('Building (store build, test build of the extension, widget)...');
build('build');
build('build:extension:test');

const benches: Array<[string, () => Promise<void>]> = [
  ['Widget', async () => (await import('./bench/widget-bench')).benchWidget()],
  ['Popup', async () => (await import('./bench/popup-bench')).benchPopup()],
  ['In-page preview', async () => (await import('./bench/preview-bench')).benchPreview()],
  ['Team access', async () => (await import('./bench/team-access-bench')).benchTeamAccess()],
];
for (const [title, bench] of benches) {
  console.log(`\n== ${title}`);
  await bench();
}
