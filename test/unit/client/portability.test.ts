import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

// shared/ must run in a service worker, a page, Node and an edge runtime alike. Type-checking it with only
// the ECMAScript and WebWorker libraries (no DOM, no Node types, no extension types) proves it reaches for
// nothing more than fetch, AbortController and timers.
const ROOT = fileURLToPath(new URL('../../../', import.meta.url));

describe('shared/ is plain TypeScript over fetch', () => {
  it('type-checks with ES + WebWorker libs only', () => {
    const dir = mkdtempSync(join(tmpdir(), 'shared-portability-'));
    try {
      const config = join(dir, 'tsconfig.json');
      writeFileSync(
        config,
        JSON.stringify({
          compilerOptions: {
            lib: ['ES2023', 'WebWorker'],
            types: [],
            target: 'ES2022',
            module: 'Preserve',
            moduleResolution: 'Bundler',
            strict: true,
            noEmit: true,
            skipLibCheck: true,
            noUncheckedIndexedAccess: true,
            noImplicitOverride: true,
            verbatimModuleSyntax: true,
          },
          files: [join(ROOT, 'shared/index.ts')],
        }),
      );
      let problems = '';
      try {
        execFileSync(join(ROOT, 'node_modules/.bin/tsc'), ['-p', config], { cwd: ROOT, encoding: 'utf8' });
      } catch (error) {
        problems = String((error as { stdout?: string }).stdout || error); // tsc's own error list
      }
      expect(problems).toBe('');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
