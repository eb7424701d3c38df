import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { RateLimitedError } from '../../../../shared/client';
import type { SaveEmbedRequest } from '../../../../extension/saves/save-requests';
import { defineSaveKind, saveJobName } from '../../../../extension/saves/save-kind';
import { type SaveRecord, savesItem } from '../../../../extension/saves/save-record';
import { putSave } from '../../../../extension/saves/save-records';
import { fakeEngine, held } from './fake-engine';

const REQUEST: SaveEmbedRequest = { connectionId: 'c0conn1', pageId: 'p1', label: 'Acme', changes: { position: 'top-left' } };
const ID = 'embed:c0conn1:p1';

beforeEach(() => fakeBrowser.reset());

/** The embed save's shape on the engine, with a fake send: what each try saw stored is kept. */
function setUp(send: (signal: AbortSignal) => Promise<string>, conflict = false) {
  const f = fakeEngine();
  const seen: Array<SaveRecord | undefined> = [];
  const kind = defineSaveKind({
    kind: 'embed',
    perform: (_request, signal, wait) =>
      wait(async () => {
        seen.push((await savesItem.getValue())[ID]);
        return send(signal);
      }),
    settle: async () => (conflict ? { current: {} } : undefined),
  });
  f.engine.define(kind);
  const sleep = f.deps.sleep;
  f.deps.sleep = async (ms, signal) => {
    seen.push((await savesItem.getValue())[ID]);
    await sleep(ms, signal);
  };
  const start = async () => {
    await putSave({ id: ID, kind: 'embed', request: REQUEST, state: 'saving', updatedAt: 0 });
    return f.engine.start(saveJobName('embed'), ID);
  };
  return { f, kind, seen, start };
}

describe('a save on the job engine', () => {
  it('shows the wait for a rate limit with its retry time, sends again, and leaves no record once saved', async () => {
    let tries = 0;
    const retryAt = 1_000_000 + 7_000;
    const t = setUp(async () => {
      if (tries++ === 0) throw new RateLimitedError({ retryAt: new Date(retryAt), status: 429 });
      return 'saved';
    });
    await expect(t.start()).resolves.toBe('saved');
    expect(t.seen.map((record) => record?.state)).toEqual(['saving', 'waiting', 'saving']);
    expect(t.seen[1]?.retryAt).toBe(retryAt);
    expect(await savesItem.getValue()).toEqual({});
  });

  it('a cancel ends it as failed, saying the draft is kept; a conflict stays on record', async () => {
    const open = held<string>();
    const t = setUp((signal) => open.until(signal));
    const running = t.start();
    await expect.poll(() => t.f.engine.isRunning(saveJobName('embed'), ID)).toBe(true);
    await t.f.engine.stop(saveJobName('embed'), ID, 'cancel');
    await expect(running).rejects.toThrow('the draft is kept');
    expect((await savesItem.getValue())[ID]).toMatchObject({ state: 'failed', error: { name: 'AbortedError' } });

    fakeBrowser.reset();
    const c = setUp(async () => 'answer', true);
    await c.start();
    expect((await savesItem.getValue())[ID]).toMatchObject({ state: 'conflict', current: {} });
  });

  it('is pending while saving or waiting, with the retry time the alarm needs; failed and conflict are not', async () => {
    const t = setUp(async () => 'saved');
    const base = { kind: 'embed' as const, request: REQUEST, updatedAt: 0 };
    await savesItem.setValue({
      a: { ...base, id: 'embed:c0conn1:a', state: 'waiting', retryAt: 5 },
      b: { ...base, id: 'embed:c0conn1:b', state: 'saving', retryAt: 9 },
      c: { ...base, id: 'embed:c0conn1:c', state: 'failed' },
      d: { ...base, id: 'embed:c0conn1:d', state: 'conflict' },
    });
    expect(await t.kind.pending()).toEqual([{ id: 'embed:c0conn1:a', retryAt: 5 }, { id: 'embed:c0conn1:b' }]);
  });
});
