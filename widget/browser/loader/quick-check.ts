// The loader's glance at summary.json: is anything active, for these components, and not dismissed? Hand-written
// (no zod: this runs on every page view) and never throws. It must agree with shared/embed (activeItems,
// dismissalKey): test/unit/widget/quick-check.test.ts compares them on every fixture. When in doubt it says yes,
// and the card stage, which validates fully, decides.

import { ACTIVE_INCIDENT_STATUSES, ACTIVE_MAINTENANCE_STATUSES } from '../../../shared/constants';

// biome-ignore lint/suspicious/noExplicitAny: unchecked JSON, every access below is guarded
type Loose = any;

// Not a string: Date.parse reads it as its text. Such a summary fails the card stage's schema anyway; here it can only mean "load the card".
// No time (or one before 1970) is 0: the key says `?` for any time that is not after 1970, as shared/embed's does.
const time = (value: unknown): number => Date.parse(value as string) || 0;

/** The same key as shared/embed's `dismissalKey`: `<id>@<time of the latest update>`. */
export function quickDismissalKey(item: Loose): string {
  const updates: Loose[] = [].concat(item.incident_updates ?? []); // a list stays a list (anything else: not a valid summary)
  let at = updates[0] ? 0 : time(item.updated_at ?? item.created_at);
  for (const update of updates) at = Math.max(at, time(update?.display_at), time(update?.created_at));
  return `${item.id}@${at > 0 ? new Date(at).toISOString() : '?'}`;
}

/**
 * Whether the card stage is needed: an active item affecting one of `components` (any, when undefined), not
 * dismissed. Reads JSON values only (no getters, no proxies), guarded at each step: it cannot throw.
 */
export function needsCard(summary: Loose, components: readonly string[] | undefined, dismissed: readonly unknown[]): boolean {
  // `?.some?.(`: a JSON value has a `some` method only when it is a list.
  const active = (items: Loose, statuses: readonly string[]) =>
    items?.some?.(
      (item: Loose) =>
        item &&
        statuses.includes(item.status) &&
        (!components || item.components?.some?.((component: Loose) => components.includes(component?.id))) &&
        !dismissed.includes(quickDismissalKey(item)),
    );
  return !!(active(summary?.incidents, ACTIVE_INCIDENT_STATUSES) || active(summary?.scheduled_maintenances, ACTIVE_MAINTENANCE_STATUSES));
}

/** `components="abc123, def456"` -> the ids; undefined when there is no such attribute or it is not such a list. */
export function parseComponents(value: string | null): string[] | undefined {
  const ids = value?.split(',').map((id) => id.trim());
  return ids?.every((id) => /^[\w-]{1,64}$/.test(id)) ? ids : undefined;
}
