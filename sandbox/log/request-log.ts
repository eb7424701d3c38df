import type { MiddlewareHandler } from 'hono';
import { authMethodOf, type AuthMethod } from '../http/auth';
import type { SandboxEnv } from '../hono-env';
import { MAX_LOGGED_BODY_CHARS, MAX_LOGGED_TEXT_CHARS, REQUEST_LOG_BUDGET_CHARS } from '../limits';
import { keysPresentedBy, looksLikeKeyName, REDACTED, Redactor } from './redaction';

/** One management API call as the sandbox saw it. No key is ever recorded (see redaction.ts). */
export interface LoggedRequest {
  method: string;
  path: string;
  /** Key-like parameters (api_key, token…) read `[redacted]`. */
  query: Record<string, string | string[]>;
  status: number;
  /**
   * The parsed body (JSON or bracket form); the raw text when it did not parse; undefined when none, or when the
   * request was refused before its body mattered (401, 403, 413, 415, 420, 429). A body whose JSON is longer than
   * MAX_LOGGED_BODY_CHARS is kept as the start of that JSON, as a string ending in `… (truncated: …)`.
   */
  body: unknown;
  contentType: string | null;
  /** Where the request put its key: lets a test prove the key never went into a URL. */
  auth: AuthMethod;
  at: string;
}

/** Refusals whose bodies the log does not keep: nobody asked for them, and keeping them is how memory ran out. */
const REFUSED_WITHOUT_BODY = new Set([401, 403, 413, 415, 420, 429]);

const clip = (text: string, max: number) => (text.length > max ? `${text.slice(0, max)}… (truncated: ${text.length} characters in all)` : text);

/** Bounded by size, not count: each entry weighs its JSON's length, and the oldest go first to stay in budget. */
export class RequestLog {
  #entries: Array<{ entry: LoggedRequest; size: number }> = [];
  #size = 0;

  constructor(private readonly budget = REQUEST_LOG_BUDGET_CHARS) {}

  add(entry: LoggedRequest): void {
    let size: number;
    try {
      size = JSON.stringify(entry).length;
    } catch {
      entry = { ...entry, body: '[body not logged: it could not be written as JSON]' };
      size = JSON.stringify(entry).length;
    }
    this.#entries.push({ entry, size });
    this.#size += size;
    while (this.#size > this.budget && this.#entries.length > 1) this.#size -= this.#entries.shift()!.size;
  }

  /** A copy, oldest first. */
  entries(): LoggedRequest[] {
    return structuredClone(this.#entries.map(({ entry }) => entry));
  }

  clear(): void {
    this.#entries = [];
    this.#size = 0;
  }
}

function queryForLog(url: URL, redactor: Redactor): Record<string, string | string[]> {
  const query: Record<string, string | string[]> = {};
  for (const name of new Set(url.searchParams.keys())) {
    const values = url.searchParams
      .getAll(name)
      .map((value) => (looksLikeKeyName(name) ? REDACTED : clip(redactor.text(value), MAX_LOGGED_TEXT_CHARS)));
    Object.defineProperty(query, clip(redactor.text(name), MAX_LOGGED_TEXT_CHARS), {
      value: values.length === 1 ? values[0]! : values,
      enumerable: true,
      writable: true,
      configurable: true,
    });
  }
  return query;
}

function bodyForLog(c: Parameters<MiddlewareHandler<SandboxEnv>>[0], status: number, redactor: Redactor): unknown {
  if (REFUSED_WITHOUT_BODY.has(status)) return undefined;
  const parsed = c.get('parsedBody');
  const raw = c.get('rawBody');
  let body: unknown;
  if (parsed) body = redactor.value(parsed.value);
  else if (raw?.trim()) body = redactor.rawText(raw);
  else return undefined;
  if (typeof body === 'string') return clip(body, MAX_LOGGED_BODY_CHARS);
  const json = JSON.stringify(body) ?? '';
  return json.length > MAX_LOGGED_BODY_CHARS ? clip(json, MAX_LOGGED_BODY_CHARS) : body;
}

/** Records every request under it, whatever its outcome (401 and 429 included), never with a key in it. */
export function logRequests(log: RequestLog, knownKeys: readonly string[]): MiddlewareHandler<SandboxEnv> {
  return async (c, next) => {
    const at = new Date().toISOString();
    await next();
    const url = new URL(c.req.url);
    const redactor = new Redactor(knownKeys, keysPresentedBy(c.req.raw));
    const status = c.res.status;
    let body: unknown;
    try {
      body = bodyForLog(c, status, redactor);
    } catch {
      body = '[body not logged: it could not be read back]';
    }
    const contentType = c.req.header('content-type');
    log.add({
      method: c.req.method,
      path: clip(redactor.text(url.pathname), MAX_LOGGED_TEXT_CHARS),
      query: queryForLog(url, redactor),
      status,
      body,
      contentType: contentType === undefined ? null : clip(redactor.text(contentType), MAX_LOGGED_TEXT_CHARS),
      auth: authMethodOf(c.req.raw),
      at,
    });
  };
}
