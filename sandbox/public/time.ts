// Statuspage writes public timestamps in the page's time zone with its offset
// ("2026-05-12T22:24:03.618-04:00"; "Z" for UTC, as Rails does). State keeps UTC ISO strings.

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

const pad = (value: number, width = 2) => String(Math.abs(value)).padStart(width, '0');

/** `2026-05-13T18:16:07.136Z` in `America/New_York` -> `2026-05-13T14:16:07.136-04:00`. */
export function formatInZone(isoUtc: string, timeZone: string): string {
  const date = new Date(isoUtc);
  const parts: Record<string, number> = {};
  for (const part of formatterFor(timeZone).formatToParts(date)) {
    if (part.type !== 'literal') parts[part.type] = Number(part.value);
  }
  const milliseconds = date.getUTCMilliseconds();
  const wallClock = Date.UTC(parts.year!, parts.month! - 1, parts.day!, parts.hour!, parts.minute!, parts.second!);
  const offsetMinutes = Math.round((wallClock - (date.getTime() - milliseconds)) / 60_000);
  const offset = offsetMinutes === 0 ? 'Z' : `${offsetMinutes < 0 ? '-' : '+'}${pad(Math.trunc(offsetMinutes / 60))}:${pad(offsetMinutes % 60)}`;
  return (
    `${pad(parts.year!, 4)}-${pad(parts.month!)}-${pad(parts.day!)}T` +
    `${pad(parts.hour!)}:${pad(parts.minute!)}:${pad(parts.second!)}.${pad(milliseconds, 3)}${offset}`
  );
}
