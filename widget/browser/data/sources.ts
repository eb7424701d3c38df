/**
 * GETs a text (summary.json, the config) anonymously (no cookies, no auth header: nothing of the visitor's leaves the page) and gives up
 * after 10 s. Any failure (status, network) rejects. `cache: 'no-cache'` has the browser ask again with the
 * validators it holds (`If-None-Match`, `If-Modified-Since`; the summary's and the config endpoint's) and answer
 * a 304 from its cache; sent by the browser, they need no CORS preflight, as headers set here would. What it
 * returns is unchecked: the loader glances at it (loader/quick-check.ts), the card stage validates it.
 */
export async function fetchText(url: string): Promise<string> {
  const response = await fetch(url, { credentials: 'omit', cache: 'no-cache', signal: AbortSignal.timeout(10_000) });
  if (!response.ok) throw new Error(`HTTP ${response.status}: ${url}`);
  return response.text();
}

/** `https://status.example.com` -> `https://status.example.com/api/v2/summary.json` (a path prefix is kept). */
export const summaryUrl = (statusPage: string): string => new URL('api/v2/summary.json', statusPage.replace(/\/*$/, '/')).href;
