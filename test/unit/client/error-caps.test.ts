import { describe, expect, it } from 'vitest';
import { errorFromJSON, HttpError, NotFoundError, StatuspageError } from '../../../shared/client';
import { capText, SERVER_MESSAGE_MAX_LENGTH } from '../../../shared/schemas';
import { makeClient } from './make-client';
import { API_KEY, json, text } from './scripted-fetch';

async function failureFor(response: () => Response): Promise<HttpError> {
  const { client } = makeClient(response);
  const error = await client.listPages().catch((e: unknown) => e);
  if (!(error instanceof HttpError)) throw new Error(`expected an HttpError, got ${String(error)}`);
  return error;
}

const FIVE_MB = 5 * 1024 * 1024;

describe("the server's words are capped, whatever their shape", () => {
  it('a 5 MB {message} keeps its first 1,000 characters and says how much was left out', async () => {
    const error = await failureFor(() => json({ message: 'x'.repeat(FIVE_MB) }, 404));
    const words = error.serverMessage ?? '';
    expect(words.length).toBeLessThanOrEqual(SERVER_MESSAGE_MAX_LENGTH);
    expect(words).toMatch(/^x{900,}… \(\d+ more characters\)$/);
    const kept = words.indexOf('…');
    expect(words).toContain(`(${FIVE_MB - kept} more characters)`);
    expect(error.message).toBe(`Not found (404): ${words}`);
    expect(error.message.length).toBeLessThan(SERVER_MESSAGE_MAX_LENGTH + 50);
  });

  it('a 5 MB {error} string and 5 MB of raw text are capped too', async () => {
    const fromError = await failureFor(() => json({ error: 'y'.repeat(FIVE_MB) }, 500));
    expect(fromError.serverMessage?.length).toBeLessThanOrEqual(SERVER_MESSAGE_MAX_LENGTH);
    const raw = await failureFor(() => text('z'.repeat(FIVE_MB), 502));
    expect(raw.serverMessage).toBe(`${'z'.repeat(500)}…`);
  });

  it('a 50,000-item list is joined while it fits, then counts what is left', async () => {
    const items = Array.from({ length: 50_000 }, (_, i) => `problem ${i}`);
    const error = await failureFor(() => json({ error: items }, 422));
    const words = error.serverMessage ?? '';
    expect(words.length).toBeLessThanOrEqual(SERVER_MESSAGE_MAX_LENGTH);
    const match = /^(.*)… \(and (\d+) more\)$/.exec(words);
    expect(match).not.toBeNull();
    const shown = match![1]!.split('; ');
    expect(shown).toEqual(items.slice(0, shown.length)); // whole items only, in order
    expect(shown.length + Number(match![2])).toBe(50_000);
    expect(shown.length).toBeGreaterThan(50);
  });

  it('a list whose first item alone is too long shows its start and the count', async () => {
    const error = await failureFor(() => json({ message: ['a'.repeat(FIVE_MB), 'b'] }, 400));
    expect(error.serverMessage?.length).toBeLessThanOrEqual(SERVER_MESSAGE_MAX_LENGTH);
    expect(error.serverMessage).toMatch(/^a+… \(\d+ more characters\)… \(and 1 more\)$/);
  });

  it('short words and short lists are left as they are', async () => {
    expect((await failureFor(() => json({ error: ['a', 'b'] }, 422))).serverMessage).toBe('a; b');
    expect((await failureFor(() => json({ message: 'm'.repeat(SERVER_MESSAGE_MAX_LENGTH) }, 404))).serverMessage).toHaveLength(
      SERVER_MESSAGE_MAX_LENGTH,
    );
  });

  it('redacts the key before cutting, so no part of it survives at the cut', async () => {
    // The key straddles the place where the text is cut.
    const message = `${'x'.repeat(960)}${API_KEY}${'x'.repeat(5000)}`;
    const error = await failureFor(() => json({ message }, 403));
    expect(error.serverMessage).not.toContain(API_KEY.slice(0, 4));
    expect(error.serverMessage).toContain('[api key]');
  });
});

describe('capText', () => {
  it('never returns more than the cap and never splits a surrogate pair', () => {
    for (const max of [20, 40, 1000]) {
      const capped = capText('😀'.repeat(5000), max);
      expect(capped.length).toBeLessThanOrEqual(max);
      expect(capped).not.toMatch(/[\ud800-\udbff](?![\udc00-\udfff])/);
    }
    expect(capText('short', 10)).toBe('short');
  });
});

describe('every error stays within the bounds of its JSON', () => {
  it('an error with a huge message still round-trips through toJSON / errorFromJSON', () => {
    const original = new NotFoundError({ serverMessage: 'q'.repeat(FIVE_MB) });
    const rebuilt = errorFromJSON(JSON.parse(JSON.stringify(original.toJSON())));
    expect(rebuilt).toBeInstanceOf(NotFoundError);
    expect(rebuilt.message).toBe(original.message);
    expect(original.message.length).toBeLessThanOrEqual(4000);
    expect(new StatuspageError('w'.repeat(FIVE_MB)).message.length).toBeLessThanOrEqual(4000);
  });

  it('refuses an over-long JSON from another context instead of carrying it', () => {
    const rebuilt = errorFromJSON({ name: 'NotFoundError', message: 'x'.repeat(FIVE_MB), status: 404 });
    expect(rebuilt.constructor).toBe(StatuspageError);
    expect(rebuilt.message).toMatch(/could not be read/);
  });
});
