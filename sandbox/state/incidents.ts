import { componentStatusForImpact, deriveComponentStatuses } from './component-status';
import { SandboxHttpError } from '../errors';
import type { AffectedComponent, ComponentStatus, IncidentImpact, IncidentRecord, IncidentStatus, MaintenanceStatus, PageState } from './types';

// The life cycle of incidents and maintenances on one page: every change appends an update, re-derives the
// components' statuses and records which components moved (Statuspage's `affected_components`).

/** Components named alone take the status the incident's impact implies; a mapping names the status itself. */
export type ComponentClaims = readonly string[] | Readonly<Record<string, ComponentStatus>>;

export interface IncidentInput {
  name: string;
  status: Exclude<IncidentStatus, 'resolved'>;
  impact: IncidentImpact;
  body?: string;
  components?: ComponentClaims;
}

export interface MaintenanceInput {
  name: string;
  status: Exclude<MaintenanceStatus, 'completed'>;
  body?: string;
  scheduled_for: string;
  scheduled_until: string;
  /** Component ids put under maintenance while it is in progress; all of the page's when omitted. */
  components?: readonly string[];
}

export interface UpdateInput {
  status: IncidentStatus | MaintenanceStatus;
  body?: string;
  impact?: IncidentImpact;
  components?: ComponentClaims;
}

export interface Clock {
  now(): string;
  nextId(kind: string): string;
}

const DEFAULT_BODIES: Record<IncidentStatus | MaintenanceStatus, string> = {
  investigating: 'We are currently investigating this issue.',
  identified: 'The issue has been identified and a fix is being implemented.',
  monitoring: 'A fix has been implemented and we are monitoring the results.',
  resolved: 'This incident has been resolved.',
  scheduled: 'The scheduled maintenance will take place as planned.',
  in_progress: 'Scheduled maintenance is currently in progress. We will provide updates as necessary.',
  verifying: 'Verification is currently underway for the maintenance items.',
  completed: 'The scheduled maintenance has been completed.',
};

/** "Status updated to Identified.": what Statuspage writes for an update posted without a message. */
function statusUpdatedBody(status: string): string {
  const words = status.replace(/_/g, ' ');
  return `Status updated to ${words.charAt(0).toUpperCase()}${words.slice(1)}.`;
}

function claimsToStatuses(claims: ComponentClaims, impact: IncidentImpact): Record<string, ComponentStatus> {
  if (Array.isArray(claims)) {
    const status = componentStatusForImpact(impact);
    return Object.fromEntries((claims as readonly string[]).map((id) => [id, status]));
  }
  return { ...(claims as Record<string, ComponentStatus>) };
}

function assertComponentsExist(page: PageState, ids: Iterable<string>): void {
  const known = new Set(page.components.map((component) => component.id));
  const unknown = [...ids].filter((id) => !known.has(id));
  if (unknown.length > 0) {
    throw new SandboxHttpError(400, `unknown component id(s) on page ${page.page.id}: ${unknown.join(', ')}`);
  }
}

/** Applies `change` to `incident`, re-derives components, and appends the update that records it. */
function recordChange(
  page: PageState,
  incident: IncidentRecord,
  status: IncidentRecord['status'],
  body: string,
  now: string,
  clock: Clock,
  change: () => void,
): void {
  const before = new Map(page.components.map((component) => [component.id, component.status]));
  change();
  const after = deriveComponentStatuses(page.components, page.incidents);
  for (const component of page.components) {
    const next = after.get(component.id) ?? 'operational';
    if (next !== component.status) {
      component.status = next;
      component.updated_at = now;
    }
  }
  const touched = Object.keys(incident.component_statuses);
  const affected: AffectedComponent[] = touched.map((id) => ({
    code: id,
    name: page.components.find((component) => component.id === id)?.name ?? id,
    old_status: before.get(id) ?? 'operational',
    new_status: after.get(id) ?? 'operational',
  }));
  incident.updates.push({
    id: clock.nextId('incident_update'),
    status,
    body,
    created_at: now,
    display_at: now,
    affected_components: affected.length > 0 ? affected : null,
  });
  incident.status = status;
  incident.updated_at = now;
  page.status_updated_at = now;
}

