import { describe, expect, it } from 'vitest';
import { parseRetryAfter } from '../../../shared/client';

const now = Date.UTC(2025, 0, 15, 12, 0, 0);

describe('parseRetryAfter', () => {
  it('reads delta seconds', () => {
    expect(parseRetryAfter('12', now)).toBe(12_000);
    expect(parseRetryAfter(' 7 ', now)).toBe(7_000);
    expect(parseRetryAfter('1.5', now)).toBe(1_500);
  });

  it('reads an HTTP date, in all three forms', () => {
    expect(parseRetryAfter('Wed, 15 Jan 2025 12:00:30 GMT', now)).toBe(30_000);
    expect(parseRetryAfter('Wednesday, 15-Jan-25 12:01:00 GMT', now)).toBe(60_000);
    expect(parseRetryAfter('Wed Jan 15 12:00:05 2025', now)).toBe(5_000); // asctime: GMT, whatever our zone
  });

  it('waits the default (60 s) when the header is absent or garbage', () => {
    expect(parseRetryAfter(null, now)).toBe(60_000);
    expect(parseRetryAfter(undefined, now)).toBe(60_000);
    expect(parseRetryAfter('', now)).toBe(60_000);
    expect(parseRetryAfter('soon', now)).toBe(60_000);
    expect(parseRetryAfter('-5', now)).toBe(60_000);
    expect(parseRetryAfter('Mon, 99 Foo 2025', now)).toBe(60_000);
    expect(parseRetryAfter('garbage', now, { defaultMs: 5_000 })).toBe(5_000);
  });

  it('clamps: never less than a second, never more than an hour', () => {
    expect(parseRetryAfter('0', now)).toBe(1_000);
    expect(parseRetryAfter('Wed, 15 Jan 2025 11:00:00 GMT', now)).toBe(1_000); // a date in the past
    expect(parseRetryAfter('999999', now)).toBe(3_600_000);
    expect(parseRetryAfter('Fri, 15 Jan 2027 12:00:00 GMT', now)).toBe(3_600_000);
    expect(parseRetryAfter('0', now, { minMs: 0 })).toBe(0);
  });
});
