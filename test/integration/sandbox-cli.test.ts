import { spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';

// `npm run sandbox` as a person types it: `-- --help` prints the usage and starts nothing; any other argument is
// refused with the usage and exit code 2 (it used to start a sandbox on port 4100 and ignore them).

function run(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  // PORT=1: were the arguments ignored, the sandbox would try to listen there and fail, not hang the test.
  const child = spawn(process.execPath, ['--import', 'tsx', 'sandbox/cli.ts', ...args], { env: { ...process.env, PORT: '1' } });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk));
  return new Promise((resolve) => child.once('exit', (code) => resolve({ code, stdout, stderr })));
}

describe('npm run sandbox', () => {
  it.each([['--help'], ['-h']])('%s prints the usage and exits 0 without starting a server', async (flag) => {
    const { code, stdout, stderr } = await run([flag]);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^Usage: npm run sandbox/);
    expect(stdout).toContain('SANDBOX_DATA_FILE');
    expect(stdout).not.toContain('Statuspage sandbox on');
    expect(stderr).toBe('');
  });

  it.each([
    [['--port', '4200'], /Unknown option '--port'/],
    [['--halp'], /Unknown option '--halp'/],
    [['start'], /Unexpected argument 'start'/],
  ])('refuses %j with the usage and exit code 2', async (args, problem) => {
    const { code, stdout, stderr } = await run(args);
    expect(code).toBe(2);
    expect(stderr).toMatch(problem);
    expect(stderr).toContain('Usage: npm run sandbox');
    expect(stdout).toBe('');
  });
});
