import type { Clock } from '../rate-limit';
import { AbortedError, ContractError, NetworkError, TimeoutError } from './errors';
import { readCappedText } from './read-capped';
import { mentionsSecret, redactSecret } from './redact';

/** The one thing the client needs from `fetch`; the global one fits, and tests inject their own. */
export type FetchLike = (url: string, init: RequestInit) => Promise<Response>;

export interface AttemptContext {
  fetch: FetchLike;
  clock: Clock;
  timeoutMs: number;
  apiKey: string;
  /** The largest body read (bytes); a larger one fails with a ContractError, unread. */
  maxResponseBytes: number;
}

export interface Exchange {
  response: Response;
  /** The whole body, read within the same timeout (a body can stall after the headers came). */
  text: string;
}

/**
 * One HTTP exchange: sends, reads the body, and turns every way it can fail without an HTTP status
 * into a transport error. The timeout covers this exchange only, not time spent queued or waiting
 * to retry (those can rightly take a minute; the caller's signal bounds them).
 */
export async function attemptExchange(context: AttemptContext, url: string, init: RequestInit, signal: AbortSignal | undefined): Promise<Exchange> {
  if (signal?.aborted) throw new AbortedError(undefined, { cause: signal.reason });
  const controller = new AbortController();
  let stoppedBy: 'caller' | 'timeout' | undefined;
  const stop = (why: 'caller' | 'timeout') => {
    stoppedBy ??= why;
    controller.abort();
  };
  const onCallerAbort = () => stop('caller');
  signal?.addEventListener('abort', onCallerAbort, { once: true });
  const timer = new AbortController();
  context.clock.sleep(context.timeoutMs, timer.signal).then(
    () => stop('timeout'),
    () => {}, // cancelled because the exchange ended first
  );
  // Raced as well as passed on, so even a fetch that ignores its signal cannot outlive the timeout.
  const stopped = new Promise<never>((_, reject) => controller.signal.addEventListener('abort', () => reject(new Error('stopped')), { once: true }));
  stopped.catch(() => {});

  try {
    const response = await Promise.race([context.fetch(url, { ...init, signal: controller.signal }), stopped]);
    const text = await Promise.race([readCappedText(response, context.maxResponseBytes), stopped]);
    return { response, text };
  } catch (error) {
    if (error instanceof ContractError) throw error; // an answer over the size cap: no transport failure
    if (stoppedBy === 'caller') throw new AbortedError(undefined, { cause: signal?.reason });
    if (stoppedBy === 'timeout') throw TimeoutError.after(context.timeoutMs);
    throw toNetworkError(error, context.apiKey);
  } finally {
    timer.abort();
    signal?.removeEventListener('abort', onCallerAbort);
  }
}

/** "Could not reach Statuspage: fetch failed (ECONNREFUSED)", never with the key (a query-auth URL may be in it). */
function toNetworkError(error: unknown, apiKey: string): NetworkError {
  const message = error instanceof Error ? error.message : String(error);
  const code = (error as { cause?: { code?: unknown } } | undefined)?.cause?.code;
  const detail = redactSecret(`${message}${typeof code === 'string' ? ` (${code})` : ''}`, apiKey);
  const cause = mentionsSecret(error, apiKey) ? undefined : error;
  return new NetworkError(`Could not reach Statuspage: ${detail}`, { cause });
}
