import { describe, expect, it } from 'vitest';
import { ForbiddenError, NetworkError, RateLimitedError } from '../../../shared/index';
import { NETWORK_RETRY_DELAYS_MS, runSave, type SaveRunnerDeps } from '../../../extension/saves/save-runner';
import type { SaveRecord } from '../../../extension/saves/save-record';

// A fake clock and a fake connection: the runner's waits take no real time, and every state it reports is kept.
function harness(online = true) {
  let now = 1_000_000;
  let isOnline = online;
  const reports: SaveRecord[] = [];
  const sleeps: number[] = [];
  let wakeOnline: (() => void) | undefined;
  const deps: SaveRunnerDeps = {
    now: () => now,
    sleep: async (ms, signal) => {
      if (signal.aborted) throw signal.reason;
      sleeps.push(ms);
      now += ms;
    },
    isOnline: () => isOnline,
    waitForOnline: (signal) =>
      new Promise((resolve, reject) => {
        wakeOnline = resolve;
        signal.addEventListener('abort', () => reject(signal.reason));
      }),
    report: async (record) => {
      reports.push(record);
    },
  };
  return {
    deps,
    reports,
    sleeps,
    states: () => reports.map((record) => record.state),
    goOnline: () => {
      isOnline = true;
      wakeOnline?.();
    },
    get now() {
      return now;
    },
  };
}

const save = {
  id: 'embed:c0conn1:p1',
  kind: 'embed' as const,
  request: { connectionId: 'c0conn1', pageId: 'p1', label: 'Acme', changes: { position: 'top-left' as const } },
};

describe('runSave', () => {
  it("waits out a rate limit until the server's time, then retries and succeeds", async () => {
    const h = harness();
    const retryAt = h.now + 7_000;
    let calls = 0;
    const result = await runSave(
      save,
      async () => {
        if (calls++ === 0) throw new RateLimitedError({ retryAt: new Date(retryAt), status: 429 });
        return 'saved';
      },
      h.deps,
      { signal: new AbortController().signal },
    );
    expect(result).toBe('saved');
    expect(h.states()).toEqual(['saving', 'waiting', 'saving']);
    expect(h.reports[1]!.retryAt).toBe(retryAt); // the server's time, for the popup's countdown
    expect(h.sleeps).toEqual([7_000]);
  });

  it('waits for the connection to come back when offline, then retries', async () => {
    const h = harness(false);
    let calls = 0;
    const running = runSave(
      save,
      async () => {
        if (calls++ === 0) throw new NetworkError('Could not reach Statuspage: Failed to fetch');
        return 'saved';
      },
      h.deps,
      { signal: new AbortController().signal },
    );
    await expect.poll(() => h.states()).toEqual(['saving', 'offline']);
    h.goOnline();
    await expect(running).resolves.toBe('saved');
    expect(h.states()).toEqual(['saving', 'offline', 'saving']);
  });

  it('backs off a few times on network failures while online, then fails and says why', async () => {
    const h = harness(true);
    await expect(
      runSave(save, async () => Promise.reject(new NetworkError('Could not reach Statuspage: ECONNREFUSED')), h.deps, {
        signal: new AbortController().signal,
      }),
    ).rejects.toBeInstanceOf(NetworkError);
    expect(h.sleeps).toEqual(NETWORK_RETRY_DELAYS_MS);
    expect(h.reports.at(-1)).toMatchObject({ state: 'failed', error: { name: 'NetworkError' } });
  });

  it('fails at once on an error that waiting cannot fix', async () => {
    const h = harness();
    await expect(
      runSave(save, async () => Promise.reject(new ForbiddenError()), h.deps, { signal: new AbortController().signal }),
    ).rejects.toBeInstanceOf(ForbiddenError);
    expect(h.states()).toEqual(['saving', 'failed']);
    expect(h.reports[1]!.error).toMatchObject({ name: 'ForbiddenError', status: 403 });
  });

  it('a cancel during a wait ends it as failed, saying the draft is kept', async () => {
    const h = harness(false);
    const controller = new AbortController();
    const running = runSave(save, async () => Promise.reject(new NetworkError()), h.deps, { signal: controller.signal });
    await expect.poll(() => h.states()).toEqual(['saving', 'offline']);
    controller.abort();
    await expect(running).rejects.toThrow('the draft is kept');
    expect(h.reports.at(-1)).toMatchObject({ state: 'failed', error: { name: 'AbortedError' } });
  });

  it('resumes a save that was waiting when the worker stopped, not before its time', async () => {
    const h = harness();
    const notBefore = h.now + 4_000;
    await runSave(save, async () => 'saved', h.deps, { signal: new AbortController().signal, notBefore });
    expect(h.sleeps).toEqual([4_000]);
    expect(h.states()).toEqual(['waiting', 'saving']);
  });
});
