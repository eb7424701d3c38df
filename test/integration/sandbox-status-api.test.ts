import { Statuspage } from 'statuspage.io';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { SEED_PAGE_IDS, startSandbox, type RunningSandbox } from '../../sandbox';
import { controlJson } from '../support/sandbox-control';

// The whole public Status API v2 of a page (issue 23): every document Statuspage lists, cut from the same state as
// summary.json, with the conditional GETs a CDN answers, read by plain fetch and by a third-party client.

// biome-ignore lint/suspicious/noExplicitAny: public documents are compared as plain JSON
type Json = Record<string, any>;
let sandbox: RunningSandbox;
const PAGE = SEED_PAGE_IDS.cloud;
const url = (document: string, pageId = PAGE) => `${sandbox.statusPageUrl(pageId)}/api/v2/${document}`;

async function read(document: string, pageId = PAGE): Promise<Json> {
  const response = await fetch(url(document, pageId));
  expect(response.status, document).toBe(200);
  expect(response.headers.get('content-type')).toBe('application/json; charset=utf-8');
  expect(response.headers.get('access-control-allow-origin')).toBe('*');
  return (await response.json()) as Json;
}
const ids = (list: Json[]) => list.map((item) => item.id);

/** A page with one open and one resolved incident, one maintenance in progress and one scheduled. */
async function busyPage() {
  const open = await controlJson<Json>(sandbox, 'POST', `/pages/${PAGE}/incidents`, { name: 'Slow logins', impact: 'minor' });
  const resolved = await controlJson<Json>(sandbox, 'POST', `/pages/${PAGE}/incidents`, { name: 'Errors on upload', impact: 'major' });
  await controlJson(sandbox, 'POST', `/pages/${PAGE}/incidents/${resolved.id}/resolve`, { body: 'Fixed.' });
  const later = await controlJson<Json>(sandbox, 'POST', `/pages/${PAGE}/maintenances`, {
    name: 'Database upgrade',
    scheduled_for: '2031-01-02T10:00:00Z',
    scheduled_until: '2031-01-02T12:00:00Z',
  });
  const now = await controlJson<Json>(sandbox, 'POST', `/pages/${PAGE}/maintenances`, {
    name: 'Network work',
    status: 'in_progress',
    scheduled_for: '2020-01-02T10:00:00Z',
    scheduled_until: '2040-01-02T12:00:00Z',
  });
  return { open, resolved, later, now };
}

beforeAll(async () => {
  sandbox = await startSandbox({ port: 0 });
});
afterAll(() => sandbox.close());
beforeEach(() => sandbox.reset());

describe('every document of the Status API v2, from the state summary.json shows', () => {
  it('status, components, incidents (all and unresolved), maintenances (all, upcoming, active)', async () => {
    const { open, resolved, later, now } = await busyPage();
    const summary = await read('summary.json');
    expect(await read('status.json')).toEqual({ page: summary.page, status: summary.status });
    expect(await read('components.json')).toEqual({ page: summary.page, components: summary.components });
    const all = await read('incidents.json');
    expect(all.page).toEqual(summary.page);
    expect(ids(all.incidents)).toEqual([resolved.id, open.id]); // newest first, the resolved one included
    expect(all.incidents[0]).toMatchObject({ status: 'resolved', name: 'Errors on upload' });
    expect(all.incidents[0].resolved_at).toEqual(expect.any(String));
    expect((await read('incidents/unresolved.json')).incidents).toEqual(summary.incidents);
    expect(ids(summary.incidents)).toEqual([open.id]);
    expect(ids((await read('scheduled-maintenances.json')).scheduled_maintenances)).toEqual([later.id, now.id]);
    expect(ids((await read('scheduled-maintenances/upcoming.json')).scheduled_maintenances)).toEqual([later.id]);
    expect(ids((await read('scheduled-maintenances/active.json')).scheduled_maintenances)).toEqual([now.id]);
    expect(summary.scheduled_maintenances.map((item: Json) => item.id).sort()).toEqual([later.id, now.id].sort());
  });

  it('lists the 50 most recent incidents, as Statuspage does', async () => {
    for (let i = 0; i < 51; i++) await controlJson(sandbox, 'POST', `/pages/${PAGE}/incidents`, { name: `Incident ${i}` });
    const { incidents } = await read('incidents.json');
    expect(incidents).toHaveLength(50);
    expect(incidents[0].name).toBe('Incident 50');
    expect(incidents.at(-1).name).toBe('Incident 1');
  });

  it('cuts every document from a raw summary when one is staged', async () => {
    const staged = {
      page: { id: PAGE, name: 'Staged', url: 'https://example.test', time_zone: 'Etc/UTC', updated_at: '2030-01-01T00:00:00Z' },
      components: [{ id: 'c1', name: 'API', status: 'major_outage' }],
      incidents: [{ id: 'i1', name: 'Down', status: 'investigating' }],
      scheduled_maintenances: [
        { id: 'm1', name: 'Soon', status: 'scheduled' },
        { id: 'm2', name: 'Now', status: 'in_progress' },
      ],
      status: { indicator: 'major', description: 'Partial System Outage' },
    };
    await controlJson(sandbox, 'PUT', `/pages/${PAGE}/summary`, staged);
    expect(await read('status.json')).toEqual({ page: staged.page, status: staged.status });
    expect((await read('components.json')).components).toEqual(staged.components);
    expect((await read('incidents/unresolved.json')).incidents).toEqual(staged.incidents);
    expect(ids((await read('scheduled-maintenances/upcoming.json')).scheduled_maintenances)).toEqual(['m1']);
    expect(ids((await read('scheduled-maintenances/active.json')).scheduled_maintenances)).toEqual(['m2']);
  });

  it('answers an unknown page 404 on every document, CORS-open', async () => {
    for (const document of ['status.json', 'components.json', 'incidents.json', 'scheduled-maintenances/active.json']) {
      const response = await fetch(url(document, 'zzzzzzzzzzzz'));
      expect(response.status).toBe(404);
      expect(response.headers.get('access-control-allow-origin')).toBe('*');
    }
  });
});

