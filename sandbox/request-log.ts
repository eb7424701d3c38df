import type { MiddlewareHandler } from 'hono';
import { authMethodOf, type AuthMethod } from './auth';
import { parseBody } from './body-parsing';
import type { SandboxEnv } from './hono-env';

/** One management API call as the sandbox saw it. The key is never recorded (api_key is dropped). */
export interface LoggedRequest {
  method: string;
  path: string;
  query: Record<string, string | string[]>;
  status: number;
  /** The parsed body (JSON or bracket form); the raw text when it did not parse; undefined when none. */
  body: unknown;
  contentType: string | null;
  /** Where the request put its key: lets a test prove the key never went into a URL. */
  auth: AuthMethod;
  at: string;
}

const MAX_ENTRIES = 2000;

export class RequestLog {
  #entries: LoggedRequest[] = [];

  add(entry: LoggedRequest): void {
    this.#entries.push(entry);
    if (this.#entries.length > MAX_ENTRIES) this.#entries.splice(0, this.#entries.length - MAX_ENTRIES);
  }

  /** A copy, oldest first. */
  entries(): LoggedRequest[] {
    return structuredClone(this.#entries);
  }

  clear(): void {
    this.#entries = [];
  }
}

function queryWithoutKey(url: URL): Record<string, string | string[]> {
  const query: Record<string, string | string[]> = {};
  for (const name of new Set(url.searchParams.keys())) {
    if (name === 'api_key') continue;
    const values = url.searchParams.getAll(name);
    query[name] = values.length === 1 ? values[0]! : values;
  }
  return query;
}

async function bodyForLog(c: Parameters<MiddlewareHandler<SandboxEnv>>[0]): Promise<unknown> {
  const parsed = c.get('parsedBody');
  if (parsed) return parsed.value;
  const text = await c.req.text().catch(() => '');
  if (!text) return undefined;
  try {
    return parseBody(text, c.req.header('content-type')).value;
  } catch {
    return text.length > 2000 ? `${text.slice(0, 2000)}…` : text;
  }
}

/** Records every request under it, whatever its outcome (401 and 429 included). */
export function logRequests(log: RequestLog): MiddlewareHandler<SandboxEnv> {
  return async (c, next) => {
    const at = new Date().toISOString();
    await next();
    const url = new URL(c.req.url);
    log.add({
      method: c.req.method,
      path: url.pathname,
      query: queryWithoutKey(url),
      status: c.res.status,
      body: await bodyForLog(c),
      contentType: c.req.header('content-type') ?? null,
      auth: authMethodOf(c.req.raw),
      at,
    });
  };
}
