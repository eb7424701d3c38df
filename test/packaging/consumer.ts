// What both packaging tests do with a stranger's project: type-check consumer files the way its users' projects
// would, under moduleResolution nodenext and bundler.
import { execFile } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';

const TSC = join(import.meta.dirname, '..', '..', 'node_modules', '.bin', 'tsc');
const run = promisify(execFile);

/** Type-checks `files` in `project` under each resolution; resolves to tsc's output per config ('' when clean). */
export async function typeCheckConsumer(
  project: string,
  files: { nodenext: string[]; bundler: string[] },
  extra: Record<string, unknown> = {},
): Promise<Record<string, string>> {
  const base = { strict: true, noEmit: true, skipLibCheck: false, types: [], lib: ['ES2023', 'DOM'], target: 'ES2022', ...extra };
  const configs = {
    'tsconfig.nodenext.json': { compilerOptions: { ...base, module: 'nodenext', moduleResolution: 'nodenext' }, files: files.nodenext },
    'tsconfig.bundler.json': { compilerOptions: { ...base, module: 'preserve', moduleResolution: 'bundler' }, files: files.bundler },
  };
  const results: Record<string, string> = {};
  for (const [name, config] of Object.entries(configs)) {
    writeFileSync(join(project, name), JSON.stringify(config, null, 2));
    results[name] = await run(TSC, ['-p', join(project, name)], { cwd: project }).then(
      () => '',
      (error: { stdout?: string }) => error.stdout || String(error),
    );
  }
  return results;
}
