import * as z from 'zod/mini';
import { CORNER_SPELLINGS, CORNERS, type Corner } from '../constants';

export { CORNER_SPELLINGS, CORNERS, type Corner, type CornerSpelling } from '../constants';

/** Either spelling of a corner (the wire's is undocumented: `bottom-left` in the official embed, `bottom_left` elsewhere). */
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
