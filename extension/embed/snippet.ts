import { statusPageUrl, type Page } from '../../shared/schemas';

const HOSTNAME = /^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)+$/i;

/**
 * The script tag that puts Statuspage's own status embed on a site (the embed config this tab edits is
 * what it shows). Undefined when the page has no domain or subdomain to load it from, or when that is not
 * a plain host name: the admin pastes this into their own site, so nothing else may reach it.
 */
export function embedSnippet(page: Pick<Page, 'domain' | 'subdomain'>): string | undefined {
  const origin = statusPageUrl(page);
  if (!origin) return undefined;
  const host = origin.slice('https://'.length);
  return HOSTNAME.test(host) ? `<script src="https://${host.toLowerCase()}/embed/script.js"></script>` : undefined;
}
