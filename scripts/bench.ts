// `npm run bench`: the speed and size figures the issues set goals for, each printed beside its goal and, where it
// is a time, against a baseline measured in the same run (these machines are shared and noisy: ratios travel,
// absolute times don't). Figures only, never pass/fail against a goal: the tests check behaviour, this prints what
// it costs. Every bench runs even when one before it could not; one that could not says why, and the run exits 1.
// `--quick` (npm test runs it so): small sizes and few runs, to prove that every figure is still produced.
// `--no-build`: use the builds as they are (npm test has just made them).
import { spawnSync } from 'node:child_process';

/** A bench: prints its figures (scripts/bench/figures.ts) and throws when it cannot produce one. */
type Bench = (options: { quick: boolean }) => Promise<void>;

const quick = process.argv.includes('--quick');
const problems: string[] = [];

if (!process.argv.includes('--no-build')) {
  console.log('Building (store build, test build of the extension, widget)...');
  for (const script of ['build', 'build:extension:test']) {
    const result = spawnSync('npm', ['run', '--silent', script], { stdio: ['ignore', 'ignore', 'inherit'] });
    if (result.status !== 0) problems.push(`npm run ${script} failed`);
  }
}

const benches: Array<[string, () => Promise<Bench>]> = [
  ['Widget', async () => (await import('./bench/widget-bench')).benchWidget],
  ['Popup', async () => (await import('./bench/popup-bench')).benchPopup],
  ['In-page preview', async () => (await import('./bench/preview-bench')).benchPreview],
  ['Team access', async () => (await import('./bench/team-access-bench')).benchTeamAccess],
];
for (const [title, load] of benches) {
  console.log(`\n== ${title}${quick ? ' (quick: small sizes, few runs; the figures mean nothing)' : ''}`);
  try {
    await (await load())({ quick });
  } catch (error) {
    const why = error instanceof Error ? error.message.split('\n')[0] : String(error);
    console.log(`  could not run: ${why}`);
    problems.push(`${title}: ${why}`);
  }
}

if (problems.length) {
  console.log(`\nNot every figure was produced:\n${problems.map((problem) => `- ${problem}`).join('\n')}`);
  process.exit(1);
}
console.log(`\nEvery bench ran to the end.`);
