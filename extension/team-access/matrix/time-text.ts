/** "12 s", "3 min", "1 h 5 min": a duration as a person reads it. */
export function durationText(ms: number): string {
  const seconds = Math.max(0, Math.round(ms / 1000));
  if (seconds < 60) return `${seconds} s`;
  const minutes = Math.round(seconds / 60);
  if (minutes < 60) return `${minutes} min`;
  return `${Math.floor(minutes / 60)} h ${minutes % 60} min`;
}

/** "just now", "5 min ago": the age of a row's data. */
export function ageText(at: number, now: number): string {
  const ms = now - at;
  return ms < 60_000 ? 'just now' : `${durationText(ms)} ago`;
}
