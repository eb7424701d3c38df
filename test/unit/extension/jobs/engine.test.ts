import { describe, expect, it } from 'vitest';
import { ForbiddenError, NetworkError, RateLimitedError } from '../../../../shared/client';
import type { JobKind, PendingJob, StopReason } from '../../../../extension/jobs/job-kind';
import { NETWORK_RETRY_DELAYS_MS, type WaitState } from '../../../../extension/jobs/wait-out';
import { IN_FLIGHT_CHECK_MS, nextWakeAt } from '../../../../extension/jobs/wake-time';
import { fakeEngine, held } from './fake-engine';

/**
 * A job kind of steps, as the scan and the batch are: its record (here a plain object, as storage would hold it) says
 * how many steps landed; each step is one call to a "server" that logs what it received, and is recorded before the next.
 */
interface StepsRecord {
  next: number;
  total: number;
  state: string;
  retryAt?: number;
}

function stepsKind(records: Map<string, StepsRecord>, server: string[], name = 'steps') {
  const waits: WaitState[] = [];
  const calls: Array<(signal: AbortSignal) => Promise<void>> = [];
  const stops: Array<[string, StopReason]> = [];
  let onChange = () => {};
  const kind: JobKind<string> = {
    name,
    async pending() {
      return [...records]
        .filter(([, r]) => r.state !== 'done' && r.state !== 'paused')
        .map(([id, r]): PendingJob => ({ id, ...(r.retryAt !== undefined && { retryAt: r.retryAt }) }));
    },
    watch: (callback) => {
      onChange = callback;
    },
    async run(id, context) {
      const record = records.get(id)!;
      try {
        while (record.next < record.total) {
          const step = record.next;
          await context.waitOut(
            async () => {
              await calls[step]?.(context.signal);
              server.push(`${id}:${step}`);
            },
            async (state, info) => {
              waits.push(state);
              record.state = state;
              record.retryAt = info?.retryAt;
              onChange();
            },
          );
          record.next = step + 1;
        }
        record.state = 'done';
        onChange();
        return `${id} done`;
      } catch (error) {
        if (context.signal.aborted) record.state = context.signal.reason === 'cancel' ? 'done' : 'paused';
        throw error;
      }
    },
    async stopStored(id, reason) {
      stops.push([id, reason]);
    },
  };
  return { kind, waits, calls, stops };
}

