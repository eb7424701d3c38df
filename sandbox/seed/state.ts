import { statuspageId } from '../state/ids';
import { extraPages, extraPermissions } from './extra-pages';
import { SEED_USER_COUNT, seedUsers } from './people';
import { components, page, pageState } from './records';
import type { PageRoleGrant, PageState, SandboxState } from '../state/types';

// The sandbox's starting point: the same on every run (no randomness, no clock), so tests and screenshots
// can rely on it. POST /_control/reset (or `reset()`) returns to exactly this.

export const DEFAULT_API_KEY = 'sandbox-demo-key';
export const DEFAULT_ORGANIZATION_ID = 'sbx0demo0org';

/** A second organization, so "another organization's page" (403) is testable. The demo key cannot reach it. */
export const SECOND_ORGANIZATION = {
  id: 'sbx0other0rg',
  name: 'Globex Corporation',
  apiKey: 'sandbox-other-key',
} as const;

export const SEED_PAGE_IDS = {
  /** Acme Cloud: Role Based Access Control, embed at `bottom-left`. */
  cloud: statuspageId('page:acme-cloud'),
  /** Acme Payments: RBAC, embed at `bottom_right` (the underscore spelling, for round trips). */
  payments: statuspageId('page:acme-payments'),
  /** Acme Labs: no RBAC (its permissions map to `{}`), embed at `top-right`. */
  labs: statuspageId('page:acme-labs'),
  /** Globex Status: the second organization's page. */
  globex: statuspageId('page:globex'),
} as const;

export const PAGE_WITHOUT_RBAC_ID = SEED_PAGE_IDS.labs;

function seedPages(organizationId: string): PageState[] {
  return [
    pageState(
      organizationId,
      page({
        id: SEED_PAGE_IDS.cloud,
        name: 'Acme Cloud',
        page_description: 'Status of the Acme Cloud platform',
        headline: 'Acme Cloud status',
        subdomain: 'acme-cloud',
        domain: 'status.acme-cloud.example',
        url: 'https://www.acme-cloud.example',
        support_url: 'https://support.acme-cloud.example',
        notifications_from_email: 'no-reply@status.acme-cloud.example',
        time_zone: 'America/New_York',
        city: 'New York',
        state: 'NY',
        country: 'United States',
        activity_score: 12.5,
        twitter_username: 'acmecloud',
      }),
      true,
      {
        position: 'bottom-left',
        incident_background_color: '#c0392b',
        incident_text_color: '#ffffff',
        maintenance_background_color: '#1f6feb',
        maintenance_text_color: '#ffffff',
      },
      components('acme-cloud', [
        ['API', 'Public REST and GraphQL API'],
        ['Dashboard', null],
        ['Webhooks', 'Outgoing event delivery'],
        ['Authentication', 'Sign-in and single sign-on'],
        ['CDN', null],
      ]),
    ),
    pageState(
      organizationId,
      page({
        id: SEED_PAGE_IDS.payments,
        name: 'Acme Payments',
        subdomain: 'acme-payments.statuspage.io',
        domain: null,
        url: 'https://pay.acme-cloud.example',
        time_zone: 'Europe/Berlin',
        city: 'Berlin',
        country: 'Germany',
        activity_score: 3,
      }),
      true,
      {
        position: 'bottom_right',
        incident_background_color: '#FFB000',
        incident_text_color: '#1A1A1A',
        maintenance_background_color: '#0B5394',
        maintenance_text_color: '#FFF',
      },
      components('acme-payments', [
        ['Card processing', null],
        ['Payouts', 'Transfers to merchant bank accounts'],
        ['Checkout', null],
        ['Fraud detection', null],
      ]),
    ),
    pageState(
      organizationId,
      page({
        id: SEED_PAGE_IDS.labs,
        name: 'Acme Labs',
        page_description: 'Experimental services: no uptime promise',
        subdomain: 'acme-labs',
        domain: null,
        url: null,
        time_zone: 'Asia/Kolkata',
        branding: 'basic',
        allow_sms_subscribers: false,
        allow_webhook_subscribers: false,
      }),
      false,
      {
        position: 'top-right',
        incident_background_color: '#6f42c1',
        incident_text_color: '#ffffff',
        maintenance_background_color: '#24292f',
        maintenance_text_color: '#f6f8fa',
      },
      components('acme-labs', [
        ['Experiments API', null],
        ['Notebooks', null],
        ['Model registry', null],
      ]),
    ),
    pageState(
      SECOND_ORGANIZATION.id,
      page({
        id: SEED_PAGE_IDS.globex,
        name: 'Globex Status',
        subdomain: 'globex',
        domain: null,
        url: 'https://www.globex.example',
        time_zone: 'Etc/UTC',
      }),
      true,
      {
        position: 'bottom-left',
        incident_background_color: '#222222',
        incident_text_color: '#eeeeee',
        maintenance_background_color: '#444444',
        maintenance_text_color: '#eeeeee',
      },
      components('globex', [
        ['Website', null],
        ['Support desk', null],
      ]),
    ),
  ];
}

