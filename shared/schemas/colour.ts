import * as z from 'zod/mini';

/** `#rgb` or `#rrggbb`: the only colour syntax we ever write or render (never a CSS expression). */
export const HEX_COLOUR = /^#(?:[0-9a-f]{3}|[0-9a-f]{6})$/i;

export const HexColour = /* @__PURE__ */ z.string().check(z.regex(HEX_COLOUR, 'must be a colour written #rgb or #rrggbb'));
export type HexColour = z.infer<typeof HexColour>;

/** `#AbC` -> `#aabbcc`; anything that is not a hex colour -> undefined (so it can never reach CSS). */
export function normalizeHexColour(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const trimmed = value.trim();
  if (!HEX_COLOUR.test(trimmed)) return undefined;
  const hex = trimmed.slice(1).toLowerCase();
  return hex.length === 3 ? `#${[...hex].map((c) => c + c).join('')}` : `#${hex}`;
}
