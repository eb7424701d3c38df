import { ACTIVE_INCIDENT_STATUSES, ACTIVE_MAINTENANCE_STATUSES } from '../constants';
import type { EmbedSummary, EmbedSummaryItem } from '../schemas/embed-summary';

type Update = EmbedSummaryItem['incident_updates'][number];

export interface ActiveItem {
  kind: 'incident' | 'maintenance';
  item: EmbedSummaryItem;
  latest: Update | undefined;
  /** When it last changed (ms), for "most recent first". */
  at: number;
}

const time = (value: string | null | undefined): number => Date.parse(value ?? '') || -Infinity;

/** When an update was shown to the public (display_at can be back-dated), else when it was written. */
export const updateTime = (update: Update): number => Math.max(time(update.display_at), time(update.created_at));

/** The newest update, whatever order the server listed them in (it says newest first; we do not rely on it). */
export function latestUpdate(item: EmbedSummaryItem): Update | undefined {
  let latest: Update | undefined;
  for (const update of item.incident_updates) if (!latest || updateTime(update) > updateTime(latest)) latest = update;
  return latest;
}

/** The moment an item last changed: its latest update, else its own timestamps. */
export function lastActivity(item: EmbedSummaryItem, latest = latestUpdate(item)): number {
  return latest ? updateTime(latest) : time(item.updated_at ?? item.created_at);
}

/**
 * Whether an item concerns one of `components` (ids): summary.json lists the affected components per incident.
 * Without a filter every item counts; an item that lists none never matches a filter.
 */
export function affectsComponents(item: EmbedSummaryItem, components: readonly string[] | undefined): boolean {
  if (!components) return true;
  const listed: unknown = (item as { components?: unknown }).components; // passed through by the loose schema, unchecked
  return Array.isArray(listed) && listed.some((component) => components.includes((component as { id?: unknown } | null)?.id as string));
}

function pick(kind: ActiveItem['kind'], items: EmbedSummaryItem[], statuses: readonly string[], components?: readonly string[]): ActiveItem[] {
  return items
    .filter((item) => statuses.includes(item.status) && affectsComponents(item, components))
    .map((item) => {
      const latest = latestUpdate(item);
      return { kind, item, latest, at: lastActivity(item, latest) };
    })
    .sort((a, b) => b.at - a.at);
}

/**
 * What the card may show, in the order it shows them: unresolved incidents first, then maintenances under way;
 * within each, the most recently updated first. Scheduled (not started) maintenances and resolved incidents are left out,
 * and so is an item that affects none of `components` when they are given.
 */
export function activeItems(summary: EmbedSummary, components?: readonly string[]): ActiveItem[] {
  return [
    ...pick('incident', summary.incidents, ACTIVE_INCIDENT_STATUSES, components),
    ...pick('maintenance', summary.scheduled_maintenances, ACTIVE_MAINTENANCE_STATUSES, components),
  ];
}
