import type { Context } from 'hono';
import { SandboxHttpError } from '../errors';
import { FormSyntaxError, parseBracketForm } from './form';
import type { SandboxEnv } from '../hono-env';
import { readBodyText } from './body-limit';
import { jsonDepth } from './json-depth';
import { MAX_JSON_DEPTH } from '../limits';

// Statuspage takes JSON or bracket-notation forms, and the Content-Type must say which. A body whose type
// does not match what it contains is refused with a message that names the mismatch.

export type BodyEncoding = 'json' | 'form' | 'none';
export interface ParsedBody {
  encoding: BodyEncoding;
  /** The parsed body; undefined when the request had none. */
  value: unknown;
}

const JSON_TYPE = 'application/json';
const FORM_TYPE = 'application/x-www-form-urlencoded';
const SUPPORTED = `send ${JSON_TYPE} or ${FORM_TYPE}`;

/** `application/json; charset=utf-8` -> `{type: 'application/json', charset: 'utf-8'}`. */
export function parseContentType(header: string | undefined): { type: string; charset: string | undefined } | undefined {
  if (!header?.trim()) return undefined;
  const [type, ...params] = header.split(';');
  const charset = params
    .map((param) => param.trim().split('='))
    .find(([name]) => name?.trim().toLowerCase() === 'charset')?.[1]
    ?.trim()
    .replace(/^"|"$/g, '')
    .toLowerCase();
  return { type: type!.trim().toLowerCase(), charset };
}

const looksLikeJson = (text: string) => /^[[{]/.test(text.trimStart());
const looksLikeForm = (text: string) => !looksLikeJson(text) && /^[^\s"=&]+=/.test(text.trimStart());

/** 400 when `text` nests arrays and objects deeper than MAX_JSON_DEPTH (checked without parsing it). */
export function assertJsonDepth(text: string, what: string): void {
  if (jsonDepth(text, MAX_JSON_DEPTH) > MAX_JSON_DEPTH) {
    throw new SandboxHttpError(
      400,
      `${what} is nested more than ${MAX_JSON_DEPTH} levels deep (arrays and objects): flatten it to at most ${MAX_JSON_DEPTH}`,
    );
  }
}

/** Parses `text` as `contentType` says; throws SandboxHttpError (400 malformed or mismatched, 415 unsupported). */
export function parseBody(text: string, contentTypeHeader: string | undefined): ParsedBody {
  if (text.trim() === '') return { encoding: 'none', value: undefined };
  const contentType = parseContentType(contentTypeHeader);
  if (!contentType) throw new SandboxHttpError(415, `request has a body but no Content-Type: ${SUPPORTED}`);
  if (contentType.charset && contentType.charset !== 'utf-8' && contentType.charset !== 'utf8') {
    throw new SandboxHttpError(415, `charset ${contentType.charset} is not supported: send UTF-8`);
  }
  if (contentType.type === JSON_TYPE) {
    assertJsonDepth(text, 'body');
    try {
      return { encoding: 'json', value: JSON.parse(text) };
    } catch (error) {
      if (looksLikeForm(text)) {
        throw new SandboxHttpError(
          400,
          `Content-Type is ${JSON_TYPE} but the body is form-encoded (key=value): send it as ${FORM_TYPE} or send JSON`,
        );
      }
      throw new SandboxHttpError(400, `body is not valid JSON: ${(error as Error).message}`);
    }
  }
  if (contentType.type === FORM_TYPE) {
    if (looksLikeJson(text)) {
      throw new SandboxHttpError(400, `Content-Type is ${FORM_TYPE} but the body is JSON: send it as ${JSON_TYPE}`);
    }
    try {
      return { encoding: 'form', value: parseBracketForm(text) };
    } catch (error) {
      if (error instanceof FormSyntaxError) throw new SandboxHttpError(400, `malformed form body: ${error.message}`);
      throw error;
    }
  }
  throw new SandboxHttpError(415, `Content-Type ${contentType.type} is not supported: ${SUPPORTED}`);
}

/** Reads (at most MAX_BODY_BYTES) and parses the request's body once; text and result stay on the context for the log. */
export async function readRequestBody(c: Context<SandboxEnv>): Promise<ParsedBody> {
  const cached = c.get('parsedBody');
  if (cached) return cached;
  const text = await readBodyText(c);
  c.set('rawBody', text);
  const parsed = parseBody(text, c.req.header('content-type'));
  c.set('parsedBody', parsed);
  return parsed;
}
