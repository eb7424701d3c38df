import type { RefreshState } from './use-refresh';
import { secondsLeft, useNow } from './use-now';

/** A quiet line about the refresh behind cached data: only when it is late or failed. */
export function RefreshNote({ state, what }: { state: RefreshState; what: string }) {
  const now = useNow(state.retryAt !== undefined);
  if (state.retryAt !== undefined) {
    return (
      <p class="hint" role="status">
        Statuspage asked to slow down: refreshing {what} in {secondsLeft(state.retryAt, now)} s.
      </p>
    );
  }
  if (state.offline)
    return (
      <p class="hint" role="status">
        Offline: {what} as last seen; refreshing when the connection is back.
      </p>
    );
  if (state.error)
    return (
      <p class="error" role="alert">
        Could not refresh {what}: {state.error}
      </p>
    );
  return null;
}
