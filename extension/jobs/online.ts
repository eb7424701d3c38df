/** Resolves when the browser says it is online again (the event, or a poll for a worker that missed it). */
export function waitForOnline(signal: AbortSignal): Promise<void> {
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
    const poll = setInterval(() => navigator.onLine && done(), 2_000);
    globalThis.addEventListener('online', done, { once: true });
    signal.addEventListener('abort', abort, { once: true });
  });
}
