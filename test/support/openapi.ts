// The official Statuspage OpenAPI document as a test partner (openapi-backend): it checks a request against the
// operation it names (path, query, body) and an answer against that operation's response schema, and answers as the
// document says (its examples, else a value generated from its schema). Two uses:
//   validatingFetch: a client's requests go through it to a real sandbox; what either side does off the document is
//                    recorded, so a test shows the sandbox's routes and the client agree with the document, not only
//                    with each other.
//   documentMockFetch: the client against the document alone, no sandbox: requests valid, answers parsed.
import addFormats from 'ajv-formats';
import { OpenAPIBackend, type Operation } from 'openapi-backend';
import { parse as parseForm } from 'qs';
import type { FetchLike } from '../../shared/client';
import { readOpenApiDocument } from './fixtures';

type Json = Record<string, unknown>;

/** Types the document writes that JSON Schema does not have, and what they mean (the official copy stays verbatim). */
const REPAIRED_TYPES: Record<string, string> = { PartialStartDate: 'string', PartialEndDate: 'string', Object: 'object' };

/** The document with its few invalid schema types repaired in memory (uptime's start/end dates, one `Object`). */
function repairedDocument(): Json {
  const document = readOpenApiDocument() as unknown as Json;
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(walk);
    else if (node && typeof node === 'object') {
      const record = node as Json;
      if (typeof record.type === 'string' && Object.hasOwn(REPAIRED_TYPES, record.type)) record.type = REPAIRED_TYPES[record.type];
      Object.values(record).forEach(walk);
    }
  };
  walk(document);
  return document;
}

let backend: Promise<OpenAPIBackend> | undefined;
/** One parsed, compiled document per test file (compiling it takes a moment). */
export function statuspageDocument(): Promise<OpenAPIBackend> {
  backend ??= (async () => {
    const api = new OpenAPIBackend({
      definition: repairedDocument() as never,
      quick: true, // validators compiled per operation when first used: the whole document takes ~20 s
      ajvOpts: { strict: false, logger: false },
      customizeAjv: (ajv) => addFormats(ajv),
    });
    await api.init();
    return api;
  })();
  return backend;
}

export interface CheckedRequest {
  operation: Operation | undefined;
  problems: string[];
}

const describeErrors = (errors: Array<{ instancePath?: string; message?: string }> | null | undefined) =>
  (errors ?? []).map((error) => `${error.instancePath || '(root)'} ${error.message}`).join('; ');

/** The operation `url` and `init` name under `basePath` (`/v1`), and what in the request is off the document. */
export async function checkRequestAgainstDocument(url: URL, init: RequestInit, basePath: string): Promise<CheckedRequest> {
  const api = await statuspageDocument();
  const method = (init.method ?? 'GET').toUpperCase();
  const path = url.pathname.startsWith(basePath) ? url.pathname.slice(basePath.length) : url.pathname;
  const headers = Object.fromEntries(new Headers(init.headers));
  const text = typeof init.body === 'string' ? init.body : undefined;
  const type = headers['content-type'] ?? '';
  const body = text === undefined ? undefined : type.startsWith('application/x-www-form-urlencoded') ? parseForm(text) : JSON.parse(text);
  const request = { method, path, headers, query: Object.fromEntries(url.searchParams), body };
  const operation = api.matchOperation(request);
  if (!operation) return { operation, problems: [`${method} ${path}: no such operation in the document`] };
  const result = api.validateRequest(request, operation);
  const problems = result.valid ? [] : [`${method} ${path} (${operation.operationId}) request: ${describeErrors(result.errors)}`];
  return { operation, problems };
}

/** What in an answer is off the document: an undocumented status, or a body its schema refuses. */
export async function checkAnswerAgainstDocument(operation: Operation, status: number, body: unknown): Promise<string[]> {
  const api = await statuspageDocument();
  const documented = Object.keys(operation.responses ?? {});
  if (!documented.includes(String(status))) {
    return [`${operation.operationId}: status ${status} is not one the document lists (${documented.join(', ')})`];
  }
  const result = api.validateResponse(body, operation, status);
  return result.valid ? [] : [`${operation.operationId} ${status} answer: ${describeErrors(result.errors)}`];
}

/** A fetch that checks each request and answer against the document on their way to and from `inner`. */
export function validatingFetch(basePath: string, problems: string[], inner: FetchLike = fetch): FetchLike {
  return async (input, init = {}) => {
    const url = new URL(String(input));
    const checked = await checkRequestAgainstDocument(url, init, basePath);
    problems.push(...checked.problems);
    const response = await inner(String(input), init);
    if (checked.operation) {
      const text = await response.clone().text();
      let body: unknown = text;
      try {
        body = JSON.parse(text);
      } catch {
        problems.push(`${checked.operation.operationId} ${response.status}: the answer is not JSON`);
      }
      problems.push(...(await checkAnswerAgainstDocument(checked.operation, response.status, body)));
    }
    return response;
  };
}

/** A fetch that answers every valid request as the document says (status `statusOf(operationId)`, default its first 2xx). */
export function documentMockFetch(
  basePath: string,
  problems: string[],
  statusOf: (operationId: string) => number | undefined = () => undefined,
): FetchLike & { sent: Array<{ operationId: string | undefined; url: URL; body: unknown }> } {
  const sent: Array<{ operationId: string | undefined; url: URL; body: unknown }> = [];
  const mock = async (input: string, init: RequestInit = {}) => {
    const url = new URL(String(input));
    const checked = await checkRequestAgainstDocument(url, init, basePath);
    problems.push(...checked.problems);
    sent.push({ operationId: checked.operation?.operationId, url, body: typeof init.body === 'string' ? init.body : undefined });
    if (!checked.operation?.operationId) return new Response(JSON.stringify({ message: 'not in the document' }), { status: 404 });
    const api = await statuspageDocument();
    const code = statusOf(checked.operation.operationId);
    const { status, mock: body } = api.mockResponseForOperation(checked.operation.operationId, code === undefined ? {} : { code });
    return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
  };
  return Object.assign(mock, { sent });
}
