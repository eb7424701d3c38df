import type { FetchLike } from '../../../shared/client';

/** What the client sent, as the server would see it. */
export interface SentRequest {
  method: string;
  url: URL;
  headers: Headers;
  body: string | undefined;
}

export type Reply = (request: SentRequest, init: RequestInit) => Response | Promise<Response>;

/** A `fetch` to inject: records every request and answers with `reply` (nothing global is replaced). */
export function scriptedFetch(reply: Reply): FetchLike & { sent: SentRequest[] } {
  const sent: SentRequest[] = [];
  const fetch = async (url: string, init: RequestInit) => {
    const request: SentRequest = {
      method: init.method ?? 'GET',
      url: new URL(url),
      headers: new Headers(init.headers),
      body: typeof init.body === 'string' ? init.body : undefined,
    };
    sent.push(request);
    return reply(request, init);
  };
  return Object.assign(fetch, { sent });
}

export function json(body: unknown, status = 200, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json', ...headers } });
}

export function text(body: string, status: number, headers: Record<string, string> = {}): Response {
  return new Response(body, { status, headers });
}

/** A reply that answers only once the request's signal aborts (it then rejects, as fetch does). */
export const neverAnswers: Reply = (_request, init) =>
  new Promise((_, reject) => init.signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError'))));

export const API_KEY = 'k3y-0123456789abcdef';
export const BASE_URL = 'https://api.statuspage.test/v1';
