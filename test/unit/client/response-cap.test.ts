// The client reads at most maxResponseBytes of an answer: an oversized one fails with a clear error, as soon as it
// passes the cap, without the rest being read.
import { describe, expect, it } from 'vitest';
import { ContractError, createStatuspageClient, InvalidRequestError } from '../../../shared/client';
import { DEFAULT_MAX_RESPONSE_BYTES, formatBytes } from '../../../shared/client/read-capped';
import { makeClient } from './make-client';
import { API_KEY, json, scriptedFetch } from './scripted-fetch';

/** A 200 whose JSON body streams in `chunks` chunks of `size` bytes, counting how many were pulled; no Content-Length. */
function streamed(chunks: number, size: number) {
  let pulled = 0;
  const chunk = new TextEncoder().encode('x'.repeat(size));
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(new TextEncoder().encode('['));
    },
    pull(controller) {
      pulled += 1;
      if (pulled > chunks) {
        controller.enqueue(new TextEncoder().encode(']'));
        controller.close();
      } else controller.enqueue(chunk);
    },
  });
  return { response: new Response(body, { status: 200, headers: { 'content-type': 'application/json' } }), pulled: () => pulled };
}

describe('maxResponseBytes', () => {
  it('defaults to 16 MB and refuses a cap that is not a positive number', () => {
    expect(DEFAULT_MAX_RESPONSE_BYTES).toBe(16 * 1024 * 1024);
    const fetch = scriptedFetch(() => json([]));
    for (const maxResponseBytes of [0, -1, Number.NaN]) {
      expect(() => createStatuspageClient({ apiKey: API_KEY, fetch, maxResponseBytes })).toThrow(InvalidRequestError);
    }
  });

  it('reads an answer within the cap as before', async () => {
    const { client } = makeClient(() => json([{ id: 'p1', name: 'Acme' }]), { maxResponseBytes: 1024 });
    await expect(client.listPages()).resolves.toMatchObject([{ id: 'p1' }]);
  });

  it('refuses an answer whose Content-Length is over the cap, unread, with a clear error', async () => {
    let pulled = false;
    const body = new ReadableStream(
      {
        pull() {
          pulled = true;
        },
      },
      { highWaterMark: 0 }, // pulled only when read
    );
    const { client } = makeClient(() => new Response(body, { status: 200, headers: { 'content-length': String(200 * 1024 * 1024) } }), {
      maxResponseBytes: 1024 * 1024,
    });
    const error = await client.listPages().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ContractError);
    expect((error as Error).message).toBe("Statuspage answered with more than 1 MB (the client's maxResponseBytes): not read");
    expect(pulled).toBe(false);
  });

  it('stops reading a streamed answer as soon as it passes the cap', async () => {
    const answer = streamed(1000, 64 * 1024); // 64 MB if read whole
    const { client } = makeClient(() => answer.response, { maxResponseBytes: 1024 * 1024 });
    await expect(client.listPages()).rejects.toThrow(/more than 1 MB/);
    expect(answer.pulled()).toBeLessThan(20); // 17 chunks of 64 KB pass 1 MB; the rest is never asked for
  });

  it('counts bytes, not characters', async () => {
    const name = 'é'.repeat(600); // 1,200 bytes in UTF-8
    const { client } = makeClient(() => json([{ id: 'p1', name }]), { maxResponseBytes: 1024 });
    await expect(client.listPages()).rejects.toBeInstanceOf(ContractError);
  });

  it('says the cap as a person reads it', () => {
    expect(formatBytes(1024 * 1024)).toBe('1 MB');
    expect(formatBytes(512 * 1024)).toBe('512 KB');
    expect(formatBytes(300)).toBe('300 bytes');
  });
});
