#!/usr/bin/env node
// `npm run typecheck`: one TypeScript project per face, each with only the libraries and types it may use
// (docs/architecture.md). A DOM call in shared/, Node types in the widget's browser code, or a missing type
// anywhere fails here. TypeScript 7's native compiler checks each in about a second.
import { spawnSync } from 'node:child_process';

export const PROJECTS = [
  ['shared', 'shared/tsconfig.json'],
  ["widget: browser/ (what ships to a customer's page)", 'widget/tsconfig.json'],
  ['widget: config endpoint, demo, build', 'widget/tsconfig.server.json'],
  ['extension', 'extension/tsconfig.json'],
  ['sandbox', 'sandbox/tsconfig.json'],
  ['tests, scripts and tool configs', 'tsconfig.json'],
];

let failed = 0;
for (const [name, project] of PROJECTS) {
  const result = spawnSync('npx', ['tsc', '-p', project], { stdio: 'inherit' });
  if (result.status !== 0) {
    failed += 1;
    console.error(`Type check failed: ${name} (${project})`);
  }
}
process.exit(failed ? 1 : 0);
