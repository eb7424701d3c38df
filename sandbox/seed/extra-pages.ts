import { statuspageId } from '../state/ids';
import { components, page, pageState } from './records';
import type { EmbedConfigRecord, PageRoleGrant, PageState, SandboxState } from '../state/types';

// A larger organization on demand (SANDBOX_PAGES, SANDBOX_USERS): pages beyond the three demo pages and
// permissions for them and for users beyond the seeded 137, all derived from their index (no randomness), so
// a benchmark or a test sees the same organization on every run. Nothing here runs for the default seed.

/** Every seventh extra page has no role based access control (maps to `{}`), like Acme Labs. */
const WITHOUT_RBAC_EVERY = 7;

const PRODUCTS = ['Search', 'Mail', 'Analytics', 'Storage', 'Messaging', 'Identity', 'Billing', 'Maps', 'Video', 'Edge'];
const ZONES = ['Etc/UTC', 'America/Los_Angeles', 'Europe/London', 'Asia/Tokyo', 'Australia/Sydney', 'America/Sao_Paulo', 'Africa/Lagos'];
const COMPONENT_NAMES = ['API', 'Dashboard', 'Workers', 'Database', 'Notifications', 'Status webhooks'];
const POSITIONS = ['bottom-left', 'bottom_right', 'top-left', 'top_right'];
const COLOURS = ['#c0392b', '#1f6feb', '#2d7d46', '#8250df', '#bf8700', '#0b5394'];

const FULL: PageRoleGrant = { page_configuration: true, incident_manager: true, maintenance_manager: true };

/** Extra page `n` (1, 2, …): `Acme Search`, …, then `Acme Search 2`…, ids and subdomains that follow. */
export function extraPages(organizationId: string, count: number): PageState[] {
  return Array.from({ length: count }, (_, index) => {
    const n = index + 1;
    const round = Math.floor(index / PRODUCTS.length);
    const name = `Acme ${PRODUCTS[index % PRODUCTS.length]}${round > 0 ? ` ${round + 1}` : ''}`;
    const slug = name.toLowerCase().replace(/\s+/g, '-');
    const embed: EmbedConfigRecord = {
      position: POSITIONS[index % POSITIONS.length]!,
      incident_background_color: COLOURS[index % COLOURS.length]!,
      incident_text_color: '#ffffff',
      maintenance_background_color: COLOURS[(index + 3) % COLOURS.length]!,
      maintenance_text_color: '#ffffff',
    };
    return pageState(
      organizationId,
      page({ id: statuspageId(`page:extra:${n}`), name, subdomain: slug, domain: null, url: null, time_zone: ZONES[index % ZONES.length]! }),
      n % WITHOUT_RBAC_EVERY !== 0,
      embed,
      components(
        `extra:${n}`,
        COMPONENT_NAMES.slice(0, 2 + (index % 4)).map((component) => [component, null]),
      ),
    );
  });
}

const grantOn = (page: PageState, grant: PageRoleGrant): PageRoleGrant => (page.role_based_access_control ? grant : {});

/**
 * Adds to `permissions` (in place): the owner gets every extra page; users 1-39 (the seeded mix) some of them;
 * users beyond the seeded ones, two in three, a role or two on a demo page and on one extra page.
 */
export function extraPermissions(
  permissions: SandboxState['permissions'],
  userIds: string[],
  seededUserCount: number,
  demoPages: PageState[],
  extra: PageState[],
): void {
  userIds.forEach((userId, index) => {
    if (index === 0) {
      for (const page of extra) permissions[userId]![page.page.id] = grantOn(page, FULL);
      return;
    }
    if (index < 40) {
      extra.forEach((page, k) => {
        if ((index + k) % 3 !== 0) return;
        permissions[userId]![page.page.id] = grantOn(page, {
          page_configuration: (index + k) % 5 === 0,
          incident_manager: index % 2 === 0,
          maintenance_manager: (index + k) % 2 === 0,
        });
      });
      return;
    }
    if (index < seededUserCount || index % 3 === 1) return;
    const mapping: Record<string, PageRoleGrant> = {};
    const demo = demoPages[index % demoPages.length]!;
    mapping[demo.page.id] = grantOn(demo, { page_configuration: false, incident_manager: index % 2 === 0, maintenance_manager: index % 2 === 1 });
    if (extra.length > 0) {
      const page = extra[index % extra.length]!;
      mapping[page.page.id] = grantOn(page, { page_configuration: index % 9 === 0, incident_manager: true, maintenance_manager: index % 4 === 0 });
    }
    permissions[userId] = mapping;
  });
}
