import type * as z from 'zod/mini';
import { InvalidRequestError } from '../../shared/client/errors';
import { describeIssue } from '../../shared/schemas/issues';

/** A message's data checked against its schema: another context's data, so never trusted. */
export function parseMessage<S extends z.ZodMiniType>(schema: S, value: unknown, what: string): z.output<S> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const problems = result.error.issues.slice(0, 3).map(describeIssue).join('; ');
  throw new InvalidRequestError(`Refused a malformed ${what}: ${problems}`);
}
