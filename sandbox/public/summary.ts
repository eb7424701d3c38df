import { pageIndicator } from '../state/component-status';
import { formatInZone } from './time';
import type { ComponentRecord, IncidentRecord, IncidentUpdateRecord, PageState } from '../state/types';

// summary.json as the public Status API v2 serves it: the field set and order of the captures in
// test/fixtures/statuspage-summaries, timestamps in the page's zone with its offset.

const SHOWN_INCIDENT_STATUSES = new Set(['investigating', 'identified', 'monitoring']);
const SHOWN_MAINTENANCE_STATUSES = new Set(['scheduled', 'in_progress', 'verifying']);

/** The public address of an incident: where `shortlink` points (Statuspage uses stspg.io; we serve the page). */
export function incidentUrl(statusPageUrl: string, incidentId: string): string {
  return `${statusPageUrl}/incidents/${incidentId}`;
}

function componentJson(page: PageState, component: ComponentRecord) {
  const zone = page.page.time_zone;
  return {
    id: component.id,
    name: component.name,
    status: component.status,
    created_at: formatInZone(component.created_at, zone),
    updated_at: formatInZone(component.updated_at, zone),
    position: component.position,
    description: component.description,
    showcase: component.showcase,
    start_date: component.start_date,
    group_id: null,
    page_id: page.page.id,
    group: false,
    only_show_if_degraded: component.only_show_if_degraded,
  };
}

function updateJson(page: PageState, incident: IncidentRecord, update: IncidentUpdateRecord) {
  const zone = page.page.time_zone;
  return {
    id: update.id,
    status: update.status,
    body: update.body,
    incident_id: incident.id,
    created_at: formatInZone(update.created_at, zone),
    updated_at: formatInZone(update.created_at, zone),
    display_at: formatInZone(update.display_at, zone),
    affected_components: update.affected_components ? update.affected_components.map((entry) => ({ ...entry })) : null,
    deliver_notifications: true,
    custom_tweet: null,
    tweet_id: null,
  };
}

/** One incident or maintenance as summary.json lists it (also what the control endpoints answer). */
export function incidentJson(page: PageState, incident: IncidentRecord, statusPageUrl: string) {
  const zone = page.page.time_zone;
  const at = (value: string | null) => (value === null ? null : formatInZone(value, zone));
  const claimed = new Set(Object.keys(incident.component_statuses));
  const common = {
    id: incident.id,
    name: incident.name,
    status: incident.status,
    created_at: at(incident.created_at),
    updated_at: at(incident.updated_at),
    monitoring_at: at(incident.monitoring_at),
    resolved_at: at(incident.resolved_at),
    impact: incident.impact,
    shortlink: incidentUrl(statusPageUrl, incident.id),
    started_at: at(incident.started_at),
    page_id: page.page.id,
    incident_updates: [...incident.updates].reverse().map((update) => updateJson(page, incident, update)),
    components: page.components.filter((component) => claimed.has(component.id)).map((c) => componentJson(page, c)),
  };
  return incident.kind === 'incident'
    ? { ...common, reminder_intervals: null }
    : { ...common, scheduled_for: at(incident.scheduled_for), scheduled_until: at(incident.scheduled_until) };
}

export function isShownOnStatusPage(incident: IncidentRecord): boolean {
  return (incident.kind === 'incident' ? SHOWN_INCIDENT_STATUSES : SHOWN_MAINTENANCE_STATUSES).has(incident.status);
}

/** The computed summary.json of `page`, whose status site lives at `statusPageUrl`. */
export function buildSummary(page: PageState, statusPageUrl: string) {
  const shown = page.incidents.filter(isShownOnStatusPage);
  // Newest first; incidents opened in the same millisecond keep the later one first.
  const incidents = shown
    .filter((incident) => incident.kind === 'incident')
    .reverse()
    .sort((a, b) => b.created_at.localeCompare(a.created_at));
  const maintenances = shown
    .filter((incident) => incident.kind === 'maintenance')
    .sort((a, b) => (a.scheduled_for ?? '').localeCompare(b.scheduled_for ?? ''));
  return {
    page: {
      id: page.page.id,
      name: page.page.name,
      url: statusPageUrl,
      time_zone: page.page.time_zone,
      updated_at: formatInZone(page.status_updated_at, page.page.time_zone),
    },
    components: page.components.map((component) => componentJson(page, component)),
    incidents: incidents.map((incident) => incidentJson(page, incident, statusPageUrl)),
    scheduled_maintenances: maintenances.map((maintenance) => incidentJson(page, maintenance, statusPageUrl)),
    status: pageIndicator(page.components),
  };
}
export type SummaryJson = ReturnType<typeof buildSummary>;
