export const DEFAULT_API_BASE_URL = 'https://api.statuspage.io/v1';

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]']);

/**
 * A typed-in API base URL, checked and tidied: https (plain http only on this machine, for a local sandbox),
 * no credentials, query or fragment, no trailing slash. Throws an Error whose message says what is wrong.
 */
export function normalizeApiBaseUrl(input: string): string {
  const text = input.trim();
  if (!text) return DEFAULT_API_BASE_URL;
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new Error('Enter a full URL, such as https://api.statuspage.io/v1');
  }
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && LOOPBACK.has(url.hostname))) {
    throw new Error('The API base URL must use https (plain http only for 127.0.0.1 or localhost)');
  }
  if (url.username || url.password) throw new Error('Leave user name and password out of the URL');
  if (url.search || url.hash) throw new Error('Leave ?query and #fragment out of the URL');
  return `${url.origin}${url.pathname.replace(/\/+$/, '')}`;
}

/** The host permission a base URL needs, as a match pattern (any port). */
export function originPattern(apiBaseUrl: string): string {
  const url = new URL(apiBaseUrl);
  return `${url.protocol}//${url.hostname}/*`;
}

/** The store build's only host permission: every other API origin is asked for when it is set. */
export const DEFAULT_API_ORIGIN_PATTERN = 'https://api.statuspage.io/*';
