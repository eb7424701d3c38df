import * as z from 'zod/mini';
import type { EmbedSummaryItem } from '../schemas/embed-summary';
import { MAX_REMEMBERED_DISMISSALS } from '../constants';
import { lastActivity, latestUpdate, updateTime } from './active-items';

export { MAX_REMEMBERED_DISMISSALS };

/** What the widget keeps in localStorage: dismissal keys, oldest first. */
export const DismissedKeys = z.array(z.string());

/**
 * `<id>@<time of the latest update>`: dismissing hides this incident until it gets a new update. The time is
 * normalised, so the same instant written with another zone offset gives the same key.
 */
export function dismissalKey(item: EmbedSummaryItem): string {
  const latest = latestUpdate(item);
  // Only a new update brings the card back, not an edit elsewhere in the incident (its updated_at).
  const at = latest ? updateTime(latest) : lastActivity(item);
  return `${item.id}@${at > 0 ? new Date(at).toISOString() : '?'}`;
}

/** Adds `key` (moved to the end if it was already there) and keeps the newest `max` keys. */
export function rememberDismissal(keys: readonly string[], key: string, max = MAX_REMEMBERED_DISMISSALS): string[] {
  return [...keys.filter((known) => known !== key), key].slice(-max);
}

/** Reads what storage held; anything unreadable counts as "nothing dismissed" (never an error on a customer page). */
export function parseDismissedKeys(stored: string | null | undefined): string[] {
  try {
    return DismissedKeys.parse(JSON.parse(stored || '[]')).slice(-MAX_REMEMBERED_DISMISSALS);
  } catch {
    return [];
  }
}
