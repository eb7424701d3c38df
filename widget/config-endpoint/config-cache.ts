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

/** SHA-256 of the body, quoted: a strong validator that changes exactly when the served bytes do. */
async function etagOf(body: string): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(body)));
  return `"${[...digest.slice(0, 16)].map((byte) => byte.toString(16).padStart(2, '0')).join('')}"`;
}

/**
 * The last good config and when to ask upstream again. At most one upstream attempt per TTL, whatever
 * happens: concurrent requests share the attempt in flight, a failure waits out the TTL (or the server's
 * Retry-After, if later) like a success does, and the last good config is served meanwhile.
 */
export function createConfigCache({ load, ttlMs, now, onError }: ConfigCacheOptions) {
  let cached: CachedConfig | undefined;
  let nextAttemptAt = 0;
  let inFlight: Promise<CachedConfig | undefined> | undefined;

  async function refresh(): Promise<CachedConfig | undefined> {
    nextAttemptAt = now() + ttlMs;
    try {
      const body = await load();
      cached = { body, etag: await etagOf(body), fetchedAt: now() };
    } catch (error) {
      if (error instanceof RateLimitedError) nextAttemptAt = Math.max(nextAttemptAt, error.retryAt.getTime());
      onError(error);
    }
    return cached;
  }

  return {
    /** The config to serve (undefined while none was ever read), refreshed first when it is due. */
    get(): Promise<CachedConfig | undefined> {
      if (inFlight) return inFlight; // everyone waits for the one attempt under way
      if (now() < nextAttemptAt) return Promise.resolve(cached);
      inFlight = refresh().finally(() => (inFlight = undefined));
      return inFlight;
    },
    /** When the served config may next change: until then a CDN may keep it. */
    expiresAt: () => nextAttemptAt,
  };
}
