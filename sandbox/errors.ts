import { MAX_MESSAGE_CHARS, MAX_PROBLEMS_LISTED } from './limits';

/**
 * A refusal with an HTTP status and the `{"message": ...}` body Statuspage's ErrorEntity describes. Route code
 * throws it; the app's error handler turns it into the response.
 */
export class SandboxHttpError extends Error {
  constructor(
    readonly status: 400 | 401 | 403 | 404 | 409 | 413 | 415 | 422 | 429 | 420,
    message: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
    this.name = 'SandboxHttpError';
  }
}

/** The messages the real API uses for its generic refusals (the spec's response descriptions). */
export const MESSAGES = {
  unauthenticated: 'Could not authenticate',
  forbidden: 'You are not authorized to access this resource.',
  notFound: 'The requested resource could not be found.',
} as const;

/** `text` cut to `max` characters, saying so: whatever a client sent, an answer stays small. */
export function capText(text: string, max = MAX_MESSAGE_CHARS): string {
  return text.length > max ? `${text.slice(0, max)}… (${text.length - max} more characters)` : text;
}

/** Problems joined for a message: the first MAX_PROBLEMS_LISTED, then how many more there were. */
export function listProblems(problems: string[]): string {
  const shown = problems.slice(0, MAX_PROBLEMS_LISTED).join('; ');
  const more = problems.length - MAX_PROBLEMS_LISTED;
  return more > 0 ? `${shown}; and ${more} more` : shown;
}

/** A JSON error response (message capped); built by hand because Hono's typed statuses do not include 420. */
export function errorResponse(status: number, message: string, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify({ message: capText(message) }), {
    status,
    headers: { 'content-type': 'application/json; charset=utf-8', ...headers },
  });
}
