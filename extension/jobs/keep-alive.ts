import { browser } from 'wxt/browser';

// Chrome stops an idle service worker after 30 s; any extension API call resets that clock. While a job runs (and
// waits out a rate limit or a lost connection), a light call every 20 s keeps the worker (and the wait) alive.
const PING_MS = 20_000;
let holders = 0;
let timer: ReturnType<typeof setInterval> | undefined;

export async function keepAliveWhile<T>(work: Promise<T>): Promise<T> {
  holders++;
  timer ??= setInterval(() => void browser.runtime.getPlatformInfo().catch(() => {}), PING_MS);
  try {
    return await work;
  } finally {
    holders--;
    if (holders === 0 && timer !== undefined) {
      clearInterval(timer);
      timer = undefined;
    }
  }
}
