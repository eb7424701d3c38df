import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { Summary } from '../../shared/schemas';
import { readSummaryFixtureText } from '../support/fixtures';
import { PAGE_WITHOUT_RBAC_ID, SEED_PAGE_IDS, startSandbox, type RunningSandbox } from '../../sandbox';

// The public Status API v2 (summary.json) computed from the sandbox's state through an incident's and a
// maintenance's whole life, compared field by field with real captures; the raw override; the HTML page.

const fixtureText = readSummaryFixtureText;
const fixture = (name: string) => JSON.parse(fixtureText(name));

// biome-ignore lint/suspicious/noExplicitAny: captured summaries are walked field by field; typing them would repeat the schema
type Json = Record<string, any>;
let sandbox: RunningSandbox;
const PAGE = SEED_PAGE_IDS.cloud;
let components: Array<{ id: string; name: string }>;

async function control(method: string, path: string, body?: unknown): Promise<Response> {
  return fetch(`${sandbox.url}/_control${path}`, {
    method,
    headers: method === 'GET' ? {} : { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
}
async function controlJson(method: string, path: string, body?: unknown): Promise<Json> {
  const response = await control(method, path, body);
  expect(response.status, await response.clone().text()).toBeLessThan(300);
  return (await response.json()) as Json;
}

async function summary(pageId = PAGE): Promise<Json> {
  const response = await fetch(`${sandbox.statusPageUrl(pageId)}/api/v2/summary.json`);
  expect(response.status).toBe(200);
  const body = (await response.json()) as Json;
  const parsed = Summary.safeParse(body);
  expect(parsed.success, JSON.stringify(parsed.error?.issues)).toBe(true);
  return body;
}

const incidentFixture = fixture('incident_major_update-3_monitoring.json').incidents[0];
const maintenanceFixture = fixture('maintenance_update-2_in-progress.json').scheduled_maintenances[0];
const componentFixture = fixture('maintenance_update-1_initial.json').components[0];

beforeAll(async () => {
  sandbox = await startSandbox({ port: 0 });
  const pages = (await (await control('GET', '/pages')).json()) as Array<{ id: string; components: typeof components }>;
  components = pages.find((page) => page.id === PAGE)!.components;
});
afterAll(() => sandbox.close());
beforeEach(() => sandbox.reset());

describe('summary.json of a quiet page', () => {
  it('has the captured field set and order, an all-clear status and is CORS-open', async () => {
    const response = await fetch(`${sandbox.statusPageUrl(PAGE)}/api/v2/summary.json`, { headers: { origin: 'https://customer.example' } });
    expect(response.headers.get('access-control-allow-origin')).toBe('*');
    expect(response.headers.get('access-control-allow-credentials')).toBeNull();
    const body = (await response.json()) as Json;
    const captured = fixture('incident_major_update-4_resolved.json');
    expect(Object.keys(body)).toEqual(Object.keys(captured));
    expect(Object.keys(body.page)).toEqual(Object.keys(captured.page));
    for (const component of body.components) expect(Object.keys(component)).toEqual(Object.keys(componentFixture));
    expect(body.page).toMatchObject({ id: PAGE, name: 'Acme Cloud', url: sandbox.statusPageUrl(PAGE), time_zone: 'America/New_York' });
    expect(body.incidents).toEqual([]);
    expect(body.scheduled_maintenances).toEqual([]);
    expect(body.status).toEqual({ indicator: 'none', description: 'All Systems Operational' });
    expect(Summary.safeParse(body).success).toBe(true);
  });

  it('answers a preflight and an unknown page with CORS headers too', async () => {
    const preflight = await fetch(`${sandbox.statusPageUrl(PAGE)}/api/v2/summary.json`, {
      method: 'OPTIONS',
      headers: { origin: 'https://customer.example', 'access-control-request-method': 'GET' },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-origin')).toBe('*');
    const missing = await fetch(`${sandbox.statusPageUrl('zzzzzzzzzzzz')}/api/v2/summary.json`);
    expect(missing.status).toBe(404);
    expect(missing.headers.get('access-control-allow-origin')).toBe('*');
  });

  it("serves every page, another organization's included, with no key", async () => {
    for (const pageId of Object.values(SEED_PAGE_IDS)) expect((await summary(pageId)).page.id).toBe(pageId);
  });
});

describe("an incident's life cycle", () => {
  it('is listed while unresolved, with the captured fields, updates newest first, and leaves when resolved', async () => {
    const api = components[0]!;
    const opened = await controlJson('POST', `/pages/${PAGE}/incidents`, {
      name: 'Elevated API errors',
      impact: 'major',
      body: 'We are looking into errors on the API.',
      components: [api.id],
    });
    expect(opened).toMatchObject({ name: 'Elevated API errors', status: 'investigating', impact: 'major', page_id: PAGE });
    expect(opened.id).toMatch(/^[a-z0-9]{12}$/);

    let current = await summary();
    expect(current.incidents).toHaveLength(1);
    const incident = current.incidents[0];
    expect(incident).toEqual(opened);
    expect(Object.keys(incident)).toEqual(Object.keys(incidentFixture));
    expect(Object.keys(incident.incident_updates[0])).toEqual(Object.keys(incidentFixture.incident_updates[0]));
    expect(Object.keys(incident.incident_updates[0].affected_components[0])).toEqual(
      Object.keys(incidentFixture.incident_updates[0].affected_components[0]),
    );
    expect(Object.keys(incident.components[0])).toEqual(Object.keys(componentFixture));
    expect(incident.incident_updates[0]).toMatchObject({
      status: 'investigating',
      body: 'We are looking into errors on the API.',
      incident_id: opened.id,
      affected_components: [{ code: api.id, name: api.name, old_status: 'operational', new_status: 'partial_outage' }],
    });
    expect(current.status).toEqual({ indicator: 'major', description: 'Partial System Outage' });
    expect(current.components[0].status).toBe('partial_outage');

    const identified = await controlJson('POST', `/pages/${PAGE}/incidents/${opened.id}/updates`, { status: 'identified' });
    expect(identified.incident_updates.map((update: Json) => update.status)).toEqual(['identified', 'investigating']);
    expect(identified.incident_updates[0].body).toBe('Status updated to Identified.');
    expect(identified.monitoring_at).toBeNull();

    const monitoring = await controlJson('POST', `/pages/${PAGE}/incidents/${opened.id}/updates`, {
      status: 'monitoring',
      body: 'A fix is out; watching.',
      impact: 'minor',
      components: { [api.id]: 'degraded_performance' },
    });
    expect(monitoring.monitoring_at).not.toBeNull();
    expect(monitoring.impact).toBe('minor');
    current = await summary();
    expect(current.incidents[0].status).toBe('monitoring');
    expect(current.incidents[0].incident_updates).toHaveLength(3);
    expect(current.status.indicator).toBe('minor');
    expect(current.page.updated_at).toBe(current.incidents[0].updated_at);

    const resolved = await controlJson('POST', `/pages/${PAGE}/incidents/${opened.id}/resolve`);
    expect(resolved.status).toBe('resolved');
    expect(resolved.resolved_at).not.toBeNull();
    expect(resolved.incident_updates[0]).toMatchObject({
      status: 'resolved',
      body: 'This incident has been resolved.',
      affected_components: [{ code: api.id, old_status: 'degraded_performance', new_status: 'operational' }],
    });
    current = await summary();
    expect(current.incidents).toEqual([]);
    expect(current.status).toEqual({ indicator: 'none', description: 'All Systems Operational' });
    expect(current.components.every((component: Json) => component.status === 'operational')).toBe(true);

    const again = await control('POST', `/pages/${PAGE}/incidents/${opened.id}/resolve`);
    expect(again.status).toBe(409);
    expect(((await again.json()) as Json).message).toMatch(/already resolved/);
  });

  it('leaves the indicator alone when the incident names no component, as the captures show', async () => {
    const opened = await controlJson('POST', `/pages/${PAGE}/incidents`, { name: 'Critical but contained', impact: 'critical' });
    expect(opened.incident_updates[0].affected_components).toBeNull();
    expect(opened.components).toEqual([]);
    const current = await summary();
    expect(current.incidents[0].impact).toBe('critical');
    expect(current.status.indicator).toBe('none');
    expect(fixture('incident_critical_update-3_monitoring.json').status.indicator).toBe('none');
  });

  it('shows the worst component status, and a resolved incident gives its components back', async () => {
    const [first, second] = components;
    const outage = await controlJson('POST', `/pages/${PAGE}/incidents`, { name: 'Outage', impact: 'critical', components: [first!.id] });
    await controlJson('POST', `/pages/${PAGE}/incidents`, { name: 'Slow', impact: 'minor', components: [first!.id, second!.id] });
    let current = await summary();
    expect(current.status).toEqual({ indicator: 'critical', description: 'Major System Outage' });
    expect(current.incidents.map((incident: Json) => incident.name)).toEqual(['Slow', 'Outage']);
    await controlJson('POST', `/pages/${PAGE}/incidents/${outage.id}/resolve`, { body: 'Back up.' });
    current = await summary();
    expect(current.status.indicator).toBe('minor');
    expect(current.components.slice(0, 2).map((component: Json) => component.status)).toEqual(['degraded_performance', 'degraded_performance']);
  });
});

describe("a maintenance's life cycle", () => {
  it('is listed from scheduled to verifying, puts its components under maintenance while in progress, and leaves when completed', async () => {
    const catalog = components[1]!;
    const opened = await controlJson('POST', `/pages/${PAGE}/maintenances`, {
      name: 'Database upgrade',
      scheduled_for: '2030-05-13T14:16:00-04:00',
      scheduled_until: '2030-05-13T15:16:00-04:00',
      components: [catalog.id],
    });
    expect(opened).toMatchObject({
      status: 'scheduled',
      impact: 'maintenance',
      scheduled_for: '2030-05-13T14:16:00.000-04:00',
      scheduled_until: '2030-05-13T15:16:00.000-04:00',
    });
    let current = await summary();
    expect(Object.keys(current.scheduled_maintenances[0])).toEqual(Object.keys(maintenanceFixture));
    expect(current.scheduled_maintenances[0].incident_updates[0].affected_components).toEqual([
      { code: catalog.id, name: catalog.name, old_status: 'operational', new_status: 'operational' },
    ]);
    expect(current.status.indicator).toBe('none');
    expect(current.incidents).toEqual([]);

    await controlJson('POST', `/pages/${PAGE}/maintenances/${opened.id}/updates`, { status: 'in_progress' });
    current = await summary();
    const maintenance = current.scheduled_maintenances[0];
    expect(maintenance.status).toBe('in_progress');
    expect(maintenance.incident_updates[0]).toMatchObject({
      body: 'Scheduled maintenance is currently in progress. We will provide updates as necessary.',
      affected_components: [{ code: catalog.id, old_status: 'operational', new_status: 'under_maintenance' }],
    });
    expect(current.status).toEqual(fixture('maintenance_update-2_in-progress.json').status);
    expect(current.components[1].status).toBe('under_maintenance');

    await controlJson('POST', `/pages/${PAGE}/maintenances/${opened.id}/updates`, { status: 'verifying', body: 'Checking.' });
    expect((await summary()).status.indicator).toBe('maintenance');

    const completed = await controlJson('POST', `/pages/${PAGE}/maintenances/${opened.id}/resolve`);
    expect(completed.status).toBe('completed');
    current = await summary();
    expect(current.scheduled_maintenances).toEqual([]);
    expect(current.status.indicator).toBe('none');
  });

  it('defaults to every component, a start in an hour and an hour long', async () => {
    const before = Date.now();
    const opened = await controlJson('POST', `/pages/${PAGE}/maintenances`, { name: 'Everything' });
    expect(opened.components).toHaveLength(components.length);
    const start = Date.parse(opened.scheduled_for);
    expect(start - before).toBeGreaterThanOrEqual(3_600_000 - 1000);
    expect(Date.parse(opened.scheduled_until) - start).toBe(3_600_000);
    const running = await controlJson('POST', `/pages/${PAGE}/maintenances`, { name: 'Now', status: 'in_progress' });
    expect(Math.abs(Date.parse(running.scheduled_for) - Date.now())).toBeLessThan(5000);
    expect((await summary()).scheduled_maintenances.map((m: Json) => m.name)).toEqual(['Now', 'Everything']);
  });
});

describe('timestamps', () => {
  it("are written in the page's zone with its offset", async () => {
    const clocked = await startSandbox({ port: 0, now: () => new Date('2026-05-13T18:16:07.136Z') });
    try {
      const open = async (pageId: string) =>
        (await (
          await fetch(`${clocked.url}/_control/pages/${pageId}/incidents`, {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify({ name: 'Clocked' }),
          })
        ).json()) as Json;
      expect((await open(SEED_PAGE_IDS.cloud)).created_at).toBe('2026-05-13T14:16:07.136-04:00');
      expect((await open(PAGE_WITHOUT_RBAC_ID)).created_at).toBe('2026-05-13T23:46:07.136+05:30');
      expect((await open(SEED_PAGE_IDS.payments)).created_at).toBe('2026-05-13T20:16:07.136+02:00');
      expect((await open(SEED_PAGE_IDS.globex)).incident_updates[0].display_at).toBe('2026-05-13T18:16:07.136Z');
    } finally {
      await clocked.close();
    }
  });
});

describe('raw summary override', () => {
  const put = (text: string, contentType = 'application/json', pageId = PAGE) =>
    fetch(`${sandbox.url}/_control/pages/${pageId}/summary`, { method: 'PUT', headers: { 'content-type': contentType }, body: text });

  it('serves a captured summary byte for byte until DELETE, and reset() drops it too', async () => {
    const text = fixtureText('incident_minor_update-2_identified.json');
    expect((await put(text)).status).toBe(204);
    const served = await fetch(`${sandbox.statusPageUrl(PAGE)}/api/v2/summary.json`);
    expect(served.headers.get('access-control-allow-origin')).toBe('*');
    expect(await served.text()).toBe(text);

    const html = await (await fetch(`${sandbox.statusPageUrl(PAGE)}/`)).text();
    expect(html).toContain('Test incident: impact=minor');
    expect(html).toContain('da70 test page');

    expect((await control('DELETE', `/pages/${PAGE}/summary`)).status).toBe(204);
    expect((await summary()).page.name).toBe('Acme Cloud');

    await put(text);
    sandbox.reset();
    expect((await summary()).page.name).toBe('Acme Cloud');
  });

  it('refuses what is not a JSON object', async () => {
    const refusals: Array<[Response, number, RegExp]> = [
      [await put('{"page": '), 400, /not valid JSON/],
      [await put('[1, 2]'), 400, /must be a JSON object/],
      [await put('{}', 'text/plain'), 415, /application\/json/],
      [await put('{}', 'application/json', 'zzzzzzzzzzzz'), 404, /no page zzzzzzzzzzzz/],
    ];
    for (const [response, status, message] of refusals) {
      expect(response.status).toBe(status);
      expect(((await response.json()) as Json).message).toMatch(message);
    }
  });
});

describe('the HTML status page', () => {
  it('shows the name and current incidents, escaped, and the shortlink leads to the incident', async () => {
    const opened = await controlJson('POST', `/pages/${PAGE}/incidents`, {
      name: '<script>alert("name")</script>',
      body: '<img src=x onerror=alert(1)> & more',
    });
    for (const path of ['/', '']) {
      const response = await fetch(`${sandbox.statusPageUrl(PAGE)}${path}`);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toMatch(/^text\/html/);
      expect(response.headers.get('content-security-policy')).toContain("default-src 'none'");
      const html = await response.text();
      expect(html).toContain('<h1>Acme Cloud</h1>');
      expect(html).toContain('&lt;script&gt;alert(&quot;name&quot;)&lt;/script&gt;');
      expect(html).toContain('&lt;img src=x onerror=alert(1)&gt; &amp; more');
      expect(html).not.toContain('<script>');
      expect(html).not.toContain('<img');
    }
    const incidentPage = await fetch(opened.shortlink);
    expect(incidentPage.status).toBe(200);
    expect(await incidentPage.text()).toContain('&lt;script&gt;alert(&quot;name&quot;)&lt;/script&gt;');
    await controlJson('POST', `/pages/${PAGE}/incidents/${opened.id}/resolve`);
    expect((await fetch(opened.shortlink)).status).toBe(200); // a resolved incident keeps its page
    expect((await fetch(`${sandbox.statusPageUrl(PAGE)}/incidents/zzzzzzzzzzzz`)).status).toBe(404);
  });
});

describe('control input', () => {
  it.each([
    ['incidents', {}, /name is required/],
    ['incidents', { name: '   ' }, /name must not be empty/],
    ['incidents', { name: 'x', impact: 'huge' }, /impact must be one of none, minor, major, critical, got "huge"/],
    ['incidents', { name: 'x', status: 'resolved' }, /status must be one of investigating, identified, monitoring/],
    ['incidents', { name: 'x', severity: 'high' }, /severity is not a field here/],
    ['incidents', { name: 'x', components: 'api' }, /components must be a list of component ids or an object/],
    ['incidents', { name: 'x', components: { abc: 'broken' } }, /each status must be one of operational/],
    ['incidents', { name: 'x', components: ['nope'] }, /unknown component id\(s\) on page \w+: nope/],
    ['incidents', { name: 'x'.repeat(300) }, /name must be at most 255 characters/],
    ['maintenances', { name: 'x', scheduled_for: 'tomorrow' }, /scheduled_for must be an ISO 8601 date-time/],
    [
      'maintenances',
      { name: 'x', scheduled_for: '2030-01-02T00:00:00Z', scheduled_until: '2030-01-01T00:00:00Z' },
      /scheduled_until must be after scheduled_for/,
    ],
    ['maintenances', { name: 'x', status: 'completed' }, /status must be one of scheduled, in_progress, verifying/],
    ['maintenances', { name: 'x', components: { a: 'under_maintenance' } }, /components must be a list of component ids$/],
  ])('POST %s %j -> 400', async (collection, body, message) => {
    const response = await control('POST', `/pages/${PAGE}/${collection}`, body);
    expect(response.status).toBe(400);
    expect(((await response.json()) as Json).message).toMatch(message);
  });

  it('answers 404 for unknown pages and ids, and keeps incidents and maintenances apart', async () => {
    const incident = await controlJson('POST', `/pages/${PAGE}/incidents`, { name: 'x' });
    const cases: Array<[string, RegExp]> = [
      [`/pages/zzzzzzzzzzzz/incidents`, /no page zzzzzzzzzzzz/],
      [`/pages/${PAGE}/incidents/zzzzzzzzzzzz/resolve`, /no incident zzzzzzzzzzzz/],
      [`/pages/${PAGE}/maintenances/${incident.id}/resolve`, /no maintenance/],
      [`/pages/${SEED_PAGE_IDS.payments}/incidents/${incident.id}/resolve`, /no incident/],
    ];
    for (const [path, message] of cases) {
      const response = await control('POST', path, { name: 'x' });
      expect(response.status).toBe(404);
      expect(((await response.json()) as Json).message).toMatch(message);
    }
  });

  it('refuses an incident status on a maintenance and the reverse, bad JSON, and forms', async () => {
    const incident = await controlJson('POST', `/pages/${PAGE}/incidents`, { name: 'x' });
    const maintenance = await controlJson('POST', `/pages/${PAGE}/maintenances`, { name: 'y' });
    const onIncident = await control('POST', `/pages/${PAGE}/incidents/${incident.id}/updates`, { status: 'in_progress' });
    expect(onIncident.status).toBe(400);
    const onMaintenance = await control('POST', `/pages/${PAGE}/maintenances/${maintenance.id}/updates`, { status: 'identified' });
    expect(onMaintenance.status).toBe(400);
    const noStatus = await control('POST', `/pages/${PAGE}/incidents/${incident.id}/updates`, { body: 'hi' });
    expect(((await noStatus.json()) as Json).message).toMatch(/status is required/);
    const badJson = await fetch(`${sandbox.url}/_control/pages/${PAGE}/incidents`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"name":',
    });
    expect(badJson.status).toBe(400);
    const asForm = await fetch(`${sandbox.url}/_control/pages/${PAGE}/incidents`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'name=x',
    });
    expect(asForm.status).toBe(415);
  });

  it('lists incidents and maintenances of a page, resolved ones included', async () => {
    const incident = await controlJson('POST', `/pages/${PAGE}/incidents`, { name: 'x' });
    await controlJson('POST', `/pages/${PAGE}/incidents/${incident.id}/resolve`);
    const listed = (await (await control('GET', `/pages/${PAGE}/incidents`)).json()) as Json[];
    expect(listed.map((entry) => [entry.id, entry.status])).toEqual([[incident.id, 'resolved']]);
    expect(await (await control('GET', `/pages/${PAGE}/maintenances`)).json()).toEqual([]);
  });

  it('never reuses an incident id after a reset', async () => {
    const first = await controlJson('POST', `/pages/${PAGE}/incidents`, { name: 'x' });
    sandbox.reset();
    const second = await controlJson('POST', `/pages/${PAGE}/incidents`, { name: 'x' });
    expect(second.id).not.toBe(first.id);
  });
});
