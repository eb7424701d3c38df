/** The summary is read again this often while the tab is visible. */
export const REFRESH_INTERVAL_MS = 60_000;
/** The longest wait between attempts while the status page keeps failing. */
export const MAX_BACKOFF_MS = 10 * 60_000;

/** Delay before the next attempt: the interval, doubled per consecutive failure, with jitter so that many visitors do not retry in step. */
export function nextDelay(failures: number, random = Math.random): number {
  return failures ? Math.min(REFRESH_INTERVAL_MS * 2 ** failures, MAX_BACKOFF_MS) * (0.8 + 0.4 * random()) : REFRESH_INTERVAL_MS;
}

/**
 * Runs `run` now, then again after each delay, but only while the document is visible: a hidden tab makes
 * no requests, and one that comes back runs at once if a refresh fell due meanwhile. Runs never overlap.
 * `run` resolving to nothing truthy (or rejecting) counts as a failure and backs off. Returns `stop`. The first run
 * starts in a microtask, not in a timer's task (which waits behind the page's own tasks): its request leaves as soon
 * as the caller's code is done, yet after attributes set just after connecting.
 */
export function startRefreshLoop(run: () => Promise<unknown>, doc: Document = document): () => void {
  let failures = 0;
  let dueAt = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let running: boolean | undefined;
  let stopped: true | undefined;

  const schedule = () => {
    clearTimeout(timer);
    if (running || stopped || doc.visibilityState === 'hidden') return;
    if (dueAt) timer = setTimeout(tick, dueAt - Date.now());
    else tick(); // it never ran yet
  };
  const tick = async () => {
    running = true;
    const ok = await run().catch(() => false);
    failures = ok ? 0 : failures + 1;
    dueAt = Date.now() + nextDelay(failures);
    running = false;
    schedule();
  };

  doc.addEventListener('visibilitychange', schedule);
  queueMicrotask(schedule);
  return () => {
    stopped = true;
    doc.removeEventListener('visibilitychange', schedule);
    clearTimeout(timer);
  };
}

/**
 * Paces a source read along with the summary (the config): after n failures in a row it sits out the next
 * 2^n - 1 refreshes, at most 9, so a broken config endpoint costs a request every ten minutes at worst and
 * never slows the summary down. `due()` once per refresh; `record(ok)` after each read it allowed; `failing()` until
 * a read succeeds again.
 */
export function skipAfterFailures() {
  let failures = 0;
  let skips = 0;
  return {
    due: () => skips-- <= 0,
    failing: () => failures > 0,
    record(ok: boolean) {
      failures = ok ? 0 : failures + 1;
      skips = Math.min(2 ** failures, 10) - 1;
    },
  };
}
