// The users the admin is looking at (a filter, a search) mid-scan, per connection: the scan reads them next. Kept in
// the worker's memory only: a stopped worker forgets them, and the page says them again as it filters.

/** At most this many: a filter showing more is not "the ones I am looking at", and the message stays small. */
export const READ_FIRST_MAX = 500;

const wanted = new Map<string, readonly string[]>();

export function setReadFirst(connectionId: string, userIds: readonly string[]): void {
  wanted.set(connectionId, userIds.slice(0, READ_FIRST_MAX));
}

export function readFirstOf(connectionId: string): readonly string[] {
  return wanted.get(connectionId) ?? [];
}
