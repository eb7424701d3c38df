// The card's look options, read from the host's attributes. A value that is not valid is ignored (the
// default applies) and never reaches CSS as text: only numbers parsed here do.

/** `24` (both edges) or `24 96` (side, then bottom or top): whole pixels, 0 to 9999. */
export function parseOffset(value: string | null): { side: number; edge: number } | undefined {
  const match = value?.trim().match(/^(\d{1,4})(?:\s+(\d{1,4}))?$/);
  return match ? { side: Number(match[1]), edge: Number(match[2] ?? match[1]) } : undefined;
}

/** A CSS integer within the 32-bit range the browsers keep. */
export function parseZIndex(value: string | null): number | undefined {
  const trimmed = value?.trim() ?? '';
  const number = /^-?\d{1,10}$/.test(trimmed) ? Number(trimmed) : Number.NaN;
  return Math.abs(number) <= 2147483647 ? number : undefined;
}
