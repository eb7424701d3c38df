import * as z from 'zod/mini';

/** The spec's ErrorEntity is `{message}`; real servers also send `{error: string | string[]}`. */
export const ErrorBody = z.looseObject({
  message: z.optional(z.union([z.string(), z.array(z.string())])),
  error: z.optional(z.union([z.string(), z.array(z.string())])),
});
export type ErrorBody = z.infer<typeof ErrorBody>;

/** The most of a server's own words an error keeps: enough to read, and a 5 MB body stays out of messages and logs. */
export const SERVER_MESSAGE_MAX_LENGTH = 1000;
// Raw text (an HTML error page, an unknown JSON shape) is rarely worth more than its start.
const RAW_TEXT_MAX_LENGTH = 500;

/**
 * `text` cut to at most `max` characters with a note of what was left out:
 * "Page not f… (4999990 more characters)". Never longer than `max`, and never splits a surrogate pair.
 */
export function capText(text: string, max: number): string {
  if (text.length <= max) return text;
  // The note for the whole length is at least as long as the final one, so the result fits.
  const room = max - omitted(text.length).length;
  const note = room > 0 ? omitted : () => '…';
  let kept = room > 0 ? room : Math.max(0, max - 1);
  if (isHighSurrogate(text.charCodeAt(kept - 1))) kept--;
  return `${text.slice(0, kept)}${note(text.length - kept)}`;
}

const omitted = (count: number) => `… (${count} more characters)`;
const isHighSurrogate = (code: number) => code >= 0xd800 && code <= 0xdbff;

/** "a; b; c… (and 49997 more)": whole items while they fit, then how many were left out; at most `max` characters. */
function joinCapped(items: readonly string[], max: number): string {
  const note = (count: number) => `… (and ${count} more)`;
  const budget = max - note(items.length).length;
  let joined = '';
  let shown = 0;
  for (const item of items) {
    const next = shown === 0 ? item : `${joined}; ${item}`;
    if (next.length > (shown === items.length - 1 ? max : budget)) break;
    joined = next;
    shown++;
  }
  if (shown === items.length) return joined;
  // Not even the first item fits: show its start.
  if (shown === 0) return items.length === 1 ? capText(items[0] ?? '', max) : `${capText(items[0] ?? '', budget)}${note(items.length - 1)}`;
  return `${joined}${note(items.length - shown)}`;
}

/**
 * The server's own words from an error body, whatever its shape; the raw text when it is not JSON.
 * `clean` runs on the words before they are cut (so a secret is never half cut off and half kept).
 */
export function readErrorMessage(text: string, clean: (words: string) => string = (words) => words): string | undefined {
  const trimmed = text.trim();
  if (!trimmed) return undefined;
  const raw = () => {
    const cleaned = clean(trimmed);
    return cleaned.length > RAW_TEXT_MAX_LENGTH ? `${cleaned.slice(0, RAW_TEXT_MAX_LENGTH)}…` : cleaned;
  };
  let json: unknown;
  try {
    json = JSON.parse(trimmed);
  } catch {
    return raw();
  }
  const parsed = ErrorBody.safeParse(json);
  if (parsed.success) {
    const value = parsed.data.message ?? parsed.data.error;
    if (Array.isArray(value)) return joinCapped(value.map(clean), SERVER_MESSAGE_MAX_LENGTH);
    if (value !== undefined) return capText(clean(value), SERVER_MESSAGE_MAX_LENGTH);
  }
  return raw();
}
