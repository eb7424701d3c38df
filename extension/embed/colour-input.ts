/** A colour as typed or pasted, read for what was meant: `#c0392b`, or why it is not a colour. */
export type ColourInput = { ok: true; hex: string } | { ok: false; reason: string };

const HEX = /^#?([0-9a-f]{3}|[0-9a-f]{6})$/i;

/**
 * Design tools copy hex without `#` (`c0392b`), a paste brings spaces along (` #C0392B `), and `#abc` is short for
 * `#aabbcc`: all are the colour meant, written `#rrggbb`. Anything else (a CSS name, an expression, a half-typed
 * value) is refused with the reason, never cut down to something it was not.
 */
export function readColourInput(text: string): ColourInput {
  const trimmed = text.trim();
  const match = HEX.exec(trimmed);
  if (match) {
    const digits = match[1]!.toLowerCase();
    return { ok: true, hex: `#${digits.length === 3 ? [...digits].map((digit) => digit + digit).join('') : digits}` };
  }
  if (!trimmed) return { ok: false, reason: 'Enter a colour, such as #c0392b' };
  const digits = trimmed.replace(/^#/, '');
  if (/^[0-9a-f]*$/i.test(digits)) {
    return { ok: false, reason: `${digits.length} hex ${digits.length === 1 ? 'digit' : 'digits'}: a colour has 3 or 6, such as #c0392b` };
  }
  return {
    ok: false,
    reason: `"${trimmed.length > 24 ? `${trimmed.slice(0, 24)}…` : trimmed}" is not a hex colour: write 3 or 6 hex digits, such as #c0392b`,
  };
}

/** The colour meant, or undefined. */
export const colourOf = (text: string | null | undefined): string | undefined => {
  if (typeof text !== 'string') return undefined;
  const read = readColourInput(text);
  return read.ok ? read.hex : undefined;
};
