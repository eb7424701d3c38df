import type * as z from 'zod/mini';
import { describeIssue, formatPath, isReservedKey } from '../schemas';
import { ContractError, InvalidRequestError } from './errors';

/** "a: ...; b: ..." for the first few issues (one is usually enough; a list of 40 helps nobody). */
function describeIssues(issues: readonly z.core.$ZodIssue[]): string {
  const shown = issues.slice(0, 3).map(describeIssue).join('; ');
  return issues.length > 3 ? `${shown} (and ${issues.length - 3} more)` : shown;
}

/** The field an issue is about: for an unknown field, that field itself rather than its parent. */
function fieldOf(issue: z.core.$ZodIssue | undefined): string | undefined {
  if (!issue) return undefined;
  const key = issue.code === 'unrecognized_keys' ? issue.keys[0] : undefined;
  return formatPath(key === undefined ? issue.path : [...issue.path, key]);
}

/** Write strictly: what we send must pass its schema, or nothing is sent. */
export function checkRequest<S extends z.ZodMiniType>(schema: S, value: unknown): z.output<S> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  throw new InvalidRequestError(`Not sent: ${describeIssues(result.error.issues)}`, fieldOf(result.error.issues[0]));
}

/** Read leniently, but read: a body that misses what the schema needs is a ContractError naming the field. */
export function readResponse<S extends z.ZodMiniType>(schema: S, value: unknown, request: string): z.output<S> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  throw new ContractError(`Unexpected response to ${request}: ${describeIssues(result.error.issues)}`, fieldOf(result.error.issues[0]));
}

/** An id that goes into a URL path: a non-empty string, percent-encoded so it stays one segment. */
export function pathSegment(value: unknown, field: string): string {
  if (typeof value !== 'string' || value.trim() === '') {
    throw new InvalidRequestError(`Not sent: ${field}: must be a non-empty string`, field);
  }
  // A server (or the sandbox) that keys objects by id would read these as the object's own machinery.
  if (isReservedKey(value)) throw new InvalidRequestError(`Not sent: ${field}: "${value}" cannot be an id`, field);
  return encodeURIComponent(value);
}
