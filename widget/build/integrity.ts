import { createHash } from 'node:crypto';

/**
 * The Subresource Integrity value of a file's text: `sha384-<base64>`, or `sha256-` for a hash the loader carries
 * (the card stage's: 21 characters fewer in the file every page view loads, and as strong a check).
 */
export const sriHash = (code: string, algorithm: 'sha384' | 'sha256' = 'sha384'): string =>
  `${algorithm}-${createHash(algorithm).update(code, 'utf8').digest('base64')}`;

/** `status-embed-card` -> `status-embed-card-1a2b3c4d5e.js`: a new card is a new URL, so caches never mix versions. */
export const contentName = (stem: string, code: string): string =>
  `${stem}-${createHash('sha256').update(code, 'utf8').digest('hex').slice(0, 10)}.js`;

/**
 * A language file's sha256, base64url: the card stage carries this one string per language and makes both the
 * file's name (`status-embed-locale-de-<digest>.js`) and its `sha256-` integrity from it (localeFile in
 * card-stage/locale-files.ts), so that each language costs the card stage one hash and no more.
 */
export const localeDigest = (code: string): string => createHash('sha256').update(code, 'utf8').digest('base64url');
