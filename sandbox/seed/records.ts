import { statuspageId } from '../state/ids';
import type { ComponentRecord, EmbedConfigRecord, PageRecord, PageState } from '../state/types';

// The builders of seeded records: every field a real page, component or page state has, with the seed's
// fixed timestamps (no clock), so a seed is the same on every run.

export const SEEDED_AT = '2025-01-15T09:30:00.000Z';

export function page(fields: Pick<PageRecord, 'id' | 'name' | 'subdomain' | 'domain' | 'url' | 'time_zone'> & Partial<PageRecord>): PageRecord {
  // Listed in the spec's order; the fields given take their place in it.
  const ordered: PageRecord = {
    id: '',
    created_at: '2023-06-01T12:00:00.000Z',
    updated_at: SEEDED_AT,
    name: '',
    page_description: null,
    headline: null,
    branding: 'premium',
    subdomain: '',
    domain: null,
    url: null,
    support_url: null,
    hidden_from_search: false,
    allow_page_subscribers: true,
    allow_incident_subscribers: true,
    allow_email_subscribers: true,
    allow_sms_subscribers: false,
    allow_rss_atom_feeds: true,
    allow_webhook_subscribers: true,
    notifications_from_email: null,
    notifications_email_footer: null,
    activity_score: 0,
    twitter_username: null,
    viewers_must_be_team_members: false,
    ip_restrictions: null,
    city: null,
    state: null,
    country: null,
    time_zone: 'Etc/UTC',
    css_body_background_color: '#ffffff',
    css_font_color: '#333333',
    css_light_font_color: '#757575',
    css_greens: '#2fcc66',
    css_yellows: '#f1c40f',
    css_oranges: '#e67e22',
    css_blues: '#3498db',
    css_reds: '#e74c3c',
    css_border_color: '#ecf0f1',
    css_graph_color: '#3498db',
    css_link_color: '#3498db',
    css_no_data: '#b3bac5',
    favicon_logo: null,
    transactional_logo: null,
    hero_cover: null,
    email_logo: null,
    twitter_logo: null,
  };
  return Object.assign(ordered, fields);
}

export function components(pageKey: string, names: Array<[name: string, description: string | null]>): ComponentRecord[] {
  return names.map(([name, description], index) => ({
    id: statuspageId(`component:${pageKey}:${name}`),
    name,
    description,
    position: index + 1,
    status: 'operational',
    created_at: '2023-06-01T12:05:00.000Z',
    updated_at: SEEDED_AT,
    start_date: '2023-06-01',
    showcase: true,
    only_show_if_degraded: false,
  }));
}

export function pageState(
  organizationId: string,
  record: PageRecord,
  rbac: boolean,
  embed: EmbedConfigRecord,
  pageComponents: ComponentRecord[],
): PageState {
  return {
    page: record,
    organization_id: organizationId,
    role_based_access_control: rbac,
    embed_config: embed,
    components: pageComponents,
    incidents: [],
    status_updated_at: SEEDED_AT,
    summary_override: null,
  };
}
