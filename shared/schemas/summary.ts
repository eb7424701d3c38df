import * as z from 'zod/mini';

// The public Status API v2. Read leniently: unknown fields pass, enum-like fields are plain strings
// (a new status or impact from Atlassian must not blank a customer's widget).
const text = z.optional(z.nullable(z.string()));

export const IncidentUpdate = z.looseObject({
  id: z.optional(z.string()),
  status: z.string(),
  body: z.nullable(z.string()),
  display_at: text,
  created_at: text,
  updated_at: text,
});
export type IncidentUpdate = z.infer<typeof IncidentUpdate>;

export const Incident = z.looseObject({
  id: z.string(),
  name: z.string(),
  status: z.string(),
  impact: text,
  shortlink: text,
  started_at: text,
  created_at: text,
  updated_at: text,
  resolved_at: text,
  incident_updates: z.array(IncidentUpdate),
});
export type Incident = z.infer<typeof Incident>;

export const ScheduledMaintenance = z.extend(Incident, {
  scheduled_for: text,
  scheduled_until: text,
});
export type ScheduledMaintenance = z.infer<typeof ScheduledMaintenance>;

export const Component = z.looseObject({
  id: z.string(),
  name: z.string(),
  status: z.string(),
});
export type Component = z.infer<typeof Component>;

export const Summary = z.looseObject({
  page: z.looseObject({
    id: z.string(),
    name: z.string(),
    url: z.string(),
    time_zone: text,
    updated_at: text,
  }),
  components: z.optional(z.array(Component)),
  incidents: z.array(Incident),
  scheduled_maintenances: z.array(ScheduledMaintenance),
  status: z.looseObject({
    indicator: z.string(),
    description: z.string(),
  }),
});
export type Summary = z.infer<typeof Summary>;

export { ACTIVE_INCIDENT_STATUSES, ACTIVE_MAINTENANCE_STATUSES } from '../constants';
