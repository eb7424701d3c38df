import type { MiddlewareHandler } from 'hono';
import { SandboxHttpError } from '../errors';
import type { SandboxEnv } from '../hono-env';
import { MAX_BODY_BYTES } from '../limits';

// A body is read at most MAX_BODY_BYTES deep: a declared Content-Length over it is refused before a byte is
// read, and a body without one (chunked) is counted as it streams and refused the moment it passes the limit.
// The rest is never buffered (the server drains or drops it).

const tooLarge = (what: string) =>
  new SandboxHttpError(413, `request body ${what} is larger than the ${MAX_BODY_BYTES} bytes the sandbox accepts: send a smaller body`);

/** The declared Content-Length, when it is a number. */
function declaredLength(request: Request): number | undefined {
  const header = request.headers.get('content-length');
  return header !== null && /^\s*\d+\s*$/.test(header) ? Number(header) : undefined;
}

/** Refuses, from the headers alone, a request whose Content-Length is over the limit. */
export function limitDeclaredBodySize(): MiddlewareHandler<SandboxEnv> {
  return async (c, next) => {
    const length = declaredLength(c.req.raw);
    if (length !== undefined && length > MAX_BODY_BYTES) throw tooLarge(`(Content-Length ${length})`);
    await next();
  };
}

/** The body as UTF-8 text, read chunk by chunk; 413 as soon as it passes the limit. */
export async function readBodyText(request: Request): Promise<string> {
  const length = declaredLength(request);
  if (length !== undefined && length > MAX_BODY_BYTES) throw tooLarge(`(Content-Length ${length})`);
  if (!request.body) return '';
  const reader = request.body.getReader();
  const decoder = new TextDecoder('utf-8');
  const parts: string[] = [];
  let bytes = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      bytes += value.byteLength;
      if (bytes > MAX_BODY_BYTES) {
        reader.cancel().catch(() => {}); // stop reading; what is left is not wanted
        throw tooLarge('(as sent)');
      }
      parts.push(decoder.decode(value, { stream: true }));
    }
  } catch (error) {
    if (error instanceof SandboxHttpError) throw error;
    throw new SandboxHttpError(400, 'the request body could not be read to its end (the connection broke?): send it again');
  }
  parts.push(decoder.decode());
  return parts.join('');
}