describe('the job engine', () => {
  it("waits out a rate limit until the server's time, then goes on and succeeds", async () => {
    const f = fakeEngine();
    const records = new Map([['j1', { next: 0, total: 3, state: 'running' }]]);
    const server: string[] = [];
    const steps = stepsKind(records, server);
    const retryAt = f.state.now + 7_000;
    steps.calls[1] = async () => {
      steps.calls[1] = undefined as never;
      throw new RateLimitedError({ retryAt: new Date(retryAt), status: 429 });
    };
    f.engine.define(steps.kind);
    await expect(f.engine.start('steps', 'j1')).resolves.toBe('j1 done');
    expect(server).toEqual(['j1:0', 'j1:1', 'j1:2']);
    expect(f.state.sleeps).toEqual([7_000]);
    expect(steps.waits).toEqual(['rate-limited', 'running']);
  });

  it('waits for the link when offline, backs off by the one table while online, and gives up after it', async () => {
    const f = fakeEngine({ online: false });
    const records = new Map([['j1', { next: 0, total: 1, state: 'running' }]]);
    const steps = stepsKind(records, []);
    let failures = 0;
    steps.calls[0] = async () => {
      if (failures++ === 0) throw new NetworkError('Could not reach Statuspage: Failed to fetch');
    };
    f.engine.define(steps.kind);
    const running = f.engine.start('steps', 'j1');
    await expect.poll(() => steps.waits).toEqual(['offline']);
    f.goOnline();
    await expect(running).resolves.toBe('j1 done');

    records.set('j2', { next: 0, total: 1, state: 'running' });
    steps.calls[0] = async () => Promise.reject(new NetworkError('Could not reach Statuspage: ECONNREFUSED'));
    await expect(f.engine.start('steps', 'j2')).rejects.toBeInstanceOf(NetworkError);
    expect(f.state.sleeps).toEqual(NETWORK_RETRY_DELAYS_MS);
  });

  it('keeps trying at the last step of the table for background work nobody waits on', async () => {
    const f = fakeEngine();
    const steps = stepsKind(new Map([['j1', { next: 0, total: 1, state: 'running' }]]), []);
    let failures = 0;
    steps.calls[0] = async () => {
      if (failures++ < 6) throw new NetworkError('Could not reach Statuspage: ECONNREFUSED');
    };
    f.engine.define({ ...steps.kind, keepTrying: true });
    await expect(f.engine.start('steps', 'j1')).resolves.toBe('j1 done');
    const last = NETWORK_RETRY_DELAYS_MS.at(-1)!;
    expect(f.state.sleeps).toEqual([...NETWORK_RETRY_DELAYS_MS, last, last, last]);
  });

  it('hands an error that waiting cannot fix to the job at once', async () => {
    const f = fakeEngine();
    const steps = stepsKind(new Map([['j1', { next: 0, total: 2, state: 'running' }]]), []);
    steps.calls[0] = async () => Promise.reject(new ForbiddenError());
    f.engine.define(steps.kind);
    await expect(f.engine.start('steps', 'j1')).rejects.toBeInstanceOf(ForbiddenError);
    expect(f.state.sleeps).toEqual([]);
  });

  it('a new worker resumes a job mid-way from its record, without repeating a step that landed, not before its retry time', async () => {
    const records = new Map<string, StepsRecord>([['j1', { next: 0, total: 4, state: 'running' }]]);
    const server: string[] = [];
    // The first worker: step 2's call never answers (the browser stops the worker under it).
    const first = fakeEngine();
    const before = stepsKind(records, server);
    const stopped = held();
    before.calls[2] = () => stopped.promise;
    first.engine.define(before.kind);
    void first.engine.start('steps', 'j1');
    await expect.poll(() => records.get('j1')!.next).toBe(2);
    expect(server).toEqual(['j1:0', 'j1:1']);

    // The new worker knows only what is stored: the record says two steps landed, and to wait until its retry time.
    records.get('j1')!.retryAt = 1_004_000;
    const second = fakeEngine();
    const after = stepsKind(records, server);
    second.engine.define(after.kind);
    await second.engine.resume();
    await expect.poll(() => records.get('j1')!.state).toBe('done');
    expect(server).toEqual(['j1:0', 'j1:1', 'j1:2', 'j1:3']);
    expect(second.state.sleeps).toEqual([4_000]);
    expect(second.engine.isRunning('steps', 'j1')).toBe(false);
  });

  it('pause and cancel stop a running job with their reason; a job not running here is settled by its kind', async () => {
    const f = fakeEngine();
    const records = new Map([
      ['j1', { next: 0, total: 3, state: 'running' }],
      ['j2', { next: 0, total: 3, state: 'running' }],
    ]);
    const steps = stepsKind(records, []);
    const open = held();
    steps.calls[1] = (signal) => open.until(signal);
    f.engine.define(steps.kind);
    const j1 = f.engine.start('steps', 'j1');
    await expect.poll(() => records.get('j1')!.next).toBe(1);
    await f.engine.stop('steps', 'j1', 'pause');
    await expect(j1).rejects.toBe('pause');
    expect(records.get('j1')!.state).toBe('paused');
    expect(f.engine.isRunning('steps', 'j1')).toBe(false);

    const j2 = f.engine.start('steps', 'j2');
    await expect.poll(() => records.get('j2')!.next).toBe(1);
    await f.engine.stop('steps', 'j2', 'cancel');
    await expect(j2).rejects.toBe('cancel');
    expect(records.get('j2')!.state).toBe('done');

    await f.engine.stop('steps', 'j9', 'pause');
    expect(steps.stops).toEqual([['j9', 'pause']]);
  });

  it('a new run of a job stops the one under way first', async () => {
    const f = fakeEngine();
    const records = new Map([['j1', { next: 0, total: 2, state: 'running' }]]);
    const steps = stepsKind(records, []);
    const open = held();
    steps.calls[0] = (signal) => open.until(signal);
    f.engine.define(steps.kind);
    const old = f.engine.start('steps', 'j1');
    await expect.poll(() => f.engine.isRunning('steps', 'j1')).toBe(true);
    steps.calls[0] = async () => {};
    const renewed = f.engine.start('steps', 'j1');
    await expect(old).rejects.toBe('replace');
    await expect(renewed).resolves.toBe('j1 done');
  });

  it('removing a connection stops its jobs of every kind, which then forget their records', async () => {
    const f = fakeEngine();
    const records = new Map<string, StepsRecord>([
      ['c1:a', { next: 0, total: 2, state: 'running' }],
      ['c2:a', { next: 0, total: 2, state: 'running' }],
    ]);
    const steps = stepsKind(records, []);
    const open = held();
    steps.calls[0] = (signal) => open.until(signal);
    const forgotten: string[][] = [];
    f.engine.define({
      ...steps.kind,
      jobsOf: async (connectionId) => [...records.keys()].filter((id) => id.startsWith(`${connectionId}:`)),
      forgetRecords: async (ids) => void forgotten.push(ids),
    });
    const running = f.engine.start('steps', 'c1:a');
    await expect.poll(() => f.engine.isRunning('steps', 'c1:a')).toBe(true);
    expect(f.engine.running('steps')).toEqual(['c1:a']);
    await f.engine.forgetConnection('c1');
    await expect(running).rejects.toBe('removed');
    expect(forgotten).toEqual([['c1:a']]);
    expect(steps.stops).toEqual([]); // nothing to settle: the records go
  });

  it('keeps one alarm for every kind: the earliest retry time, soon for one in flight, none when nothing is pending', async () => {
    const f = fakeEngine();
    const now = f.state.now;
    const scans = new Map<string, StepsRecord>([['c1', { next: 0, total: 1, state: 'rate-limited', retryAt: now + 50_000 }]]);
    const saves = new Map([['s1', { next: 0, total: 1, state: 'rate-limited', retryAt: now + 5_000 }]]);
    f.engine.define(stepsKind(scans, [], 'scan').kind);
    f.engine.define(stepsKind(saves, [], 'save').kind);
    await f.engine.schedule();
    expect(f.state.alarm).toBe(now + 5_000);
    saves.get('s1')!.state = 'done';
    await f.engine.schedule();
    expect(f.state.alarm).toBe(now + 50_000);
    scans.get('c1')!.retryAt = undefined; // in flight
    await f.engine.schedule();
    expect(f.state.alarm).toBe(now + IN_FLIGHT_CHECK_MS);
    scans.get('c1')!.state = 'done';
    await f.engine.schedule();
    expect(f.state.alarm).toBeUndefined();
    expect(() => f.engine.define(stepsKind(scans, [], 'scan').kind)).toThrow('defined twice');
  });
});

describe('nextWakeAt', () => {
  const now = 1_000_000;
  it('wakes at the earliest retry time, soon for a job in flight, never in the past, not at all for nothing', () => {
    expect(nextWakeAt([{ id: 'a', retryAt: now + 5_000 }], now)).toBe(now + 5_000);
    expect(nextWakeAt([{ id: 'a', retryAt: now + 90_000 }, { id: 'b' }], now)).toBe(now + IN_FLIGHT_CHECK_MS);
    expect(nextWakeAt([{ id: 'a', retryAt: now - 60_000 }], now)).toBe(now + 1_000);
    expect(nextWakeAt([], now)).toBeUndefined();
  });
});
