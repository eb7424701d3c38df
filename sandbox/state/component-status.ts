import type { ComponentRecord, ComponentStatus, IncidentImpact, IncidentRecord } from './types';

// Statuspage's page indicator is the "blended component status": the captured summaries show a critical
// incident under monitoring with every component operational and indicator `none`, and `maintenance` only
// once the maintenance put its component under maintenance. So the indicator follows components, and
// components follow the incidents and maintenances that claim them.

const SEVERITY: Record<ComponentStatus, number> = {
  operational: 0,
  under_maintenance: 1,
  degraded_performance: 2,
  partial_outage: 3,
  major_outage: 4,
};

export function worseStatus(a: ComponentStatus, b: ComponentStatus): ComponentStatus {
  return SEVERITY[b] > SEVERITY[a] ? b : a;
}

/** The component status an incident of this impact gives the components it names without a status. */
export function componentStatusForImpact(impact: IncidentImpact): ComponentStatus {
  switch (impact) {
    case 'critical':
      return 'major_outage';
    case 'major':
      return 'partial_outage';
    case 'minor':
      return 'degraded_performance';
    case 'none':
      return 'operational';
  }
}

/** True while an incident or maintenance still holds its components (shown on the status page). */
export function isActive(incident: IncidentRecord): boolean {
  if (incident.kind === 'incident') return incident.status !== 'resolved';
  return incident.status === 'in_progress' || incident.status === 'verifying';
}

/** Each component's status: the worst claim of any active incident or maintenance, else operational. */
export function deriveComponentStatuses(components: readonly ComponentRecord[], incidents: readonly IncidentRecord[]): Map<string, ComponentStatus> {
  const statuses = new Map<string, ComponentStatus>(components.map((component) => [component.id, 'operational']));
  for (const incident of incidents) {
    if (!isActive(incident)) continue;
    for (const [componentId, claimed] of Object.entries(incident.component_statuses)) {
      const current = statuses.get(componentId);
      if (current !== undefined) statuses.set(componentId, worseStatus(current, claimed));
    }
  }
  return statuses;
}

export type StatusIndicator = 'none' | 'minor' | 'major' | 'critical' | 'maintenance';

const INDICATOR: Record<ComponentStatus, { indicator: StatusIndicator; description: string }> = {
  operational: { indicator: 'none', description: 'All Systems Operational' },
  under_maintenance: { indicator: 'maintenance', description: 'Service Under Maintenance' },
  degraded_performance: { indicator: 'minor', description: 'Partially Degraded Service' },
  partial_outage: { indicator: 'major', description: 'Partial System Outage' },
  major_outage: { indicator: 'critical', description: 'Major System Outage' },
};

/** summary.json's `status` from the components' current statuses. */
export function pageIndicator(components: readonly Pick<ComponentRecord, 'status'>[]): {
  indicator: StatusIndicator;
  description: string;
} {
  const worst = components.reduce<ComponentStatus>((acc, component) => worseStatus(acc, component.status), 'operational');
  return { ...INDICATOR[worst] };
}
