import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PAGE_WITHOUT_RBAC_ID, SEED_PAGE_IDS, startSandbox, type RunningSandbox } from '../../sandbox';

// `npm run incident -- …` against a running sandbox (the script run through tsx, as the npm script does).

const run = promisify(execFile);
let sandbox: RunningSandbox;

/** Runs the CLI; by default it finds the sandbox by SANDBOX_URL (`where` picks another way). */
async function incidentCli(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return incidentCliWith({ SANDBOX_URL: sandbox.url }, ...args);
}

async function incidentCliWith(where: Record<string, string>, ...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const { SANDBOX_URL: _, PORT: __, ...inherited } = process.env;
  try {
    const { stdout, stderr } = await run(process.execPath, ['--import', 'tsx', 'sandbox/control/cli.ts', ...args], {
      env: { ...inherited, ...where },
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

async function summary(pageId: string) {
  return (await (await fetch(`${sandbox.statusPageUrl(pageId)}/api/v2/summary.json`)).json()) as {
    incidents: Array<{ id: string; name: string; status: string; impact: string }>;
    status: { indicator: string };
  };
}

beforeAll(async () => {
  sandbox = await startSandbox({ port: 0 });
});
afterAll(() => sandbox.close());

describe('npm run incident', () => {
  it('opens, updates and resolves an incident on a page chosen by name', async () => {
    const pages = (await (await fetch(`${sandbox.url}/_control/pages`)).json()) as Array<{ id: string; components: Array<{ id: string }> }>;
    const component = pages.find((page) => page.id === PAGE_WITHOUT_RBAC_ID)!.components[0]!.id;
    const opened = await incidentCli('open', 'Notebook kernels <crash>', '--impact', 'critical', '--page', 'acme labs', '--component', component);
    expect(opened.code).toBe(0);
    const [incident] = (await summary(PAGE_WITHOUT_RBAC_ID)).incidents;
    expect(incident).toMatchObject({ name: 'Notebook kernels <crash>', impact: 'critical', status: 'investigating' });
    expect(opened.stdout).toContain(`Opened incident ${incident!.id} on Acme Labs`);
    expect((await summary(PAGE_WITHOUT_RBAC_ID)).status.indicator).toBe('critical');

    const updated = await incidentCli('update', incident!.id, '--status', 'monitoring', '--page', PAGE_WITHOUT_RBAC_ID);
    expect(updated.code).toBe(0);
    expect((await summary(PAGE_WITHOUT_RBAC_ID)).incidents[0]!.status).toBe('monitoring');

    expect((await incidentCli('resolve', incident!.id, '--page', PAGE_WITHOUT_RBAC_ID)).code).toBe(0);
    expect((await summary(PAGE_WITHOUT_RBAC_ID)).incidents).toEqual([]);
  });

  it('opens a maintenance on the first page by default', async () => {
    const opened = await incidentCli('maintenance', 'open', 'Database upgrade', '--status', 'in_progress');
    expect(opened.code).toBe(0);
    expect(opened.stdout).toMatch(/Opened maintenance [a-z0-9]{12} on Acme Cloud/);
    expect((await summary(SEED_PAGE_IDS.cloud)).status.indicator).toBe('maintenance');
  });

  it('finds the sandbox by PORT when SANDBOX_URL is not set (PORT=4600 npm start, then PORT=4600 npm run incident)', async () => {
    const listed = await incidentCliWith({ PORT: new URL(sandbox.url).port }, 'pages');
    expect(listed.code).toBe(0);
    expect(listed.stdout).toContain(SEED_PAGE_IDS.cloud);
    const nowhere = await incidentCliWith({ PORT: '1' }, 'pages');
    expect(nowhere.code).toBe(1);
    expect(nowhere.stderr).toContain('no sandbox answers at http://127.0.0.1:1');
  });

  it('prints usage for help, and usage with the problem for a mistake (exit 2)', async () => {
    const help = await incidentCli('help');
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('Usage: npm run incident -- <command> [options]');
    const unknown = await incidentCli('explode');
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/unknown command "explode"[\s\S]*Usage:/);
    const missing = await incidentCli('update', 'abc');
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('--status is required');
  });

  it('resets the sandbox (a POST without a body still says JSON, as the control endpoints require)', async () => {
    expect((await incidentCli('open', 'Left over', '--page', SEED_PAGE_IDS.payments)).code).toBe(0);
    expect((await summary(SEED_PAGE_IDS.payments)).incidents).toHaveLength(1);
    const reset = await incidentCli('reset');
    expect(reset.stderr).toBe('');
    expect(reset.code).toBe(0);
    expect(reset.stdout).toContain('is back to its seed');
    expect((await summary(SEED_PAGE_IDS.payments)).incidents).toEqual([]);
  });

  it("shows the sandbox's refusal and exits 1", async () => {
    const refused = await incidentCli('open', 'x', '--impact', 'apocalyptic');
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/the sandbox refused \(400\): impact must be one of none, minor, major, critical/);
  });
});
