import { useEffect, useRef, useState } from 'preact/hooks';
import { NetworkError, RateLimitedError, TimeoutError, UnauthorizedError } from '../../shared/index';
import { describeError, type ErrorSubject } from './error-text';
import { usePopupServices } from './popup-context';

/** Waits before retrying a refresh that met a network failure while the browser claimed to be online. */
const NETWORK_RETRY_DELAYS_MS = [500, 1_500, 4_000];

/** What the screen says about a refresh: nothing while it goes well (the cached data is on screen meanwhile). */
export interface RefreshState {
  /** Set when the refresh failed for good; the cached data stays on screen. */
  error?: string;
  /** Rate limited: retried automatically at this time (epoch ms). */
  retryAt?: number;
  offline?: boolean;
  /** A refresh is under way (the Permissions tab says it is checking which pages use roles). */
  refreshing?: boolean;
}

// Refreshes in this page by key, under way or just done: a second asker of the same refresh (the Embed tab, which
// asked for its page's config before the pages came, then again when they did) shares it, as SWR's deduping
// interval does. A failed one is forgotten at once, so that the next asker tries again.
const SHARED_FOR_MS = 2_000;
const shared = new Map<string, Promise<unknown>>();

function joinOrStart(key: string, refresh: () => Promise<unknown>): Promise<unknown> {
  const known = shared.get(key);
  if (known) return known;
  const forget = () => {
    if (shared.get(key) === running) shared.delete(key);
  };
  const running: Promise<unknown> = refresh().then(
    (value) => {
      setTimeout(forget, SHARED_FOR_MS);
      return value;
    },
    (error: unknown) => {
      forget();
      throw error;
    },
  );
  shared.set(key, running);
  return running;
}

const sameState = (a: RefreshState, b: RefreshState): boolean =>
  a.error === b.error && a.retryAt === b.retryAt && a.offline === b.offline && a.refreshing === b.refreshing;

/**
 * Runs `refresh` (a background read that also updates the cache the screen is drawn from) whenever `key`
 * changes (sharing a refresh of the same key under way or just done in this page: name keys by what they read), and retries by itself after a rate limit (at the server's time) or a lost connection (when it is back).
 */
export function useRefresh(key: string | undefined, refresh: () => Promise<unknown>, subject?: ErrorSubject): RefreshState {
  // A state equal to the one shown is not set again: each would draw the whole tab once more.
  const [state, setShown] = useState<RefreshState>({});
  const services = usePopupServices();
  // The latest callbacks, read when a refresh runs: only `key` decides when one starts.
  const latest = useRef({ refresh, subject, services });
  latest.current = { refresh, subject, services };

  useEffect(() => {
    if (key === undefined) return;
    const refreshKey = key;
    let live = true;
    let timer: ReturnType<typeof setTimeout> | undefined;
    // A network failure while the browser says it is online (just back online, a waking laptop): a few
    // quick retries before it is shown as an error.
    let networkRetries = 0;
    const onOnline = () => void run();
    const setState = (next: RefreshState) => setShown((shown) => (sameState(shown, next) ? shown : next));
    async function run(): Promise<void> {
      if (!live) return;
      setState({ refreshing: true });
      try {
        await joinOrStart(refreshKey, latest.current.refresh);
        networkRetries = 0;
        if (live) setState({});
      } catch (error) {
        if (!live) return;
        if (error instanceof RateLimitedError) {
          const retryAt = error.retryAt.getTime();
          setState({ retryAt });
          timer = setTimeout(run, Math.max(0, retryAt - Date.now()));
        } else if ((error instanceof NetworkError || error instanceof TimeoutError) && !navigator.onLine) {
          setState({ offline: true });
          addEventListener('online', onOnline, { once: true });
        } else if ((error instanceof NetworkError || error instanceof TimeoutError) && networkRetries < NETWORK_RETRY_DELAYS_MS.length) {
          timer = setTimeout(run, NETWORK_RETRY_DELAYS_MS[networkRetries++]);
        } else {
          const text = describeError(error, latest.current.subject, latest.current.services.apiBaseUrl);
          if (error instanceof UnauthorizedError) latest.current.services.keyRefused(text.message);
          setState({ error: text.message });
        }
      }
    }
    // A task after the effects: the request goes out once the frame that shows the cached data is drawn.
    timer = setTimeout(run, 0);
    return () => {
      live = false;
      clearTimeout(timer);
      removeEventListener('online', onOnline);
    };
  }, [key]);

  return state;
}
