import { DEFAULT_EMBED_CONFIG } from '../../shared/embed/defaults';
import { COLOUR_FIELDS, type EmbedConfigField, parseCorner, type PublicEmbedConfig } from '../../shared/schemas';
import { colourOf } from './colour-input';
import type { WidgetRelease } from './widget-release';

const CDN = 'https://cdn.jsdelivr.net/npm';
const HOSTNAME = /^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)+(?::\d{1,5})?$/i;
const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
const attribute = (value: string) => value.replace(/[&<>"']/g, (char) => ESCAPES[char]!);

/** `https://cdn.jsdelivr.net/npm/<package>@<version>/`: the folder the loader and its card stage come from. */
export const widgetDirectory = (release: WidgetRelease): string =>
  `${CDN}/${release.packageName}@${release.version}/${release.file.replace(/[^/]*$/, '')}`;

/** `https://status.example.com`, or undefined when the page's status site is not a plain host name. */
export function statusSiteOrigin(statusPageUrl: string | undefined): string | undefined {
  const host = statusPageUrl?.replace(/^https:\/\//, '');
  return host && HOSTNAME.test(host) ? `https://${host.toLowerCase()}` : undefined;
}

/** The corner and four colours as the widget reads them: a known corner in hyphens, `#rrggbb`, else the card's default. */
function widgetValues(config: PublicEmbedConfig): Record<EmbedConfigField, string> {
  const values: Record<string, string> = { position: parseCorner(config.position) ?? DEFAULT_EMBED_CONFIG.position };
  for (const field of COLOUR_FIELDS) values[field] = colourOf(config[field]) ?? DEFAULT_EMBED_CONFIG[field];
  return values as Record<EmbedConfigField, string>;
}

export interface WidgetSnippetInput {
  release: WidgetRelease;
  /** The page's status site (`statusSiteOrigin`). */
  statusSite: string;
  /** The corner and colours to pin in the tag (the page's saved config, or a draft's). */
  config: PublicEmbedConfig;
  /** A config endpoint the site runs: the card then reads corner and colours from it (the tag's values stay as overrides). */
  configUrl?: string;
}

/**
 * This project's script tag for one page: the loader pinned to an exact version on the CDN with its integrity
 * hash, the page's status site, and its corner and colours. Every value is checked (hex, a known corner, https
 * origins) and escaped: the admin pastes this into their own site.
 */
export function widgetSnippet({ release, statusSite, config, configUrl }: WidgetSnippetInput): string {
  const values = widgetValues(config);
  const attributes = [
    `async`,
    `src="${attribute(`${widgetDirectory(release)}${release.file.split('/').pop()}`)}"`,
    `integrity="${attribute(release.integrity)}"`,
    `crossorigin="anonymous"`,
    `data-status-page="${attribute(statusSite)}"`,
    ...(configUrl ? [`data-config-url="${attribute(configUrl)}"`] : []),
    `data-position="${values.position}"`,
    ...COLOUR_FIELDS.map((field) => `data-${field.replace(/_/g, '-')}="${values[field]}"`),
  ];
  return `<script ${attributes.join(' ')}></script>`;
}

/** The Content-Security-Policy lines a site needs for the snippet: the widget's folder, and what it reads. */
export function widgetCspLines(release: WidgetRelease, statusSite: string, configUrl?: string): string[] {
  let configOrigin: string | undefined;
  try {
    configOrigin = configUrl ? new URL(configUrl).origin : undefined;
  } catch {
    configOrigin = undefined;
  }
  return [
    `script-src ${widgetDirectory(release)}`,
    `connect-src ${[statusSite, ...(configOrigin && configOrigin !== statusSite ? [configOrigin] : [])].join(' ')}`,
  ];
}

/** A config endpoint URL worth putting in a snippet: https (http only on this machine), no credentials. */
export function checkConfigUrl(text: string): { url: string } | { problem: string } {
  let url: URL;
  try {
    url = new URL(text.trim());
  } catch {
    return { problem: 'Enter the full address of your config endpoint, such as https://www.example.com/embed-config' };
  }
  const local = url.hostname === '127.0.0.1' || url.hostname === 'localhost';
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && local)) return { problem: 'The config endpoint must be served over https' };
  if (url.username || url.password) return { problem: 'No user name or password in the address' };
  return { url: url.href };
}
