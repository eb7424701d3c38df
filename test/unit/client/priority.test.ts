import { describe, expect, it } from 'vitest';
import { InvalidRequestError, type CallOptions } from '../../../shared/client';
import type { Priority, RateLimiter } from '../../../shared/rate-limit';
import { makeClient } from './make-client';
import { json, text } from './scripted-fetch';

const embedConfig = {
  page_id: 'p1',
  position: 'bottom-left',
  incident_background_color: '#ff0000',
  incident_text_color: '#ffffff',
  maintenance_background_color: '#0000ff',
  maintenance_text_color: '#ffffff',
};

const { page_id: _, ...replacement } = embedConfig;

/** A limiter that only notes the priority of each acquire. */
function recordingLimiter(): RateLimiter & { priorities: Array<Priority | undefined> } {
  const priorities: Array<Priority | undefined> = [];
  return {
    priorities,
    acquire: async (_signal, priority) => {
      priorities.push(priority);
      return () => {};
    },
    pauseUntil: () => {},
    snapshot: () => ({ version: 2, stamps: [], inFlight: 0, blockedUntil: 0 }),
    restore: () => {},
  };
}

describe('the priority option', () => {
  it('reaches the limiter from every method, interactive by default', async () => {
    const limiter = recordingLimiter();
    const { client } = makeClient(
      (request) => {
        if (request.url.pathname.endsWith('/users')) return json([]);
        if (request.url.pathname.includes('/permissions/')) return json({ user_id: 'u1', pages: [] });
        if (request.url.pathname.endsWith('/status_embed_config')) return json(embedConfig);
        return json([]);
      },
      { rateLimit: limiter },
    );
    const calls = (options?: CallOptions) => [
      () => client.listPages(options),
      () => client.listUsers('org1', options),
      () => client.getStatusEmbedConfig('p1', options),
      () => client.updateStatusEmbedConfig('p1', { position: 'top_left' }, options),
      () => client.replaceStatusEmbedConfig('p1', { ...replacement, position: 'top_left' }, options),
      () => client.getUserPermissions('org1', 'u1', options),
      () => client.replaceUserPermissions('org1', 'u1', { p1: {} }, options),
    ];
    for (const call of calls({ priority: 'background' })) await call();
    expect(limiter.priorities).toEqual(Array(7).fill('background'));
    limiter.priorities.length = 0;
    for (const call of calls()) await call();
    expect(limiter.priorities).toEqual(Array(7).fill('interactive'));
  });

  it('is refused before any request when it is not one of the two', async () => {
    const { client, fetch } = makeClient(() => json([]));
    const error = await client.listPages({ priority: 'urgent' as Priority }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InvalidRequestError);
    expect((error as InvalidRequestError).field).toBe('priority');
    expect(fetch.sent).toHaveLength(0);
  });
});

describe('a background scan and a person, against a server with the same window', () => {
  const limit = 5;
  const windowMs = 1000;

  it('draws no 429: the person waits one slot at most, the 40-call scan stays within 15% of the floor', async () => {
    const accepted: number[] = [];
    const answered: Array<{ at: number; path: string; status: number }> = [];
    const { client, clock } = makeClient(
      (request) => {
        const now = clock.now();
        const path = request.url.pathname;
        // The server's rolling window: accepted requests in the last windowMs.
        if (accepted.filter((at) => at > now - windowMs).length >= limit) {
          answered.push({ at: now, path, status: 429 });
          return text('{"message":"Rate limit exceeded"}', 429, { 'Retry-After': '1' });
        }
        accepted.push(now);
        answered.push({ at: now, path, status: 200 });
        return path.endsWith('/status_embed_config') ? json(embedConfig) : json([]);
      },
      { rateLimit: { limit, windowMs } },
    );
    const t0 = clock.now();
    const scan = Promise.all(Array.from({ length: 40 }, () => client.listPages({ priority: 'background' })));
    await clock.advance(3500);
    const askedAt = clock.now();
    let answeredAt: number | undefined;
    const person = client.getStatusEmbedConfig('p1').then(() => {
      answeredAt = clock.now();
    });
    await clock.runAll();
    await Promise.all([scan, person]);

    expect(answered.filter((entry) => entry.status === 429)).toEqual([]);
    const delay = answeredAt! - askedAt;
    const scanMs = Math.max(...answered.filter((entry) => entry.path.endsWith('/pages')).map((entry) => entry.at)) - t0;
    const floorMs = (Math.ceil(40 / limit) - 1) * windowMs;
    expect(delay).toBeLessThan(1500);
    expect(delay).toBe(100);
    expect(scanMs).toBeLessThanOrEqual(floorMs * 1.15);
    expect(scanMs).toBe(8000);
  });
});
