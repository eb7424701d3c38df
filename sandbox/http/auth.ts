import type { MiddlewareHandler } from 'hono';
import { MESSAGES, SandboxHttpError } from '../errors';
import type { SandboxEnv } from '../hono-env';

// Statuspage's keys are organization-wide. The spec's scheme is `Authorization: OAuth <key>`; the docs'
// prose also allows `?api_key=<key>`. A header that is present decides, even when a query key is also sent.

export type AuthMethod = 'header' | 'query' | 'both' | 'none';

export function authMethodOf(request: Request): AuthMethod {
  const header = request.headers.has('authorization');
  const query = new URL(request.url).searchParams.has('api_key');
  return header && query ? 'both' : header ? 'header' : query ? 'query' : 'none';
}

/** The key a request presents, or undefined when it presents none or a malformed header. */
export function presentedKey(request: Request): string | undefined {
  const header = request.headers.get('authorization');
  if (header !== null) {
    // Case-sensitive, as Statuspage's docs insist ("It's OAuth and not Oauth"): `Oauth` and `oauth` get a 401.
    const match = /^OAuth\s+(\S+)\s*$/.exec(header);
    return match?.[1];
  }
  return new URL(request.url).searchParams.get('api_key') ?? undefined;
}

/** Rejects with 401 unless the request carries a known key; sets `organizationId` for the routes. */
export function authenticate(organizationOfKey: (key: string) => string | undefined): MiddlewareHandler<SandboxEnv> {
  return async (c, next) => {
    const key = presentedKey(c.req.raw);
    const organizationId = key === undefined ? undefined : organizationOfKey(key);
    if (organizationId === undefined) throw new SandboxHttpError(401, MESSAGES.unauthenticated);
    c.set('organizationId', organizationId);
    await next();
  };
}
