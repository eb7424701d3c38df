import type { Context, MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { SandboxHttpError } from '../errors';
import type { SandboxEnv } from '../hono-env';
import { MAX_BODY_BYTES } from '../limits';

// hono/body-limit: a declared Content-Length over MAX_BODY_BYTES is refused before a byte is read; a body without
// one (chunked) is counted as it streams and refused the moment it passes the limit (what came is at most the
// limit; the rest is never read). It runs where a body is read, not on every request: @hono/node-server closes a
// kept-alive connection whose body stream was opened and left unread (a 401 before the route, a 404 user).

const tooLarge = (what: string) =>
  new SandboxHttpError(413, `request body ${what} is larger than the ${MAX_BODY_BYTES} bytes the sandbox accepts: send a smaller body`);

const declaredLength = (c: Context) => (c.req.raw.headers.has('transfer-encoding') ? null : c.req.raw.headers.get('content-length'));

const limit = bodyLimit({
  maxSize: MAX_BODY_BYTES,
  onError: (c) => {
    const declared = declaredLength(c);
    throw tooLarge(declared === null ? '(as sent)' : `(Content-Length ${declared})`);
  },
});

/** Before auth: a request that declares a body over the limit is refused from its headers alone. */
export function refuseDeclaredOversize(): MiddlewareHandler<SandboxEnv> {
  return async (c, next) => {
    const declared = Number(declaredLength(c) ?? 0);
    return declared > MAX_BODY_BYTES ? limit(c, next) : next();
  };
}

/** The body as text, at most MAX_BODY_BYTES (413 beyond); 400 when the connection cut it short, never a 500. */
export async function readBodyText(c: Context<SandboxEnv>): Promise<string> {
  try {
    await limit(c, async () => {});
    return await c.req.text();
  } catch (error) {
    if (error instanceof SandboxHttpError) throw error;
    throw new SandboxHttpError(400, 'the request body could not be read to its end (the connection broke?): send it again');
  }
}
