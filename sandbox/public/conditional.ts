import type { MiddlewareHandler } from 'hono';
import { etag, RETAINED_304_HEADERS } from 'hono/etag';

// Conditional GETs as a CDN in front of Statuspage answers them: an ETag (hono/etag, weak, from the body's digest) and
// a Last-Modified that moves exactly when the body does; If-None-Match wins over If-Modified-Since (RFC 9110 13.2.2).
// A 304 keeps the CORS headers, or a page's script could not read it.

const KEPT_ON_304 = [...RETAINED_304_HEADERS, 'last-modified', 'access-control-allow-origin', 'access-control-expose-headers'];

/** What one URL served last: its ETag and since when. Bounded: only pages that exist are answered 200. */
export class ChangeClock {
  readonly #seen = new Map<string, { etag: string; since: Date }>();

  constructor(private readonly now: () => Date) {}

  /** When `url`'s body last changed (now, if `etag` is new for it). Whole seconds: HTTP dates have no more. */
  since(url: string, tag: string): Date {
    const seen = this.#seen.get(url);
    if (seen?.etag === tag) return seen.since;
    const since = new Date(Math.floor(this.now().getTime() / 1000) * 1000);
    this.#seen.set(url, { etag: tag, since });
    return since;
  }
}

const lastModified =
  (clock: ChangeClock): MiddlewareHandler =>
  async (c, next) => {
    await next();
    const tag = c.res.headers.get('etag');
    if (!tag || (c.res.status !== 200 && c.res.status !== 304)) return;
    const since = clock.since(new URL(c.req.url).pathname, tag.replace(/^W\//, ''));
    if (c.res.status === 200 && c.req.header('if-none-match') === undefined) {
      const asked = Date.parse(c.req.header('if-modified-since') ?? '');
      if (!Number.isNaN(asked) && since.getTime() <= asked) {
        await c.res.body?.cancel();
        const headers = new Headers();
        for (const name of KEPT_ON_304) {
          const value = c.res.headers.get(name);
          if (value !== null) headers.set(name, value);
        }
        c.res = undefined;
        c.res = new Response(null, { status: 304, headers });
      }
    }
    c.res.headers.set('last-modified', since.toUTCString());
  };

/** ETag, Last-Modified and 304s for the routes under it. */
export function conditionalGets(clock: ChangeClock): MiddlewareHandler[] {
  return [lastModified(clock), etag({ weak: true, retainedHeaders: KEPT_ON_304 })];
}
