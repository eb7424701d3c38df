import type { IncidentRecord, PageState } from '../state/types';
import { buildSummary, incidentJson } from './summary';

// The public Status API v2 of one page, every document Statuspage lists (developer.statuspage.io, "Status API"),
// each a view of the same state as summary.json. With a raw summary override in place, every view is cut from that
// summary, so a test that stages one summary sees the same story in all of them.

/** Statuspage's lists of "the 50 most recent" incidents and maintenances. */
export const RECENT_LIMIT = 50;

const UNRESOLVED = new Set(['investigating', 'identified', 'monitoring']);
const UPCOMING = new Set(['scheduled']);
const ACTIVE = new Set(['in_progress', 'verifying']);

type Json = Record<string, unknown>;
const listOf = (value: unknown): Json[] =>
  Array.isArray(value) ? value.filter((item): item is Json => typeof item === 'object' && item !== null) : [];
const withStatus = (list: Json[], statuses: Set<string>) => list.filter((item) => statuses.has(String(item.status)));

interface Views {
  summary: Json;
  incidents: Json[];
  maintenances: Json[];
}

function viewsOf(page: PageState, statusPageUrl: string): Views {
  if (page.summary_override !== null) {
    const summary = JSON.parse(page.summary_override) as Json;
    return { summary, incidents: listOf(summary.incidents), maintenances: listOf(summary.scheduled_maintenances) };
  }
  const json = (incident: IncidentRecord) => incidentJson(page, incident, statusPageUrl) as Json;
  const of = (kind: IncidentRecord['kind']) => page.incidents.filter((incident) => incident.kind === kind);
  // Newest first; of two opened in the same millisecond, the later one first (as summary.json orders them).
  const incidents = of('incident')
    .reverse()
    .sort((a, b) => b.created_at.localeCompare(a.created_at));
  const maintenances = of('maintenance')
    .reverse()
    .sort((a, b) => (b.scheduled_for ?? '').localeCompare(a.scheduled_for ?? ''));
  return {
    summary: buildSummary(page, statusPageUrl) as Json,
    incidents: incidents.slice(0, RECENT_LIMIT).map(json),
    maintenances: maintenances.slice(0, RECENT_LIMIT).map(json),
  };
}

/** The documents under `/api/v2/`, by path, each built only when asked for. */
export const STATUS_API_DOCUMENTS: Record<string, (views: Views) => Json> = {
  'status.json': ({ summary }) => ({ page: summary.page, status: summary.status }),
  'components.json': ({ summary }) => ({ page: summary.page, components: summary.components }),
  'incidents.json': ({ summary, incidents }) => ({ page: summary.page, incidents }),
  'incidents/unresolved.json': ({ summary, incidents }) => ({ page: summary.page, incidents: withStatus(incidents, UNRESOLVED) }),
  'scheduled-maintenances.json': ({ summary, maintenances }) => ({ page: summary.page, scheduled_maintenances: maintenances }),
  // Upcoming and active: soonest first, as summary.json lists them.
  'scheduled-maintenances/upcoming.json': ({ summary, maintenances }) => ({
    page: summary.page,
    scheduled_maintenances: withStatus(maintenances, UPCOMING).reverse(),
  }),
  'scheduled-maintenances/active.json': ({ summary, maintenances }) => ({
    page: summary.page,
    scheduled_maintenances: withStatus(maintenances, ACTIVE).reverse(),
  }),
};

/** The body of `/api/v2/<document>` for `page`: summary.json byte for byte when overridden, else JSON. */
export function statusApiBody(page: PageState, document: string, statusPageUrl: string): string {
  if (document === 'summary.json') {
    return page.summary_override ?? JSON.stringify(buildSummary(page, statusPageUrl));
  }
  const build = STATUS_API_DOCUMENTS[document];
  if (!build) throw new Error(`no Status API document ${document}`);
  return JSON.stringify(build(viewsOf(page, statusPageUrl)));
}

export const STATUS_API_PATHS = ['summary.json', ...Object.keys(STATUS_API_DOCUMENTS)];
