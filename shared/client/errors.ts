import { capText } from '../schemas';
import { ERROR_JSON_LIMITS, type StatuspageErrorJSON } from './error-json-schema';

/**
 * One small hierarchy, ky-style, that keeps three kinds of failure apart:
 * transport (NetworkError, TimeoutError, AbortedError), HTTP (HttpError and its subclasses, see
 * http-errors.ts) and contract (ContractError for what came back, InvalidRequestError for what we
 * refused to send). Messages are for people; none ever contains the API key.
 */

export class StatuspageError extends Error {
  override name = 'StatuspageError';

  constructor(message: string, options?: { cause?: unknown }) {
    // Messages quote what came from elsewhere (paths, ids, the server's words): bounded, like their JSON.
    super(capText(message, ERROR_JSON_LIMITS.message), options);
  }

  toJSON(): StatuspageErrorJSON {
    return { name: this.name, message: this.message };
  }
}

/** The request never got an answer: offline, DNS, refused connection, CORS or a missing host permission. */
export class NetworkError extends StatuspageError {
  override name = 'NetworkError';

  constructor(message = 'Could not reach Statuspage', options?: { cause?: unknown }) {
    super(message, options);
  }
}

/** No answer within the client's `timeoutMs`. */
export class TimeoutError extends StatuspageError {
  override name = 'TimeoutError';

  constructor(message = 'Statuspage did not answer in time') {
    super(message);
  }

  static after(timeoutMs: number): TimeoutError {
    return new TimeoutError(`Statuspage did not answer within ${Math.round(timeoutMs / 100) / 10} s`);
  }
}

/** The caller's AbortSignal fired (while queued, waiting to retry, or in flight). */
export class AbortedError extends StatuspageError {
  override name = 'AbortedError';

  constructor(message = 'The request was cancelled', options?: { cause?: unknown }) {
    super(message, options);
  }
}

/** A failure about one field, which `field` names (`incidents[0].name`, `incident_text_color`) when it is known. */
export abstract class FieldError extends StatuspageError {
  readonly field: string | undefined;

  constructor(message: string, field?: string) {
    super(message);
    this.field = field === undefined ? undefined : capText(field, ERROR_JSON_LIMITS.field);
  }

  override toJSON(): StatuspageErrorJSON {
    return { ...super.toJSON(), ...(this.field !== undefined && { field: this.field }) };
  }
}

/** The response did not have the shape the schemas expect; `field` says where. */
export class ContractError extends FieldError {
  override name = 'ContractError';
}

/** What we were asked to send breaks the API's rules; thrown before any request goes out. */
export class InvalidRequestError extends FieldError {
  override name = 'InvalidRequestError';
}
