import { describe, expect, it } from 'vitest';
import {
  AbortedError,
  BadRequestError,
  clockTime,
  ContractError,
  errorFromJSON,
  ForbiddenError,
  HttpError,
  InvalidRequestError,
  NetworkError,
  NotFoundError,
  RateLimitedError,
  ServerError,
  StatuspageError,
  StatuspageErrorJSON,
  TimeoutError,
  UnauthorizedError,
  UnprocessableEntityError,
} from '../../../shared/client';
import { makeClient } from './make-client';
import { API_KEY, json, text } from './scripted-fetch';

/** Runs one call against a server that always answers `response`; returns what it threw. */
async function failureFor(response: () => Response): Promise<StatuspageError> {
  const { client } = makeClient(response);
  const error = await client.listPages().then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(error instanceof StatuspageError)) throw new Error(`expected a StatuspageError, got ${String(error)}`);
  return error;
}

describe('HTTP status -> error class and message', () => {
  const cases: Array<[number, new (...args: never[]) => HttpError, string]> = [
    [400, BadRequestError, 'Bad request (400): nope'],
    [401, UnauthorizedError, 'The API key was not accepted (401)'],
    [403, ForbiddenError, 'This API key may not do that (403): nope'],
    [404, NotFoundError, 'Not found (404): nope'],
    [422, UnprocessableEntityError, 'Statuspage refused the values (422): nope'],
    [500, ServerError, 'Statuspage had a problem (500): nope'],
    [503, ServerError, 'Statuspage had a problem (503): nope'],
    [409, HttpError, 'The request failed (409): nope'],
  ];
  for (const [status, ErrorClass, message] of cases) {
    it(`${status} -> ${ErrorClass.name}`, async () => {
      const error = await failureFor(() => json({ message: 'nope' }, status));
      expect(error).toBeInstanceOf(ErrorClass);
      expect(error.constructor).toBe(ErrorClass); // 409 stays a plain HttpError, not a subclass
      expect(error.name).toBe(ErrorClass.name);
      expect(error.message).toBe(message);
      expect((error as HttpError).status).toBe(status);
      expect((error as HttpError).serverMessage).toBe('nope');
    });
  }
});

describe("the server's own words", () => {
  const bodies: Array<[string, () => Response, string | undefined]> = [
    ['{message}', () => json({ message: 'Page not found' }, 404), 'Page not found'],
    ['{error: string}', () => json({ error: 'Page not found' }, 404), 'Page not found'],
    ['{error: list}', () => json({ error: ['Position is invalid', 'Colour is invalid'] }, 404), 'Position is invalid; Colour is invalid'],
    ['raw text', () => text('Not Found\n', 404), 'Not Found'],
    ['an unknown JSON shape', () => json({ errors: { base: ['x'] } }, 404), '{"errors":{"base":["x"]}}'],
    ['an empty body', () => text('', 404), undefined],
  ];
  for (const [what, response, words] of bodies) {
    it(`are read from ${what}`, async () => {
      const error = (await failureFor(response)) as NotFoundError;
      expect(error.serverMessage).toBe(words);
      expect(error.message).toBe(words === undefined ? 'Not found (404)' : `Not found (404): ${words}`);
    });
  }

  it('never carry the API key, even when the server echoes it', async () => {
    const error = (await failureFor(() => json({ error: `Key ${API_KEY} is not allowed` }, 403))) as ForbiddenError;
    expect(error.serverMessage).toBe('Key [api key] is not allowed');
    expect(JSON.stringify(error.toJSON())).not.toContain(API_KEY);
    expect(error.message).not.toContain(API_KEY);
  });
});

describe('toJSON / errorFromJSON (extension messaging)', () => {
  const retryAt = new Date(Date.UTC(2025, 0, 15, 12, 3, 4));
  const errors: StatuspageError[] = [
    new StatuspageError('Something broke'),
    new NetworkError('Could not reach Statuspage: fetch failed'),
    TimeoutError.after(30_000),
    new AbortedError(),
    new ContractError('Unexpected response to GET /pages: [0].id: expected string', '[0].id'),
    new InvalidRequestError('Not sent: position: must be one of ...', 'position'),
    new HttpError({ status: 409, serverMessage: 'conflict' }),
    new BadRequestError({ serverMessage: 'bad' }),
    new UnauthorizedError(),
    new ForbiddenError({ serverMessage: 'other organization' }),
    new NotFoundError({ serverMessage: 'Page not found' }),
    new UnprocessableEntityError({ serverMessage: 'Position is invalid' }),
    new ServerError({ status: 502 }),
    new RateLimitedError({ status: 420, retryAt }),
  ];
  for (const original of errors) {
    it(`rebuilds a ${original.name} as the same class with the same fields`, () => {
      const json = original.toJSON();
      const rebuilt = errorFromJSON(JSON.parse(JSON.stringify(json)));
      expect(rebuilt.constructor).toBe(original.constructor);
      expect(rebuilt.toJSON()).toEqual(json);
      expect(rebuilt.message).toBe(original.message);
    });
  }

  it('gives exactly the documented fields', () => {
    expect(new RateLimitedError({ retryAt, serverMessage: 'slow down' }).toJSON()).toEqual({
      name: 'RateLimitedError',
      message: `Too many requests: try again after ${clockTime(retryAt)} (429)`,
      status: 429,
      serverMessage: 'slow down',
      retryAt: '2025-01-15T12:03:04.000Z',
    });
    expect(new ContractError('x', 'a.b').toJSON()).toEqual({ name: 'ContractError', message: 'x', field: 'a.b' });
    expect(new AbortedError().toJSON()).toEqual({ name: 'AbortedError', message: 'The request was cancelled' });
  });

  it('turns a rebuilt retryAt back into a Date', () => {
    const rebuilt = errorFromJSON(new RateLimitedError({ retryAt }).toJSON()) as RateLimitedError;
    expect(rebuilt.retryAt).toBeInstanceOf(Date);
    expect(rebuilt.retryAt.getTime()).toBe(retryAt.getTime());
  });

  it('reads what it does not know safely', () => {
    expect(errorFromJSON({ name: 'FancyNewError', message: 'hm', status: 418 })).toBeInstanceOf(HttpError);
    expect(errorFromJSON({ name: 'FancyNewError', message: 'hm' }).constructor).toBe(StatuspageError);
    expect(errorFromJSON({ name: 'toString', message: 'proto' }).constructor).toBe(StatuspageError);
    expect(errorFromJSON('<script>').message).toMatch(/could not be read/);
    expect(errorFromJSON(null)).toBeInstanceOf(StatuspageError);
  });
});

describe('StatuspageErrorJSON: one declaration, the schema', () => {
  it('checks what toJSON() gives, and its inferred type is what toJSON() returns', () => {
    const errors = [new RateLimitedError({ retryAt: new Date(0) }), new ContractError('x', 'a'), new NetworkError()];
    for (const error of errors) {
      const json: StatuspageErrorJSON = error.toJSON();
      expect(StatuspageErrorJSON.parse(json)).toEqual(json);
    }
    expect(StatuspageErrorJSON.safeParse({ name: 'x' }).success).toBe(false);
    expect(StatuspageErrorJSON.safeParse({ name: 'x', message: 'y', field: 'f'.repeat(1001) }).success).toBe(false);
  });
});
