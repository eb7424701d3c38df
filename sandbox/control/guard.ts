import type { MiddlewareHandler } from 'hono';
import { parseContentType } from '../http/body-parsing';
import { SandboxHttpError } from '../errors';
import type { SandboxEnv } from '../hono-env';
import { quote } from '../management/validation';

// The control endpoints take no key, so a web page on another local origin must not be able to drive them.
// A browser sends Origin with every cross-origin request that changes state, and a page cannot send a JSON
// Content-Type without a CORS preflight, which the sandbox never grants: requiring both closes the door to a
// no-cors POST (a form, an image, a fetch) as well. The Host must be a loopback name, against DNS rebinding.

const CHANGES_STATE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);

export function guardControlRequests(): MiddlewareHandler<SandboxEnv> {
  return async (c, next) => {
    const url = new URL(c.req.url);
    if (!LOOPBACK_HOSTS.has(url.hostname)) {
      throw new SandboxHttpError(
        403,
        `control endpoints answer only on a loopback address, not Host ${quote(url.host)}: use http://127.0.0.1:${url.port || 80}/_control/…`,
      );
    }
    const origin = c.req.header('origin');
    if (origin !== undefined && origin !== url.origin) {
      throw new SandboxHttpError(
        403,
        `control endpoints refuse requests from web pages of another origin (Origin ${quote(origin)}, the sandbox is ${url.origin}): drive them from a test, a script or npm run incident`,
      );
    }
    if (CHANGES_STATE.has(c.req.method) && parseContentType(c.req.header('content-type'))?.type !== 'application/json') {
      throw new SandboxHttpError(
        415,
        `${c.req.method} ${url.pathname} changes the sandbox, so it must be sent with Content-Type: application/json, even without a body`,
      );
    }
    await next();
  };
}
