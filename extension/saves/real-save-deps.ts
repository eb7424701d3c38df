import { systemClock } from '../../shared/index';
import type { SaveRunnerDeps } from './save-runner';
import { keepAliveWhile } from '../worker/keep-alive';
import { putSave } from './save-records';

// Service worker (Chrome) or event page (Firefox): both have navigator.onLine and the online event.
function waitForOnline(signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (navigator.onLine) return resolve();
    const done = () => {
      clearInterval(poll);
      globalThis.removeEventListener('online', done);
      signal.removeEventListener('abort', abort);
      resolve();
    };
    const abort = () => {
      clearInterval(poll);
      globalThis.removeEventListener('online', done);
      reject(signal.reason);
    };
    // The event is the fast path; the poll covers a worker that missed it.
    const poll = setInterval(() => navigator.onLine && done(), 2_000);
    globalThis.addEventListener('online', done, { once: true });
    signal.addEventListener('abort', abort, { once: true });
  });
}

export const realSaveDeps: SaveRunnerDeps = {
  now: () => Date.now(),
  sleep: (ms, signal) => keepAliveWhile(systemClock.sleep(ms, signal)),
  isOnline: () => navigator.onLine,
  waitForOnline: (signal) => keepAliveWhile(waitForOnline(signal)),
  report: putSave,
};
