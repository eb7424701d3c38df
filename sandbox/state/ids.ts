// Statuspage ids are 12 lowercase alphanumerics. The sandbox derives them from a label with a small hash
// so a seed is the same on every run and a restart never reuses an id.

const ALPHABET_SIZE = 36;

/** cyrb53: a fast, well-mixed 53-bit string hash (public domain). */
function cyrb53(text: string, seed: number): number {
  let h1 = 0xdeadbeef ^ seed;
  let h2 = 0x41c6ce57 ^ seed;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return 4294967296 * (2097151 & h2) + (h1 >>> 0);
}

function sixChars(text: string, seed: number): string {
  return (cyrb53(text, seed) % ALPHABET_SIZE ** 6).toString(ALPHABET_SIZE).padStart(6, '0');
}

/** A Statuspage-like id for `label`, e.g. `statuspageId('page:acme-cloud')` -> `'k3v9…'` (always the same). */
export function statuspageId(label: string): string {
  return sixChars(label, 1) + sixChars(label, 2);
}