/** A new incident or maintenance with no update yet (recordChange writes the first). */
function newRecord(
  clock: Clock,
  fields: Pick<IncidentRecord, 'kind' | 'name' | 'status' | 'impact' | 'scheduled_for' | 'scheduled_until'>,
): IncidentRecord {
  const now = clock.now();
  return {
    id: clock.nextId(fields.kind),
    ...fields,
    created_at: now,
    updated_at: now,
    started_at: now,
    monitoring_at: null,
    resolved_at: null,
    component_statuses: {},
    updates: [],
  };
}

export function openIncident(page: PageState, input: IncidentInput, clock: Clock): IncidentRecord {
  const claims = input.components ? claimsToStatuses(input.components, input.impact) : {};
  assertComponentsExist(page, Object.keys(claims));
  const { name, status, impact } = input;
  const incident = newRecord(clock, { kind: 'incident', name, status, impact, scheduled_for: null, scheduled_until: null });
  recordChange(page, incident, status, input.body ?? DEFAULT_BODIES[status], incident.created_at, clock, () => {
    page.incidents.push(incident);
    incident.component_statuses = claims;
    if (status === 'monitoring') incident.monitoring_at = incident.created_at;
  });
  return incident;
}

export function openMaintenance(page: PageState, input: MaintenanceInput, clock: Clock): IncidentRecord {
  const ids = input.components ?? page.components.map((component) => component.id);
  assertComponentsExist(page, ids);
  const { name, status, scheduled_for, scheduled_until } = input;
  const maintenance = newRecord(clock, { kind: 'maintenance', name, status, impact: 'maintenance', scheduled_for, scheduled_until });
  recordChange(page, maintenance, status, input.body ?? DEFAULT_BODIES[status], maintenance.created_at, clock, () => {
    page.incidents.push(maintenance);
    maintenance.component_statuses = Object.fromEntries(ids.map((id) => [id, 'under_maintenance' as const]));
  });
  return maintenance;
}

const TERMINAL: Record<IncidentRecord['kind'], IncidentRecord['status']> = {
  incident: 'resolved',
  maintenance: 'completed',
};

/** Posts an update (possibly the resolving one); a resolved incident or completed maintenance is final. */
export function updateIncident(page: PageState, incident: IncidentRecord, input: UpdateInput, clock: Clock): IncidentRecord {
  const terminal = TERMINAL[incident.kind];
  if (incident.status === terminal) {
    throw new SandboxHttpError(409, `${incident.kind} ${incident.id} is already ${terminal}`);
  }
  const impact = incident.kind === 'incident' ? (input.impact ?? (incident.impact as IncidentImpact)) : undefined;
  let claims: Record<string, ComponentStatus> | undefined;
  if (input.components) {
    claims =
      incident.kind === 'incident'
        ? claimsToStatuses(input.components, impact!)
        : Object.fromEntries((input.components as readonly string[]).map((id) => [id, 'under_maintenance' as const]));
    assertComponentsExist(page, Object.keys(claims));
  }
  // Without a message: maintenances and resolutions get Statuspage's template, other incident updates
  // "Status updated to …" (both as the captured summaries show).
  const body =
    input.body ?? (incident.kind === 'maintenance' || input.status === terminal ? DEFAULT_BODIES[input.status] : statusUpdatedBody(input.status));
  const now = clock.now();
  recordChange(page, incident, input.status, body, now, clock, () => {
    incident.status = input.status;
    if (impact) incident.impact = impact;
    if (claims) incident.component_statuses = claims;
    if (input.status === 'monitoring' && !incident.monitoring_at) incident.monitoring_at = now;
    if (input.status === terminal) incident.resolved_at = now;
  });
  return incident;
}
