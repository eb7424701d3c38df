import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SEED_PAGE_IDS, startSandbox, type RunningSandbox } from '../../sandbox';

// With a data file the sandbox's state survives a restart: loaded at start, rewritten (atomically) after
// every change. Without one it lives in memory only.

let directory: string;
let dataFile: string;
let running: RunningSandbox | undefined;

beforeEach(() => {
  directory = mkdtempSync(join(tmpdir(), 'sandbox-data-'));
  dataFile = join(directory, 'nested', 'state.json');
});
afterEach(async () => {
  await running?.close();
  running = undefined;
  rmSync(directory, { recursive: true, force: true });
});

/** `null`: no data file (in memory). */
async function start(file: string | null = dataFile) {
  running = await startSandbox({ port: 0, dataFile: file ?? undefined });
  return running;
}
async function restart(file: string | null = dataFile) {
  await running?.close();
  return start(file);
}

const embed = (sandbox: RunningSandbox, init: RequestInit = {}) =>
  fetch(`${sandbox.apiBaseUrl}/pages/${SEED_PAGE_IDS.cloud}/status_embed_config`, {
    ...init,
    headers: { authorization: `OAuth ${sandbox.apiKey}`, 'content-type': 'application/json', ...init.headers },
  });

describe('data file', () => {
  it('writes the seed at first start and keeps changes across a restart', async () => {
    let sandbox = await start();
    const seeded = JSON.parse(readFileSync(dataFile, 'utf8'));
    expect(seeded.version).toBe(1);
    expect(seeded.pages).toHaveLength(4);

    await embed(sandbox, { method: 'PATCH', body: JSON.stringify({ status_embed_config: { position: 'top-left' } }) });
    const users = (await (
      await fetch(`${sandbox.apiBaseUrl}/organizations/${sandbox.organizationId}/users?per_page=1`, {
        headers: { authorization: `OAuth ${sandbox.apiKey}` },
      })
    ).json()) as Array<{ id: string }>;
    const userId = users[0]!.id;
    await fetch(`${sandbox.apiBaseUrl}/organizations/${sandbox.organizationId}/permissions/${userId}`, {
      method: 'PUT',
      headers: { authorization: `OAuth ${sandbox.apiKey}`, 'content-type': 'application/json' },
      body: JSON.stringify({ pages: { [SEED_PAGE_IDS.labs]: {} } }),
    });
    const incident = (await (
      await fetch(`${sandbox.url}/_control/pages/${SEED_PAGE_IDS.cloud}/incidents`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ name: 'Survives restarts', impact: 'major' }),
      })
    ).json()) as { id: string };

    sandbox = await restart();
    expect(((await (await embed(sandbox)).json()) as { position: string }).position).toBe('top-left');
    const permissions = await fetch(`${sandbox.apiBaseUrl}/organizations/${sandbox.organizationId}/permissions/${userId}`, {
      headers: { authorization: `OAuth ${sandbox.apiKey}` },
    });
    expect(await permissions.json()).toEqual({ user_id: userId, pages: [{ page_id: SEED_PAGE_IDS.labs }] });
    const summary = (await (await fetch(`${sandbox.statusPageUrl(SEED_PAGE_IDS.cloud)}/api/v2/summary.json`)).json()) as {
      incidents: Array<{ id: string; name: string }>;
    };
    expect(summary.incidents.map(({ id, name }) => ({ id, name }))).toEqual([{ id: incident.id, name: 'Survives restarts' }]);

    // An incident opened after the restart gets a new id, never one from before.
    const next = (await (
      await fetch(`${sandbox.url}/_control/pages/${SEED_PAGE_IDS.cloud}/incidents`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ name: 'Second' }),
      })
    ).json()) as { id: string };
    expect(next.id).not.toBe(incident.id);
  });

  it('keeps a raw summary override across a restart, and reset() writes the seed back', async () => {
    let sandbox = await start();
    const raw =
      '{"page": {"id": "x", "name": "Raw", "url": "https://x.example"}, "incidents": [], "scheduled_maintenances": [], "status": {"indicator": "none", "description": "ok"}}';
    await fetch(`${sandbox.url}/_control/pages/${SEED_PAGE_IDS.cloud}/summary`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: raw,
    });
    sandbox = await restart();
    expect(await (await fetch(`${sandbox.statusPageUrl(SEED_PAGE_IDS.cloud)}/api/v2/summary.json`)).text()).toBe(raw);
    sandbox.reset();
    expect(JSON.parse(readFileSync(dataFile, 'utf8')).pages[0].summary_override).toBeNull();
  });

  it('writes atomically: no temporary file is left beside it', async () => {
    const sandbox = await start();
    for (const position of ['top-left', 'top-right', 'bottom-left']) {
      await embed(sandbox, { method: 'PATCH', body: JSON.stringify({ status_embed_config: { position } }) });
    }
    expect(readdirSync(join(directory, 'nested'))).toEqual(['state.json']);
    expect(JSON.parse(readFileSync(dataFile, 'utf8')).pages[0].embed_config.position).toBe('bottom-left');
  });

  it('does not write when a change is refused', async () => {
    const sandbox = await start();
    const before = readFileSync(dataFile, 'utf8');
    const refused = await embed(sandbox, { method: 'PATCH', body: JSON.stringify({ status_embed_config: { position: 'nowhere' } }) });
    expect(refused.status).toBe(422);
    expect(readFileSync(dataFile, 'utf8')).toBe(before);
  });

  it('refuses to start on a file that is not sandbox state, and leaves the file alone', async () => {
    writeFileSync(join(directory, 'broken.json'), '{"hello": "world"}');
    await expect(startSandbox({ port: 0, dataFile: join(directory, 'broken.json') })).rejects.toThrow(/does not hold sandbox state/);
    writeFileSync(join(directory, 'garbage.json'), 'not json');
    await expect(startSandbox({ port: 0, dataFile: join(directory, 'garbage.json') })).rejects.toThrow(/is not JSON/);
    expect(readFileSync(join(directory, 'broken.json'), 'utf8')).toBe('{"hello": "world"}');
  });

  it('refuses a file written for another organization id', async () => {
    await start();
    await running!.close();
    running = undefined;
    await expect(startSandbox({ port: 0, dataFile, organizationId: 'otherorg0001' })).rejects.toThrow(
      /holds organization sbx0demo0org, not otherorg0001/,
    );
  });

  it('without a data file, a restart starts from the seed', async () => {
    let sandbox = await start(null);
    await embed(sandbox, { method: 'PATCH', body: JSON.stringify({ status_embed_config: { position: 'top-left' } }) });
    sandbox = await restart(null);
    expect(((await (await embed(sandbox)).json()) as { position: string }).position).toBe('bottom-left');
  });
});
