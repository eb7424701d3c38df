export interface RetryAfterOptions {
  /** When the header is missing or unreadable: Statuspage's window is 60 s, so waiting one is always enough. */
  defaultMs?: number;
  /** Floor: "Retry-After: 0" straight after a 429 would only draw another one. */
  minMs?: number;
  /** Ceiling: a far-future date or a huge number must not park a request for days. */
  maxMs?: number;
}

const DELTA_SECONDS = /^\d+(?:\.\d+)?$/;
// An HTTP date (RFC 9110: IMF-fixdate, plus the obsolete RFC 850 and asctime forms) always names a
// weekday or month; Date.parse alone would also take strings such as "12" or "2024".
const LOOKS_LIKE_DATE = /(?:mon|tue|wed|thu|fri|sat|sun|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)/i;

/** Milliseconds to wait from a `Retry-After` header: delta seconds or an HTTP date, clamped. */
export function parseRetryAfter(header: string | null | undefined, now: number, options: RetryAfterOptions = {}): number {
  const { defaultMs = 60_000, minMs = 1_000, maxMs = 3_600_000 } = options;
  const clamp = (ms: number) => Math.min(maxMs, Math.max(minMs, Math.ceil(ms)));
  const value = header?.trim() ?? '';
  if (DELTA_SECONDS.test(value)) return clamp(Number(value) * 1000);
  if (LOOKS_LIKE_DATE.test(value)) {
    // HTTP dates are always GMT; the asctime form says so by saying nothing, and Date.parse would read it as local.
    const at = Date.parse(/gmt|utc/i.test(value) ? value : `${value} GMT`);
    if (!Number.isNaN(at)) return clamp(at - now);
  }
  return clamp(defaultMs);
}
