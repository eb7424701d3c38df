import { normalizeHexColour } from '../../shared/schemas';

/** WCAG 2.x AA for normal text: text and its background need at least 4.5:1. */
export const WCAG_AA_NORMAL_TEXT = 4.5;

function channel(value: number): number {
  const srgb = value / 255;
  return srgb <= 0.04045 ? srgb / 12.92 : ((srgb + 0.055) / 1.055) ** 2.4;
}

/** WCAG relative luminance of a `#rgb`/`#rrggbb` colour; undefined for anything else. */
export function relativeLuminance(colour: string): number | undefined {
  const hex = normalizeHexColour(colour);
  if (!hex) return undefined;
  const [r, g, b] = [1, 3, 5].map((start) => channel(Number.parseInt(hex.slice(start, start + 2), 16)));
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
}

/** The WCAG contrast ratio (1 to 21) of two colours, whichever is lighter; undefined if either is not a hex colour. */
export function contrastRatio(first: string, second: string): number | undefined {
  const a = relativeLuminance(first);
  const b = relativeLuminance(second);
  if (a === undefined || b === undefined) return undefined;
  const [lighter, darker] = a >= b ? [a, b] : [b, a];
  return (lighter + 0.05) / (darker + 0.05);
}

/** "3.2:1", rounded down so that a ratio shown as 4.5:1 really passes. */
export function formatRatio(ratio: number): string {
  return `${(Math.floor(ratio * 10) / 10).toFixed(1)}:1`;
}
