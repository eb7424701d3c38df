import { RefreshNote } from './RefreshNote';
import type { RefreshState } from './use-refresh';

interface Props {
  /** The refresh that will bring the data. */
  refresh: RefreshState;
  /** What is on its way, as RefreshNote names it: "your pages". */
  what: string;
  /** The loading line's own wording, when it differs: "the organization's users". */
  loading?: string;
}

/** Nothing cached to draw yet: why the refresh is late (rate limit, offline, error) if it is, else a loading line. */
export function Loading({ refresh, what, loading = what }: Props) {
  if (refresh.error !== undefined || refresh.retryAt !== undefined || refresh.offline) return <RefreshNote state={refresh} what={what} />;
  return (
    <p class="loading" role="status">
      <span class="spinner" aria-hidden="true" /> Loading {loading}…
    </p>
  );
}