describe('conditional GETs, as a CDN answers them', () => {
  it('ETag and If-None-Match: 304 without a body, with the CORS and validator headers; a change is a new ETag', async () => {
    const first = await fetch(url('summary.json'));
    const tag = first.headers.get('etag');
    expect(tag).toMatch(/^W\/"[^"]+"$/);
    expect(first.headers.get('access-control-expose-headers')).toMatch(/ETag/i);
    const modified = first.headers.get('last-modified');
    expect(new Date(modified!).toUTCString()).toBe(modified);

    const again = await fetch(url('summary.json'), { headers: { 'if-none-match': tag! } });
    expect(again.status).toBe(304);
    expect(await again.text()).toBe('');
    expect(again.headers.get('etag')).toBe(tag);
    expect(again.headers.get('last-modified')).toBe(modified);
    expect(again.headers.get('access-control-allow-origin')).toBe('*');

    await controlJson(sandbox, 'POST', `/pages/${PAGE}/incidents`, { name: 'Slow logins' });
    const changed = await fetch(url('summary.json'), { headers: { 'if-none-match': tag! } });
    expect(changed.status).toBe(200);
    expect(changed.headers.get('etag')).not.toBe(tag);
    expect(((await changed.json()) as Json).incidents).toHaveLength(1);
  });

  it.each([
    'status.json',
    'components.json',
    'incidents.json',
    'incidents/unresolved.json',
    'scheduled-maintenances.json',
    'scheduled-maintenances/upcoming.json',
    'scheduled-maintenances/active.json',
  ])('%s: ETag, Last-Modified, If-Modified-Since; If-None-Match wins over it', async (document) => {
    const first = await fetch(url(document));
    const tag = first.headers.get('etag')!;
    const modified = first.headers.get('last-modified')!;
    expect((await fetch(url(document), { headers: { 'if-none-match': tag } })).status).toBe(304);
    expect((await fetch(url(document), { headers: { 'if-modified-since': modified } })).status).toBe(304);
    const older = new Date(Date.parse(modified) - 60_000).toUTCString();
    expect((await fetch(url(document), { headers: { 'if-modified-since': older } })).status).toBe(200);
    const both = await fetch(url(document), { headers: { 'if-none-match': 'W/"other"', 'if-modified-since': modified } });
    expect(both.status).toBe(200);
    expect((await fetch(url(document), { method: 'HEAD', headers: { 'if-none-match': tag } })).status).toBe(304);
  });

  it('lets a page on another site revalidate: the preflight allows If-None-Match', async () => {
    const preflight = await fetch(url('summary.json'), {
      method: 'OPTIONS',
      headers: { origin: 'https://customer.example', 'access-control-request-method': 'GET', 'access-control-request-headers': 'if-none-match' },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-headers')).toMatch(/If-None-Match/i);
  });
});

describe('a third-party client: the npm package statuspage.io', () => {
  it('reads every document it knows from the sandbox, as it would from <page>.statuspage.io', async () => {
    await busyPage();
    const client = new Statuspage(PAGE);
    client.setApiUrl(sandbox.statusPageUrl(PAGE));
    expect(await client.api.getSummary()).toEqual(await read('summary.json'));
    expect(await client.api.getStatus()).toEqual(await read('status.json'));
    expect(await client.api.getComponents()).toEqual(await read('components.json'));
    expect(await client.api.incidents.getAll()).toEqual(await read('incidents.json'));
    expect(await client.api.incidents.getUnresolved()).toEqual(await read('incidents/unresolved.json'));
    // statuspage.io 3.3.8 asks upcoming.json for all three maintenance lists (its Endpoint table maps them so).
    const upcoming = await read('scheduled-maintenances/upcoming.json');
    expect(await client.api.scheduledMaintenances.getUpcoming()).toEqual(upcoming);
    expect(await client.api.scheduledMaintenances.getActive()).toEqual(upcoming);
    expect(await client.api.scheduledMaintenances.getAll()).toEqual(upcoming);
  });
});
