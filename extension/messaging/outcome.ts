import { errorFromJSON, StatuspageError, type StatuspageErrorJSON } from '../../shared/index';

/**
 * What every background handler answers. Errors travel as `toJSON()` and are rebuilt with `errorFromJSON`,
 * so the popup can tell a RateLimitedError from an UnauthorizedError (plain thrown errors lose their class).
 */
export type Outcome<T> = { ok: true; value: T } | { ok: false; error: StatuspageErrorJSON };

export function errorToJSON(error: unknown): StatuspageErrorJSON {
  if (error instanceof StatuspageError) return error.toJSON();
  return { name: 'StatuspageError', message: error instanceof Error ? error.message : String(error) };
}

export async function toOutcome<T>(work: () => Promise<T>): Promise<Outcome<T>> {
  try {
    return { ok: true, value: await work() };
  } catch (error) {
    return { ok: false, error: errorToJSON(error) };
  }
}

/** The value, or the error rebuilt as its own class and thrown. */
export function unwrap<T>(outcome: Outcome<T> | undefined): T {
  if (!outcome) throw new StatuspageError('The extension did not answer (its background may be restarting): try again');
  if (outcome.ok) return outcome.value;
  throw errorFromJSON(outcome.error);
}
