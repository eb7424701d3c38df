import type { Corner } from '../schemas/corner';
import type { EmbedSummary } from '../schemas/embed-summary';
import { activeItems, type ActiveItem } from './active-items';
import { resolveEmbedConfig, type EmbedConfigLike } from './config';
import { dismissalKey } from './dismissal';
import { formatMaintenanceWindow, type DateFormatOptions } from './maintenance-window';
import { safeHttpUrl } from './safe-url';

/** Everything the card renders, computed ahead: the component only lays it out. */
export interface EmbedView {
  kind: 'incident' | 'maintenance';
  id: string;
  /** The item's own status (`monitoring`, `in_progress`, ...), as summary.json has it. */
  status: string;
  /** Its impact (`none`, `minor`, `major`, `critical`, `maintenance`), or null when summary.json gives none. */
  impact: string | null;
  /** "Incident · Monitoring", "Maintenance · In progress". */
  label: string;
  name: string;
  /** The latest update's text (an incident), or the window in the visitor's locale and zone (a maintenance). */
  detail: string;
  /** The item's shortlink, else the status page; always an absolute http(s) URL. */
  href: string;
  /** Other active items, shown as "+N more" linking to the status page (null when there are none). */
  more: { count: number; href: string } | null;
  corner: Corner;
  /** Validated `#rrggbb` colours for this kind. */
  colours: { background: string; text: string };
  /** Pass to `rememberDismissal` when the visitor dismisses the card. */
  dismissKey: string;
}

export interface EmbedViewOptions extends DateFormatOptions {
  /** Dismissal keys the visitor has stored; a dismissed item is skipped. */
  dismissed?: readonly string[];
  /** The status page the widget was pointed at (preferred to the summary's own `page.url`). */
  statusPageUrl?: string;
  /** Component ids: only an item affecting one of them is shown or counted (all items when absent). */
  components?: readonly string[];
  /** Fields laid over `config` (a site's attributes): each one the card may use wins, the others are ignored. */
  overrides?: EmbedConfigLike | null;
  /** The card's words in another language: the kind of event and the statuses (English by default). */
  words?: EmbedWords;
}

/**
 * Words the view puts in the label ("Incident · Monitoring") and in a detail that has no update text. A status
 * the words leave out (English, or one Atlassian adds later) is shown as summary.json spells it ("In progress").
 */
export interface EmbedWords {
  incident: string;
  maintenance: string;
  statuses?: Readonly<Record<string, string>>;
}

/**
 * Longest update text and name the card carries, in characters: more than the card shows (four and three lines,
 * clamped with "Read more"), cut before any layout, so a 5 MB name or update costs the page no long task and
 * keeps the live region short.
 */
export const MAX_DETAIL_LENGTH = 280;
export const MAX_NAME_LENGTH = 200;

/**
 * `text` cut to at most `max` characters with an ellipsis, never inside a character (a surrogate pair stays
 * whole). Only the first `max` code units are looked at, however long `text` is.
 */
export function cutText(text: string, max: number): string {
  if (text.length <= max) return text;
  let end = max - 1;
  const last = text.charCodeAt(end - 1);
  if (last >= 0xd800 && last <= 0xdbff) end -= 1; // a pair's first half: the pair goes
  return `${text.slice(0, end).trimEnd()}…`;
}

/** `in_progress` -> "In progress" (also for statuses Atlassian may add later). */
export const statusLabel = (status: string) => status.charAt(0).toUpperCase() + status.slice(1).replace(/_/g, ' ');

const ENGLISH: EmbedWords = { incident: 'Incident', maintenance: 'Maintenance' };

function describe({ kind, item, latest }: ActiveItem, options: DateFormatOptions, status: string): string {
  const window = kind === 'maintenance' ? formatMaintenanceWindow(item.scheduled_for, item.scheduled_until, options) : undefined;
  // Cut before trimming: trim() copies the whole string, and a body may be megabytes.
  const body = latest?.body ?? '';
  const start = Math.max(body.search(/\S/), 0);
  const text = cutText(body.slice(start, start + MAX_DETAIL_LENGTH * 2).trimEnd(), MAX_DETAIL_LENGTH);
  return window ?? (text || status);
}

/**
 * What the card shows for a summary and a config, or null for "show nothing": no unresolved incident, no
 * maintenance under way, or every one of them dismissed. Hostile values stay data: colours that are not
 * `#hex` and links that are not http(s) are replaced; names and texts are returned as plain strings.
 */
export function computeEmbedView(
  summary: EmbedSummary | undefined | null,
  config: EmbedConfigLike | undefined | null,
  options: EmbedViewOptions = {},
): EmbedView | null {
  if (!summary) return null;
  const dismissed = options.dismissed ?? [];
  const words = options.words ?? ENGLISH;
  const [shown, ...others] = activeItems(summary, options.components).filter((active) => !dismissed.includes(dismissalKey(active.item)));
  const statusPage = safeHttpUrl(options.statusPageUrl) ?? safeHttpUrl(summary.page.url);
  const href = safeHttpUrl(shown?.item.shortlink) ?? statusPage;
  if (!shown || !href) return null; // nothing to show, or nowhere safe to link: no card rather than a broken one
  const resolved = resolveEmbedConfig(options.overrides, config);
  const { kind, item } = shown;
  const status = words.statuses?.[item.status] ?? statusLabel(item.status);
  const impact: unknown = (item as { impact?: unknown }).impact; // passed through by the loose schema, unchecked
  return {
    kind,
    id: item.id,
    status: item.status,
    impact: typeof impact === 'string' ? impact : null,
    label: `${words[kind]} · ${status}`,
    name: cutText(item.name, MAX_NAME_LENGTH),
    detail: describe(shown, options, status),
    href,
    more: others.length ? { count: others.length, href: statusPage ?? href } : null,
    corner: resolved.position,
    colours: { background: resolved[`${kind}_background_color`], text: resolved[`${kind}_text_color`] },
    dismissKey: dismissalKey(item),
  };
}
