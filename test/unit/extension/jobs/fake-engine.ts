import { createEngine } from '../../../../extension/jobs/engine';
import type { EngineDeps } from '../../../../extension/jobs/job-kind';

/** An engine on a fake clock: sleeps take no time (each is logged), online is a switch, the alarm is a variable. */
export function fakeEngine({ online = true } = {}) {
  const state = { now: 1_000_000, online, alarm: undefined as number | undefined, alarms: [] as Array<number | undefined>, sleeps: [] as number[] };
  let wakeOnline: (() => void) | undefined;
  const deps: EngineDeps = {
    now: () => state.now,
    sleep: async (ms, signal) => {
      if (signal.aborted) throw signal.reason;
      state.sleeps.push(ms);
      state.now += ms;
    },
    isOnline: () => state.online,
    waitForOnline: (signal) =>
      new Promise((resolve, reject) => {
        wakeOnline = resolve;
        signal.addEventListener('abort', () => reject(signal.reason));
      }),
    keepAlive: (work) => work,
    setAlarm: async (when) => {
      state.alarm = when;
      state.alarms.push(when);
    },
  };
  return {
    engine: createEngine(deps),
    deps,
    state,
    goOnline() {
      state.online = true;
      wakeOnline?.();
    },
  };
}

/** A call held open (a worker stopped under it never sees its answer); `until(signal)` ends with an abort, as a real call does. */
export function held<T = void>() {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((done) => {
    resolve = done;
  });
  const until = (signal: AbortSignal) =>
    new Promise<T>((done, fail) => {
      void promise.then(done);
      signal.addEventListener('abort', () => fail(signal.reason), { once: true });
    });
  return { promise, resolve, until };
}
