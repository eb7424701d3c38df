/**
 * GETs JSON anonymously (no cookies, no auth header: nothing of the visitor's leaves the page) and gives up
 * after 10 s. Any failure (status, network, not JSON) rejects. What it returns is unchecked: the loader glances
 * at it (loader/quick-check.ts), the card stage validates it with the shared schemas before using it.
 */
export async function fetchJson(url: string): Promise<unknown> {
  const response = await fetch(url, { credentials: 'omit', signal: AbortSignal.timeout(10_000) });
  if (!response.ok) throw new Error(`HTTP ${response.status}: ${url}`);
  return response.json();
}

/** `https://status.example.com` -> `https://status.example.com/api/v2/summary.json` (a path prefix is kept). */
export const summaryUrl = (statusPage: string): string => new URL('api/v2/summary.json', statusPage.replace(/\/*$/, '/')).href;
