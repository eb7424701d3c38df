/** The selection is a set of user ids (never row positions): it stays with its people while rows move or update. */
export function withSelected(selected: ReadonlySet<string>, userIds: Iterable<string>, on: boolean): ReadonlySet<string> {
  const next = new Set(selected);
  for (const id of userIds) {
    if (on) next.add(id);
    else next.delete(id);
  }
  return next;
}
