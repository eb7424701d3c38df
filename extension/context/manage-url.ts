/**
 * Where the admin is on manage.statuspage.io, read from the tab's URL.
 *
 * The site's URL scheme is not documented: these patterns were read off the address bar and are kept here,
 * in one place, with a test for each (test/unit/extension/manage-url.test.ts). Any other URL gives
 * undefined and the popup falls back to the last used context.
 */
export type PopupTab = 'embed' | 'permissions';

export interface UrlContext {
  tab?: PopupTab;
  pageId?: string;
  organizationId?: string;
  userId?: string;
}

const MANAGE_HOST = 'manage.statuspage.io';
// Statuspage ids are short lowercase alphanumerics (`2vp47kp8vp10`); anything else is not an id.
const ID = '([a-z0-9]{4,32})';
const PAGE = new RegExp(`^/pages/${ID}(?:/(.*))?$`);
const ORGANIZATION = new RegExp(`^/organizations/${ID}(?:/(.*))?$`);
const MEMBER = new RegExp(`^(?:team|users|team-members|members)/${ID}(?:/.*)?$`);

export function contextFromManageUrl(url: string | undefined): UrlContext | undefined {
  if (!url) return undefined;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return undefined;
  }
  if (parsed.protocol !== 'https:' || parsed.hostname !== MANAGE_HOST) return undefined;
  const path = parsed.pathname.replace(/\/+$/, '');

  const page = PAGE.exec(path);
  if (page) {
    const pageId = page[1]!;
    const rest = page[2] ?? '';
    return /^status-embed(?:\/|$)/.test(rest) ? { tab: 'embed', pageId } : { pageId };
  }

  const organization = ORGANIZATION.exec(path);
  if (organization) {
    const member = MEMBER.exec(organization[2] ?? '');
    return member
      ? { tab: 'permissions', organizationId: organization[1]!, userId: member[1]! }
      : { tab: 'permissions', organizationId: organization[1]! };
  }
  return undefined;
}

/** The context the popup starts in: what the URL names, the last used context for the rest. */
export function startingContext(fromUrl: UrlContext | undefined, lastUsed: UrlContext): UrlContext {
  if (!fromUrl) return lastUsed;
  return {
    tab: fromUrl.tab ?? lastUsed.tab,
    pageId: fromUrl.pageId ?? lastUsed.pageId,
    organizationId: fromUrl.organizationId,
    userId: fromUrl.userId ?? lastUsed.userId,
  };
}
