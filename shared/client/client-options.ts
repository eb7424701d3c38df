import { SlidingWindowLimiter, systemClock, type Clock, type RateLimiter } from '../rate-limit';
import type { FetchLike } from './attempt';
import { InvalidRequestError } from './errors';
import { DEFAULT_MAX_RESPONSE_BYTES } from './read-capped';
import type { RequestContext } from './request';

export const DEFAULT_BASE_URL = 'https://api.statuspage.io/v1';

export interface StatuspageClientOptions {
  /** The organization's API key (manage.statuspage.io, avatar menu, "API info"). */
  apiKey: string;
  /** Default `https://api.statuspage.io/v1`; the sandbox's `apiBaseUrl` in tests. */
  baseUrl?: string;
  /** Default: the global `fetch`. */
  fetch?: FetchLike;
  /** `header` (default) sends `Authorization: OAuth <key>`; `query` adds `?api_key=<key>`, which ends up in server logs. */
  auth?: 'header' | 'query';
  /** Request bodies as `json` (default) or `form` (bracket notation, see form-encoding.ts). */
  encoding?: 'json' | 'form';
  /**
   * Default 60 requests per 60_000 ms, Statuspage's own limit. Pass a limiter instance instead to share
   * one budget between every client that uses the same key.
   */
  rateLimit?: { limit?: number; windowMs?: number; headroomMs?: number } | RateLimiter;
  /** Per HTTP exchange (not time spent queued or waiting to retry). Default 30_000. */
  timeoutMs?: number;
  /** Retries after a 420/429 before a RateLimitedError. Default 2. */
  maxRetries?: number;
  /** A Retry-After longer than this is not waited out inside the call: it fails at once with `retryAt`. Default 120_000. */
  maxRetryDelayMs?: number;
  /**
   * The largest response body the client reads, in bytes: a larger answer fails with a ContractError as soon as
   * it passes the cap (or at once, from its Content-Length) instead of being read whole. Default 16 MB.
   */
  maxResponseBytes?: number;
  /** Default: the real clock. Tests inject a fake one. */
  clock?: Clock;
}

function isRateLimiter(value: unknown): value is RateLimiter {
  return typeof (value as RateLimiter | undefined)?.acquire === 'function';
}

// Visible ASCII only: a pasted key with a newline would make fetch throw, and its message would quote the key.
const API_KEY = /^[\x21-\x7e]+$/;

export function resolveOptions(options: StatuspageClientOptions): RequestContext {
  const apiKey = typeof options.apiKey === 'string' ? options.apiKey.trim() : '';
  if (!API_KEY.test(apiKey)) {
    throw new InvalidRequestError('An API key is required (letters and digits, no spaces)', 'apiKey');
  }
  const baseUrl = (options.baseUrl ?? DEFAULT_BASE_URL).replace(/\/+$/, '');
  if (!/^https?:\/\/[^/]/i.test(baseUrl)) throw new InvalidRequestError('baseUrl must be an http(s) URL', 'baseUrl');
  const clock = options.clock ?? systemClock;
  const rateLimit = options.rateLimit;
  const limiter = isRateLimiter(rateLimit) ? rateLimit : new SlidingWindowLimiter({ ...rateLimit, clock });
  return {
    apiKey,
    baseUrl,
    auth: oneOf(options.auth, ['header', 'query'], 'auth'),
    encoding: oneOf(options.encoding, ['json', 'form'], 'encoding'),
    // Called as a plain function: a bare `window.fetch` called as a method of something else throws.
    fetch: options.fetch ?? ((url, init) => globalThis.fetch(url, init)),
    clock,
    limiter,
    timeoutMs: positive(options.timeoutMs, 30_000, 'timeoutMs'),
    maxRetries: Math.floor(positive(options.maxRetries, 2, 'maxRetries', true)),
    maxRetryDelayMs: positive(options.maxRetryDelayMs, 120_000, 'maxRetryDelayMs', true),
    maxResponseBytes: positive(options.maxResponseBytes, DEFAULT_MAX_RESPONSE_BYTES, 'maxResponseBytes'),
  };
}

function positive(value: number | undefined, fallback: number, name: string, zeroAllowed = false): number {
  if (value === undefined) return fallback;
  if (!Number.isFinite(value) || value < 0 || (!zeroAllowed && value === 0)) {
    throw new InvalidRequestError(`${name} must be a number ${zeroAllowed ? '>= 0' : '> 0'}`, name);
  }
  return value;
}

/** The first choice is the default; anything else is refused (options may come from plain JS or storage). */
export function oneOf<T extends string>(value: T | undefined, choices: readonly [T, ...T[]], name: string): T {
  if (value === undefined) return choices[0];
  if (!choices.includes(value)) throw new InvalidRequestError(`${name} must be one of ${choices.join(', ')}`, name);
  return value;
}
