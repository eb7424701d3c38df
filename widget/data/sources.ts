import type * as z from 'zod/mini';
import { PublicEmbedConfig } from '../../shared/schemas/embed-config';
import { EmbedSummary } from '../../shared/schemas/embed-summary';

/**
 * GETs JSON anonymously (no cookies, no auth header: nothing of the visitor's leaves the page), gives up after
 * 10 s, and checks the answer against a shared schema. Any failure rejects; a value that does not fit is never used.
 */
export async function fetchJson<T>(url: string, schema: z.ZodMiniType<T>): Promise<T> {
  const response = await fetch(url, { credentials: 'omit', signal: AbortSignal.timeout(10_000) });
  const parsed = response.ok && schema.safeParse(await response.json());
  if (!parsed || !parsed.success) throw new Error(`unusable answer from ${url}`);
  return parsed.data;
}

/** `https://status.example.com` -> `https://status.example.com/api/v2/summary.json` (a path prefix is kept). */
export const summaryUrl = (statusPage: string): string => new URL('api/v2/summary.json', statusPage.replace(/\/*$/, '/')).href;

export const fetchSummary = (statusPage: string) => fetchJson(summaryUrl(statusPage), EmbedSummary);

export const fetchEmbedConfig = (configUrl: string) => fetchJson(configUrl, PublicEmbedConfig);
