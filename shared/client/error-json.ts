import { StatuspageErrorJSON } from './error-json-schema';
import { AbortedError, ContractError, InvalidRequestError, NetworkError, StatuspageError, TimeoutError } from './errors';
import {
  BadRequestError,
  ForbiddenError,
  HttpError,
  NotFoundError,
  RateLimitedError,
  ServerError,
  UnauthorizedError,
  UnprocessableEntityError,
} from './http-errors';

// HttpError itself is not here: it has no default status, see the last branch below.
const HTTP_SUBCLASSES = {
  BadRequestError,
  UnauthorizedError,
  ForbiddenError,
  NotFoundError,
  UnprocessableEntityError,
  ServerError,
} as const;

/** Rebuilds the error `toJSON()` described, as the same class, so `instanceof` works on the other side. */
export function errorFromJSON(json: unknown): StatuspageError {
  const parsed = StatuspageErrorJSON.safeParse(json);
  if (!parsed.success) return new StatuspageError('Something went wrong (the error could not be read)');
  const { name, message, status, serverMessage, field, retryAt } = parsed.data;

  if (name === 'RateLimitedError') {
    const when = retryAt === undefined ? Number.NaN : Date.parse(retryAt);
    const retryDate = new Date(Number.isNaN(when) ? Date.now() : when);
    return new RateLimitedError({ status, serverMessage, message, retryAt: retryDate });
  }
  if (Object.hasOwn(HTTP_SUBCLASSES, name)) {
    const HttpClass = HTTP_SUBCLASSES[name as keyof typeof HTTP_SUBCLASSES];
    return new HttpClass({ status, serverMessage, message });
  }
  switch (name) {
    case 'NetworkError':
      return new NetworkError(message);
    case 'TimeoutError':
      return new TimeoutError(message);
    case 'AbortedError':
      return new AbortedError(message);
    case 'ContractError':
      return new ContractError(message, field);
    case 'InvalidRequestError':
      return new InvalidRequestError(message, field);
    default:
      // HttpError, or a name from a newer version: with a status it is still an HTTP failure.
      return status === undefined ? new StatuspageError(message) : new HttpError({ status, serverMessage, message });
  }
}
