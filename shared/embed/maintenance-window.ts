export interface DateFormatOptions {
  /** BCP 47 locale; the runtime's (the visitor's) when absent. */
  locale?: string;
  /** IANA zone; the runtime's (the visitor's) when absent. */
  timeZone?: string;
}

const date = (value: string | null | undefined) => new Date(value ?? NaN);

/** "May 13, 2:16 – 2:17 PM EDT" in the visitor's locale and zone; undefined when the start is unknown. */
export function formatMaintenanceWindow(
  start: string | null | undefined,
  end: string | null | undefined,
  { locale, timeZone }: DateFormatOptions = {},
): string | undefined {
  const from = date(start);
  const until = date(end);
  if (!(from.getTime() >= 0)) return undefined;
  const format = new Intl.DateTimeFormat(locale, {
    month: 'short',
    day: 'numeric',
    hour: 'numeric',
    minute: '2-digit',
    timeZoneName: 'short',
    timeZone,
  });
  return until >= from ? format.formatRange(from, until) : format.format(from);
}
