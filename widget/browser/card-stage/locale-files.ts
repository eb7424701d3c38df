// A language's file, from the one digest the card stage carries for it (widget/build/integrity.ts, localeDigest):
// the name holds the digest (a new text is a new URL, so caches never mix versions) and so does the integrity.

/** `de` and a base64url sha256 -> the file's name and its Subresource Integrity value. */
export function localeFile(language: string, digest: string): [file: string, integrity: string] {
  return [`status-embed-locale-${language}-${digest}.js`, `sha256-${digest.replace(/-/g, '+').replace(/_/g, '/')}=`];
}
