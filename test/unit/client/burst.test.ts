import { describe, expect, it } from 'vitest';
import { makeClient } from './make-client';
import { json } from './scripted-fetch';

describe('a burst through the client', () => {
  it('sends 200 calls at no more than 60 in any 60 s window, the last at 180 s', async () => {
    const sentAt: number[] = [];
    const { client, clock } = makeClient(() => {
      sentAt.push(clock.now());
      return json([]);
    });
    const t0 = clock.now();
    const calls = Promise.all(Array.from({ length: 200 }, () => client.listPages()));
    await clock.runAll();
    await calls;

    expect(sentAt).toHaveLength(200);
    for (const start of sentAt) {
      expect(sentAt.filter((t) => t >= start && t < start + 60_000).length).toBeLessThanOrEqual(60);
    }
    expect(Math.max(...sentAt) - t0).toBe((Math.ceil(200 / 60) - 1) * 60_000);
  });
});