const FULL: PageRoleGrant = { page_configuration: true, incident_manager: true, maintenance_manager: true };

/** The owner can do everything; the next 39 users get a deterministic mix; the rest have no page access yet. */
function seedPermissions(userIds: string[]): SandboxState['permissions'] {
  const permissions: SandboxState['permissions'] = {};
  userIds.forEach((userId, index) => {
    if (index === 0) {
      permissions[userId] = { [SEED_PAGE_IDS.cloud]: FULL, [SEED_PAGE_IDS.payments]: FULL, [SEED_PAGE_IDS.labs]: {} };
      return;
    }
    if (index >= 40) return;
    const mapping: Record<string, PageRoleGrant> = {
      [SEED_PAGE_IDS.cloud]: {
        page_configuration: index % 5 === 0,
        incident_manager: index % 2 === 0,
        maintenance_manager: index % 3 === 0,
      },
    };
    if (index % 4 !== 3) {
      mapping[SEED_PAGE_IDS.payments] = {
        page_configuration: false,
        incident_manager: index % 4 === 1,
        maintenance_manager: index % 4 === 2,
      };
    }
    if (index % 3 === 0) mapping[SEED_PAGE_IDS.labs] = {};
    permissions[userId] = mapping;
  });
  return permissions;
}

/** The demo organization's pages in the default seed (Acme Cloud, Acme Payments, Acme Labs). */
export const SEED_PAGE_COUNT = 3;

/** How large the demo organization is: its users and its pages (the three demo pages, then extra ones). */
export interface SeedSize {
  users: number;
  pages: number;
}

export const DEFAULT_SEED_SIZE: SeedSize = { users: SEED_USER_COUNT, pages: SEED_PAGE_COUNT };

export function createSeedState(organizationId: string = DEFAULT_ORGANIZATION_ID, size: SeedSize = DEFAULT_SEED_SIZE): SandboxState {
  if (organizationId === SECOND_ORGANIZATION.id) {
    throw new Error(`organizationId ${organizationId} is reserved for the sandbox's second organization`);
  }
  const users = seedUsers(organizationId, 'acme-cloud.example', size.users);
  const otherUsers = seedUsers(SECOND_ORGANIZATION.id, 'globex.example', 3);
  const pages = seedPages(organizationId);
  const demoPages = pages.filter((page) => page.organization_id === organizationId);
  const extra = extraPages(organizationId, Math.max(0, size.pages - SEED_PAGE_COUNT));
  const userIds = users.map((user) => user.id);
  const permissions = seedPermissions(userIds);
  if (extra.length > 0 || users.length > SEED_USER_COUNT) extraPermissions(permissions, userIds, SEED_USER_COUNT, demoPages, extra);
  return {
    version: 1,
    organizations: [
      { id: organizationId, name: 'Acme Inc.' },
      { id: SECOND_ORGANIZATION.id, name: SECOND_ORGANIZATION.name },
    ],
    pages: [...pages, ...extra],
    users: [...users, ...otherUsers],
    permissions: {
      ...permissions,
      [otherUsers[0]!.id]: { [SEED_PAGE_IDS.globex]: FULL },
    },
    sequence: 0,
  };
}
