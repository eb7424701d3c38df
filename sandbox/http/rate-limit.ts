import type { MiddlewareHandler } from 'hono';
import { presentedKey } from './auth';
import type { RateLimitSettings } from '../config';
import { SandboxHttpError } from '../errors';
import type { SandboxEnv } from '../hono-env';

// "1 request / second as measured on a 60 second rolling window" per token, here `limit` per `windowMs`.
// Only accepted requests fill the window: a client that retries too early is refused again, but its
// refusals do not push its next allowed moment further away (Retry-After stays truthful).

export type RateDecision = { allowed: true } | { allowed: false; retryAfterSeconds: number };

export class RateLimiter {
  readonly #accepted = new Map<string, number[]>();

  constructor(
    private readonly settings: () => RateLimitSettings,
    private readonly now: () => number = Date.now,
  ) {}

  /** Counts one request for `key` if the window has room. */
  take(key: string): RateDecision {
    const { limit, windowMs } = this.settings();
    const now = this.now();
    const times = (this.#accepted.get(key) ?? []).filter((time) => time > now - windowMs);
    if (times.length >= limit) {
      this.#accepted.set(key, times);
      // The window frees a slot when the oldest of the last `limit` accepted requests leaves it.
      const freesAt = times[times.length - limit]! + windowMs;
      return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((freesAt - now) / 1000)) };
    }
    times.push(now);
    this.#accepted.set(key, times);
    return { allowed: true };
  }

  clear(): void {
    this.#accepted.clear();
  }
}

/** Applies `limiter` per API key (after authentication, so unknown keys never fill a window). */
export function rateLimit(limiter: RateLimiter, settings: () => RateLimitSettings): MiddlewareHandler<SandboxEnv> {
  return async (c, next) => {
    const decision = limiter.take(presentedKey(c.req.raw) ?? '');
    if (!decision.allowed) {
      const { status, limit, windowMs } = settings();
      throw new SandboxHttpError(
        status,
        `Rate limit exceeded: at most ${limit} requests per ${windowMs / 1000} seconds. Retry in ${decision.retryAfterSeconds} s.`,
        { 'retry-after': String(decision.retryAfterSeconds) },
      );
    }
    await next();
  };
}
