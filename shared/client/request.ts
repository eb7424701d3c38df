import type * as z from 'zod/mini';
import { readErrorMessage } from '../schemas';
import type { Clock, Priority, RateLimiter } from '../rate-limit';
import { attemptExchange, type Exchange, type FetchLike } from './attempt';
import { AbortedError, ContractError } from './errors';
import { encodeForm } from './form-encoding';
import { httpErrorFor, RateLimitedError } from './http-errors';
import { redactSecret } from './redact';
import { parseRetryAfter } from './retry-after';
import { readResponse } from './validation';

/** Everything a request needs, fixed when the client is made (see client-options.ts for the defaults). */
export interface RequestContext {
  apiKey: string;
  baseUrl: string;
  auth: 'header' | 'query';
  encoding: 'json' | 'form';
  fetch: FetchLike;
  clock: Clock;
  limiter: RateLimiter;
  timeoutMs: number;
  maxRetries: number;
  maxRetryDelayMs: number;
  /** The largest response body read, in bytes (client-options.ts: `maxResponseBytes`). */
  maxResponseBytes: number;
}

export interface RequestSpec<S extends z.ZodMiniType> {
  method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  /** Already percent-encoded, from `/`: `/pages/abc/status_embed_config`. */
  path: string;
  query?: Record<string, string>;
  /** Checked by the caller before it gets here. */
  body?: Record<string, unknown>;
  /** What a 2xx body must look like. */
  schema: S;
  signal?: AbortSignal | undefined;
  /** Default `interactive`. */
  priority?: Priority;
}

const isRateLimitStatus = (status: number) => status === 420 || status === 429;

/** Sends one API call through the rate limiter, retries 420/429 as told, and returns the parsed body. */
export async function sendRequest<S extends z.ZodMiniType>(context: RequestContext, spec: RequestSpec<S>): Promise<z.output<S>> {
  const { clock, limiter, apiKey } = context;
  const url = buildUrl(context, spec);
  const init = buildInit(context, spec);
  // Names the call in messages: method and path only, never the query (with `auth: 'query'` it holds the key).
  const request = `${spec.method} ${spec.path}`;

  for (let attempt = 0; ; attempt++) {
    const release = await limiter.acquire(spec.signal, spec.priority).catch((reason: unknown) => {
      throw spec.signal?.aborted ? new AbortedError(undefined, { cause: reason }) : reason;
    });
    let exchange: Exchange;
    try {
      exchange = await attemptExchange(context, url, init, spec.signal);
    } finally {
      release();
    }
    const { response, text } = exchange;
    // Redacted before it is cut to length, so a key at the cut cannot survive in part.
    const serverMessage = () => readErrorMessage(text, (words) => redactSecret(words, apiKey));

    if (isRateLimitStatus(response.status)) {
      const retryAfterMs = parseRetryAfter(response.headers.get('retry-after'), clock.now());
      const retryAt = clock.now() + retryAfterMs;
      // Tell the limiter, so every call queued on this key waits too instead of drawing more 429s.
      limiter.pauseUntil(retryAt);
      // The retry simply queues again: the paused limiter holds it until retryAt.
      if (attempt < context.maxRetries && retryAfterMs <= context.maxRetryDelayMs) continue;
      throw new RateLimitedError({
        status: response.status,
        serverMessage: serverMessage(),
        retryAt: new Date(retryAt),
        retryAfterMs,
      });
    }
    if (!response.ok) throw httpErrorFor(response.status, serverMessage());
    return readResponse(spec.schema, parseJson(text, request), request);
  }
}

function parseJson(text: string, request: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    throw new ContractError(`Unexpected response to ${request}: the body is not JSON`);
  }
}

function buildUrl(context: RequestContext, spec: RequestSpec<z.ZodMiniType>): string {
  const query = new URLSearchParams(spec.query);
  if (context.auth === 'query') query.set('api_key', context.apiKey);
  const search = query.toString();
  return `${context.baseUrl}${spec.path}${search ? `?${search}` : ''}`;
}

function buildInit(context: RequestContext, spec: RequestSpec<z.ZodMiniType>): RequestInit {
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (context.auth === 'header') headers.Authorization = `OAuth ${context.apiKey}`;
  let body: string | undefined;
  if (spec.body !== undefined) {
    if (context.encoding === 'form') {
      headers['Content-Type'] = 'application/x-www-form-urlencoded';
      body = encodeForm(spec.body);
    } else {
      headers['Content-Type'] = 'application/json';
      body = JSON.stringify(spec.body);
    }
  }
  return { method: spec.method, headers, body };
}
