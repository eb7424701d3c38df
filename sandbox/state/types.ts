// The sandbox's own model of a Statuspage account. Independent of shared/ on purpose: the sandbox is the
// yardstick the client is measured against, so a mistake in one must not silently reappear in the other.

export const COMPONENT_STATUSES = ['operational', 'under_maintenance', 'degraded_performance', 'partial_outage', 'major_outage'] as const;
export type ComponentStatus = (typeof COMPONENT_STATUSES)[number];

export const INCIDENT_STATUSES = ['investigating', 'identified', 'monitoring', 'resolved'] as const;
export type IncidentStatus = (typeof INCIDENT_STATUSES)[number];

export const INCIDENT_IMPACTS = ['none', 'minor', 'major', 'critical'] as const;
export type IncidentImpact = (typeof INCIDENT_IMPACTS)[number];

export const MAINTENANCE_STATUSES = ['scheduled', 'in_progress', 'verifying', 'completed'] as const;
export type MaintenanceStatus = (typeof MAINTENANCE_STATUSES)[number];

export const ROLE_NAMES = ['page_configuration', 'incident_manager', 'maintenance_manager'] as const;
export type RoleName = (typeof ROLE_NAMES)[number];

/** Roles on a page with Role Based Access Control; a page without it grants access with no roles (`{}`). */
export type PageRoleGrant = Record<RoleName, boolean> | Record<string, never>;

export interface OrganizationRecord {
  id: string;
  name: string;
}

/** The management API's Page, every field of the spec's Page schema (null where unset, as the real API does). */
export interface PageRecord {
  id: string;
  created_at: string;
  updated_at: string;
  name: string;
  page_description: string | null;
  headline: string | null;
  branding: string;
  subdomain: string;
  domain: string | null;
  url: string | null;
  support_url: string | null;
  hidden_from_search: boolean;
  allow_page_subscribers: boolean;
  allow_incident_subscribers: boolean;
  allow_email_subscribers: boolean;
  allow_sms_subscribers: boolean;
  allow_rss_atom_feeds: boolean;
  allow_webhook_subscribers: boolean;
  notifications_from_email: string | null;
  notifications_email_footer: string | null;
  activity_score: number;
  twitter_username: string | null;
  viewers_must_be_team_members: boolean;
  ip_restrictions: string | null;
  city: string | null;
  state: string | null;
  country: string | null;
  time_zone: string;
  css_body_background_color: string;
  css_font_color: string;
  css_light_font_color: string;
  css_greens: string;
  css_yellows: string;
  css_oranges: string;
  css_blues: string;
  css_reds: string;
  css_border_color: string;
  css_graph_color: string;
  css_link_color: string;
  css_no_data: string;
  favicon_logo: string | null;
  transactional_logo: string | null;
  hero_cover: string | null;
  email_logo: string | null;
  twitter_logo: string | null;
}

export const EMBED_FIELDS = [
  'position',
  'incident_background_color',
  'incident_text_color',
  'maintenance_background_color',
  'maintenance_text_color',
] as const;
export type EmbedField = (typeof EMBED_FIELDS)[number];
/** The five fields as stored; a PUT that omits a field leaves it null. */
export type EmbedConfigRecord = Record<EmbedField, string | null>;

export interface ComponentRecord {
  id: string;
  name: string;
  description: string | null;
  position: number;
  status: ComponentStatus;
  created_at: string;
  updated_at: string;
  start_date: string;
  showcase: boolean;
  only_show_if_degraded: boolean;
}

export interface AffectedComponent {
  code: string;
  name: string;
  old_status: ComponentStatus;
  new_status: ComponentStatus;
}

export interface IncidentUpdateRecord {
  id: string;
  status: IncidentStatus | MaintenanceStatus;
  body: string;
  created_at: string;
  display_at: string;
  /** null when the incident touches no component (what Statuspage sends then). */
  affected_components: AffectedComponent[] | null;
}

/** An incident or a scheduled maintenance: Statuspage models both as incidents. Timestamps are UTC ISO. */
export interface IncidentRecord {
  id: string;
  kind: 'incident' | 'maintenance';
  name: string;
  status: IncidentStatus | MaintenanceStatus;
  impact: IncidentImpact | 'maintenance';
  created_at: string;
  updated_at: string;
  started_at: string;
  monitoring_at: string | null;
  resolved_at: string | null;
  /** The components this incident claims and the status it gives each while it is active. */
  component_statuses: Record<string, ComponentStatus>;
  /** Oldest first here; the public API lists them newest first. */
  updates: IncidentUpdateRecord[];
  scheduled_for: string | null;
  scheduled_until: string | null;
}

export interface PageState {
  page: PageRecord;
  organization_id: string;
  /** Role Based Access Control (Business plans and up). A page without it maps to `{}` in permissions. */
  role_based_access_control: boolean;
  embed_config: EmbedConfigRecord;
  components: ComponentRecord[];
  incidents: IncidentRecord[];
  /** When the public status last changed (summary.json's page.updated_at). */
  status_updated_at: string;
  /** A raw summary.json served verbatim instead of the computed one (fixture-driven tests). */
  summary_override: string | null;
}

export interface UserRecord {
  id: string;
  organization_id: string;
  email: string;
  first_name: string;
  last_name: string;
  created_at: string;
  updated_at: string;
}

/** Everything a data file holds. Request log and rate-limit windows are runtime only. */
export interface SandboxState {
  version: 1;
  organizations: OrganizationRecord[];
  pages: PageState[];
  users: UserRecord[];
  /** user id -> page id -> roles. A page missing from a user's mapping is a page the user cannot access. */
  permissions: Record<string, Record<string, PageRoleGrant>>;
  /** Counter behind the ids of incidents and updates created at run time (deterministic, no randomness). */
  sequence: number;
}
