import * as z from 'zod/mini';

/** The four corners the embed can sit in, in our canonical spelling. */
export const CORNERS = ['bottom-left', 'bottom-right', 'top-left', 'top-right'] as const;
export type Corner = (typeof CORNERS)[number];

/**
 * The wire spelling is undocumented: copies of the official embed show `bottom-left`, a Terraform
 * provider's tests use `bottom_left`. Both are accepted on the way in and on the way out. (Spelled out rather than
 * spread from CORNERS: the bundler keeps a spread as a possible side effect, so it would stay in the widget.)
 */
export const CORNER_SPELLINGS = [
  'bottom-left',
  'bottom-right',
  'top-left',
  'top-right',
  'bottom_left',
  'bottom_right',
  'top_left',
  'top_right',
] as const;
export const WireCorner = z.enum(CORNER_SPELLINGS, 'must be one of bottom-left, bottom-right, top-left, top-right');

/** Reads either spelling as the same corner; an unknown value gives undefined (callers keep it untouched). */
export function parseCorner(value: unknown): Corner | undefined {
  if (typeof value !== 'string') return undefined;
  const hyphenated = value.trim().toLowerCase().replace('_', '-');
  return (CORNERS as readonly string[]).includes(hyphenated) ? (hyphenated as Corner) : undefined;
}

/** Writes `corner` in the spelling the server used for `previous` (hyphens when that is unknown). */
export function spellCornerLike(corner: Corner, previous: unknown): string {
  return typeof previous === 'string' && previous.includes('_') ? corner.replace('-', '_') : corner;
}
