// `npm run incident -- <command>`: drives a running sandbox through its control endpoints, so a demo can
// open, update and resolve incidents and maintenances by hand. SANDBOX_URL says where the sandbox is; else
// PORT, the same variable `npm start` and `npm run sandbox` listen on, so one `PORT=...` reaches both.
import { parseArgs } from 'node:util';
import { DEFAULT_SANDBOX_PORT } from '../config';

const USAGE = `Drive a running Statuspage sandbox (npm run sandbox).

Usage: npm run incident -- <command> [options]

  pages                                 list pages, their ids and components
  open "<name>"                         open an incident
        [--impact none|minor|major|critical]   (default minor)
        [--status investigating|identified|monitoring]   (default investigating)
        [--body "<message>"] [--component <id>[=<component status>]]...
  update <incident id> --status investigating|identified|monitoring|resolved
        [--body "<message>"] [--impact <impact>] [--component <id>[=<status>]]...
  resolve <incident id> [--body "<message>"]
  maintenance open "<name>"             schedule a maintenance
        [--status scheduled|in_progress|verifying]   (default scheduled)
        [--from <ISO date-time>] [--until <ISO date-time>]   (default: in an hour, for an hour)
        [--body "<message>"] [--component <id>]...   (default: every component)
  maintenance update <id> --status scheduled|in_progress|verifying|completed [--body "<message>"]
  maintenance resolve <id> [--body "<message>"]
  reset                                 back to the seed (all clear, seeded embed configs and permissions)

  --page <page id or name>   which page (default: the first page listed by "pages")

Component statuses: operational, under_maintenance, degraded_performance, partial_outage, major_outage.
Without a status, a component takes the one the impact implies (minor: degraded_performance, major:
partial_outage, critical: major_outage). The page's indicator follows its components, as on Statuspage.

Environment: SANDBOX_URL, else PORT (as given to npm start; default http://127.0.0.1:${DEFAULT_SANDBOX_PORT})
Example: npm run incident -- open "Slow dashboard" --impact major --component <id>`;

class UsageError extends Error {}

const baseUrl = (process.env.SANDBOX_URL || `http://127.0.0.1:${process.env.PORT || DEFAULT_SANDBOX_PORT}`).replace(/\/+$/, '');

interface ControlPage {
  id: string;
  name: string;
  organization_id: string;
  role_based_access_control: boolean;
  status_page_url: string;
  components: Array<{ id: string; name: string; status: string }>;
}

