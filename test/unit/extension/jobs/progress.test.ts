import { describe, expect, it } from 'vitest';
import { ForbiddenError, RateLimitedError } from '../../../../shared/client';
import { createEngine } from '../../../../extension/jobs/engine';
import type { JobKind } from '../../../../extension/jobs/job-kind';
import type { JobProgress, ProgressStore } from '../../../../extension/jobs/job-progress';
import { fakeEngine, held } from './fake-engine';

/** Progress kept as storage would: every record written, in order, per job. */
function progressLog() {
  const written: JobProgress[] = [];
  const latest = new Map<string, JobProgress>();
  const store: ProgressStore = {
    write: async (kind, id, progress) => {
      written.push(progress);
      latest.set(`${kind}/${id}`, progress);
    },
    remove: async (kind, id) => void latest.delete(`${kind}/${id}`),
  };
  return { store, written, latest };
}

/** A kind that reads `total` items, one call each, and reports how many it has done. */
function countingKind(total: number, call: (step: number, signal: AbortSignal) => Promise<void>): JobKind<void> {
  return {
    name: 'count',
    pending: async () => [],
    watch: () => {},
    jobsOf: async (connectionId) => [connectionId],
    async run(_id, context) {
      for (let step = 0; step < total; step++) {
        await context.waitOut(
          () => call(step, context.signal),
          async () => {},
        );
        await context.report({ done: step + 1, total, timeLeftMs: (total - step - 1) * 1_000 });
      }
    },
  };
}

function engineWith(kind: JobKind<void>) {
  const f = fakeEngine();
  const log = progressLog();
  const engine = createEngine({ ...f.deps, progress: log.store });
  engine.define(kind);
  return { f, log, engine };
}

describe("the engine's progress record", () => {
  it('follows the job: counts and time left as it reports, a wait with its retry time and reason, then done', async () => {
    let limited = false;
    const t = engineWith(
      countingKind(3, async (step) => {
        if (step === 1 && !limited) {
          limited = true;
          throw new RateLimitedError({ retryAt: new Date(t.f.state.now + 5_000), status: 429 });
        }
      }),
    );
    const retryAt = t.f.state.now + 5_000;
    await t.engine.start('count', 'c1');
    const states = t.log.written.map((record) => record.state);
    expect(states[0]).toBe('running');
    expect(t.log.written).toContainEqual(expect.objectContaining({ state: 'rate-limited', retryAt, done: 1, total: 3 }));
    const waited = t.log.written.findIndex((record) => record.state === 'rate-limited');
    // Going on again: the retry time goes with the wait.
    expect(t.log.written[waited + 1]).toMatchObject({ state: 'running', done: 1 });
    expect(t.log.written[waited + 1]?.retryAt).toBeUndefined();
    expect(t.log.latest.get('count/c1')).toMatchObject({ kind: 'count', state: 'done', done: 3, total: 3 });
    expect(t.log.latest.get('count/c1')?.timeLeftMs).toBeUndefined();
    // Small: a few numbers, not the job's data.
    expect(Math.max(...t.log.written.map((record) => JSON.stringify(record).length))).toBeLessThan(300);
  });

  it('says why a job failed, and that a paused one is paused', async () => {
    const failing = engineWith(
      countingKind(2, async () => {
        throw new ForbiddenError({ status: 403, message: 'The key was revoked' });
      }),
    );
    await expect(failing.engine.start('count', 'c1')).rejects.toThrow();
    expect(failing.log.latest.get('count/c1')).toMatchObject({ state: 'failed', reason: expect.stringContaining('revoked') });

    const open = held();
    const paused = engineWith(countingKind(2, (_step, signal) => open.until(signal)));
    const running = paused.engine.start('count', 'c2');
    await expect.poll(() => paused.engine.isRunning('count', 'c2')).toBe(true);
    await paused.engine.stop('count', 'c2', 'pause');
    await expect(running).rejects.toBe('pause');
    expect(paused.log.latest.get('count/c2')).toMatchObject({ state: 'paused' });
  });

  it("goes with its connection's jobs", async () => {
    const t = engineWith(countingKind(1, async () => {}));
    await t.engine.start('count', 'c1');
    expect(t.log.latest.has('count/c1')).toBe(true);
    await t.engine.forgetConnection('c1');
    expect(t.log.latest.has('count/c1')).toBe(false);
  });
});
