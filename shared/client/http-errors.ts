import { capText } from '../schemas';
import { ERROR_JSON_LIMITS, type StatuspageErrorJSON } from './error-json-schema';
import { StatuspageError } from './errors';

export interface HttpErrorInit {
  status: number;
  /** The server's own words (from `{message}`, `{error}` or the raw text), already free of the key. */
  serverMessage?: string;
  /** Given when rebuilding from JSON; otherwise the message is written from the status. */
  message?: string;
}

/** "Not found (404): Page not found". */
function sentence(summary: string, status: number, serverMessage: string | undefined): string {
  return `${summary} (${status})${serverMessage ? `: ${serverMessage}` : ''}`;
}

/** Statuspage answered with an error status. Other 4xx statuses than the ones below stay plain HttpErrors. */
export class HttpError extends StatuspageError {
  override name = 'HttpError';
  readonly status: number;
  readonly serverMessage: string | undefined;

  constructor(init: HttpErrorInit, summary = 'The request failed') {
    super(init.message ?? sentence(summary, init.status, init.serverMessage));
    this.status = init.status;
    this.serverMessage = init.serverMessage === undefined ? undefined : capText(init.serverMessage, ERROR_JSON_LIMITS.serverMessage);
  }

  override toJSON(): StatuspageErrorJSON {
    return {
      ...super.toJSON(),
      status: this.status,
      ...(this.serverMessage !== undefined && { serverMessage: this.serverMessage }),
    };
  }
}

type SubclassInit = Partial<HttpErrorInit>;

export class BadRequestError extends HttpError {
  override name = 'BadRequestError';
  constructor(init: SubclassInit = {}) {
    super({ ...init, status: init.status ?? 400 }, 'Bad request');
  }
}

export class UnauthorizedError extends HttpError {
  override name = 'UnauthorizedError';
  constructor(init: SubclassInit = {}) {
    // The server's words are kept in serverMessage but left out here: "invalid key" adds nothing.
    const status = init.status ?? 401;
    super({ ...init, status, message: init.message ?? `The API key was not accepted (${status})` });
  }
}

export class ForbiddenError extends HttpError {
  override name = 'ForbiddenError';
  constructor(init: SubclassInit = {}) {
    super({ ...init, status: init.status ?? 403 }, 'This API key may not do that');
  }
}

export class NotFoundError extends HttpError {
  override name = 'NotFoundError';
  constructor(init: SubclassInit = {}) {
    super({ ...init, status: init.status ?? 404 }, 'Not found');
  }
}

export class UnprocessableEntityError extends HttpError {
  override name = 'UnprocessableEntityError';
  constructor(init: SubclassInit = {}) {
    super({ ...init, status: init.status ?? 422 }, 'Statuspage refused the values');
  }
}

export class ServerError extends HttpError {
  override name = 'ServerError';
  constructor(init: SubclassInit = {}) {
    super({ ...init, status: init.status ?? 500 }, 'Statuspage had a problem');
  }
}

export interface RateLimitedInit extends SubclassInit {
  /** When the server said we may try again. */
  retryAt: Date;
  /** How long that was from when the error was made; defaults to `retryAt - Date.now()`. */
  retryAfterMs?: number;
}

/** 420 or 429, still refused after the client's retries: `retryAt` says when to try again. */
export class RateLimitedError extends HttpError {
  override name = 'RateLimitedError';
  readonly retryAt: Date;
  readonly retryAfterMs: number;

  constructor(init: RateLimitedInit) {
    const status = init.status ?? 429;
    const message = init.message ?? `Too many requests: try again after ${clockTime(init.retryAt)} (${status})`;
    super({ ...init, status, message });
    this.retryAt = init.retryAt;
    this.retryAfterMs = Math.max(0, init.retryAfterMs ?? init.retryAt.getTime() - Date.now());
  }

  override toJSON(): StatuspageErrorJSON {
    return { ...super.toJSON(), retryAt: this.retryAt.toISOString() };
  }
}

/** 12:03:04 in the reader's own time zone (24 h, so it reads the same in every locale). */
export function clockTime(date: Date): string {
  const two = (n: number) => String(n).padStart(2, '0');
  return `${two(date.getHours())}:${two(date.getMinutes())}:${two(date.getSeconds())}`;
}

/** The right class for an error status (not for 420/429, which need a retry time: see RateLimitedError). */
export function httpErrorFor(status: number, serverMessage?: string): HttpError {
  const init = { status, serverMessage };
  switch (status) {
    case 400:
      return new BadRequestError(init);
    case 401:
      return new UnauthorizedError(init);
    case 403:
      return new ForbiddenError(init);
    case 404:
      return new NotFoundError(init);
    case 422:
      return new UnprocessableEntityError(init);
    default:
      return status >= 500 && status <= 599 ? new ServerError(init) : new HttpError(init);
  }
}