async function call<T>(method: string, path: string, body?: unknown): Promise<T> {
  let response: Response;
  try {
    response = await fetch(`${baseUrl}/_control${path}`, {
      method,
      // Every control request that changes state must say JSON, even without a body (see control-guard.ts).
      headers: method === 'GET' ? {} : { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch {
    throw new Error(`no sandbox answers at ${baseUrl}: start one with "npm start" or "npm run sandbox", or set SANDBOX_URL (or PORT)`);
  }
  const text = await response.text();
  if (!response.ok) {
    let message = text;
    try {
      message = (JSON.parse(text) as { message?: string }).message ?? text;
    } catch {
      // not JSON: show the text as it came
    }
    throw new Error(`the sandbox refused (${response.status}): ${message}`);
  }
  return (text ? JSON.parse(text) : undefined) as T;
}

async function choosePage(wanted: string | undefined): Promise<ControlPage> {
  const pages = await call<ControlPage[]>('GET', '/pages');
  if (wanted === undefined) return pages[0]!;
  const page = pages.find((p) => p.id === wanted || p.name.toLowerCase() === wanted.toLowerCase());
  if (!page) throw new UsageError(`no page "${wanted}": one of ${pages.map((p) => `${p.id} (${p.name})`).join(', ')}`);
  return page;
}

function componentsOption(values: string[] | undefined): string[] | Record<string, string> | undefined {
  if (!values || values.length === 0) return undefined;
  const withStatus = values.filter((value) => value.includes('='));
  if (withStatus.length === 0) return values;
  if (withStatus.length !== values.length) throw new UsageError('give every --component a status (id=status) or none');
  return Object.fromEntries(values.map((value) => value.split('=', 2) as [string, string]));
}

interface IncidentAnswer {
  id: string;
  name: string;
  status: string;
  impact: string;
  shortlink: string;
}

function report(verb: string, incident: IncidentAnswer, page: ControlPage) {
  console.log(
    `${verb} ${incident.impact === 'maintenance' ? 'maintenance' : 'incident'} ${incident.id} on ${page.name}: "${incident.name}" (${incident.status}, impact ${incident.impact})`,
  );
  console.log(`  incident page: ${incident.shortlink}`);
  console.log(`  summary.json:  ${page.status_page_url}/api/v2/summary.json`);
}

function only<T>(value: T | undefined, name: string): T {
  if (value === undefined) throw new UsageError(`${name} is required`);
  return value;
}

async function main(argv: string[]): Promise<void> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      page: { type: 'string' },
      impact: { type: 'string' },
      status: { type: 'string' },
      body: { type: 'string' },
      from: { type: 'string' },
      until: { type: 'string' },
      component: { type: 'string', multiple: true },
      help: { type: 'boolean', short: 'h' },
    },
  });
  const [command, ...rest] = positionals;
  if (values.help || command === undefined || command === 'help') {
    console.log(USAGE);
    return;
  }
  if (command === 'reset') {
    await call('POST', '/reset');
    console.log(`The sandbox at ${baseUrl} is back to its seed.`);
    return;
  }
  if (command === 'pages') {
    for (const p of await call<ControlPage[]>('GET', '/pages')) {
      console.log(`${p.id}  ${p.name}${p.role_based_access_control ? '' : ' (no RBAC)'}  org ${p.organization_id}  ${p.status_page_url}/`);
      for (const component of p.components) console.log(`    ${component.id}  ${component.name}: ${component.status}`);
    }
    return;
  }
  const kind = command === 'maintenance' ? 'maintenances' : 'incidents';
  const action = command === 'maintenance' ? rest.shift() : command;
  if (!['open', 'update', 'resolve'].includes(action ?? '')) {
    throw new UsageError(`unknown command "${command === 'maintenance' ? `maintenance ${action ?? ''}`.trim() : command}"`);
  }
  const [argument] = rest;
  const components = componentsOption(values.component);
  const page = await choosePage(values.page);

  switch (action) {
    case 'open': {
      const body =
        kind === 'incidents'
          ? { name: only(argument, 'a name'), impact: values.impact, status: values.status, body: values.body, components }
          : {
              name: only(argument, 'a name'),
              status: values.status,
              body: values.body,
              scheduled_for: values.from,
              scheduled_until: values.until,
              components,
            };
      report('Opened', await call<IncidentAnswer>('POST', `/pages/${page.id}/${kind}`, body), page);
      return;
    }
    case 'update': {
      const body = { status: only(values.status, '--status'), body: values.body, impact: values.impact, components };
      report('Updated', await call<IncidentAnswer>('POST', `/pages/${page.id}/${kind}/${only(argument, 'an id')}/updates`, body), page);
      return;
    }
    case 'resolve': {
      report(
        'Resolved',
        await call<IncidentAnswer>('POST', `/pages/${page.id}/${kind}/${only(argument, 'an id')}/resolve`, { body: values.body }),
        page,
      );
      return;
    }
  }
}

main(process.argv.slice(2)).catch((error: Error) => {
  if (error instanceof UsageError || (error as NodeJS.ErrnoException).code?.startsWith('ERR_PARSE_ARGS')) {
    console.error(`${error.message}\n\n${USAGE}`);
    process.exit(2);
  }
  console.error(error.message);
  process.exit(1);
});
