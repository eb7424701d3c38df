import { RateLimitedError } from '../../shared/client/http-errors';

export interface CachedConfig {
  /** The JSON served: the five public fields only. */
  body: string;
  /** A strong ETag of `body`. */
  etag: string;
  /** When it came from upstream (ms since the epoch). */
  fetchedAt: number;
}

export interface ConfigCacheOptions {
  /** Reads the config upstream and returns the body to serve. */
  load: () => Promise<string>;
  ttlMs: number;
  now: () => number;
  onError: (error: unknown) => void;
}

/** The longest wait between attempts while upstream keeps failing (or the TTL, if longer). */
export const MAX_BACKOFF_MS = 10 * 60_000;

/**
 * When a rate-limited upstream said to try again (ms since the epoch), else 0. Also read by name: the published
 * package bundles its own copy of the client, so a `client` from @statuspage-toolkit/client throws another class.
 */
function retryAtOf(error: unknown): number {
  if (error instanceof RateLimitedError) return error.retryAt.getTime();
  const named = error as { name?: unknown; retryAt?: unknown } | null;
  return named?.name === 'RateLimitedError' && named.retryAt instanceof Date ? named.retryAt.getTime() : 0;
}

/** SHA-256 of the body, quoted: a strong validator that changes exactly when the served bytes do. */
async function etagOf(body: string): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(body)));
  return `"${[...digest.slice(0, 16)].map((byte) => byte.toString(16).padStart(2, '0')).join('')}"`;
}

/**
 * The last good config and when to ask upstream again, stale-while-revalidate: once a config is held, every
 * request gets it at once, and a due refresh runs behind it (one at a time). At most one upstream attempt per
 * TTL, whatever happens: a failure keeps the held config and backs off (the TTL doubled per failure in a row,
 * up to MAX_BACKOFF_MS, or the server's Retry-After if later). Only while none was ever read do requests wait,
 * sharing the one attempt in flight.
 */
export function createConfigCache({ load, ttlMs, now, onError }: ConfigCacheOptions) {
  let cached: CachedConfig | undefined;
  let nextAttemptAt = 0;
  let failures = 0;
  let inFlight: Promise<CachedConfig | undefined> | undefined;

  async function refresh(): Promise<CachedConfig | undefined> {
    nextAttemptAt = now() + ttlMs;
    try {
      const body = await load();
      cached = { body, etag: await etagOf(body), fetchedAt: now() };
      failures = 0;
    } catch (error) {
      failures += 1;
      const backoff = Math.min(ttlMs * 2 ** (failures - 1), Math.max(ttlMs, MAX_BACKOFF_MS));
      nextAttemptAt = Math.max(nextAttemptAt, now() + backoff, retryAtOf(error));
      onError(error);
    }
    return cached;
  }

  return {
    /** The config to serve (undefined while none was ever read); starts a refresh when one is due. */
    get(): Promise<CachedConfig | undefined> {
      if (!inFlight && now() >= nextAttemptAt) inFlight = refresh().finally(() => (inFlight = undefined));
      return cached ? Promise.resolve(cached) : (inFlight ?? Promise.resolve(undefined));
    },
    /** When the served config may next change: until then a CDN may keep it. */
    expiresAt: () => nextAttemptAt,
    /** The refresh under way, if any (tests, and a runtime that must keep it alive past the response: waitUntil). */
    pending: (): Promise<unknown> | undefined => inFlight,
  };
}
