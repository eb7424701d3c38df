import type { StatuspageClient } from '../../../shared/client';
import { NotFoundError } from '../../../shared/client';
import type { Page, PagePermissions, User } from '../../../shared/schemas';
import type { ProgressReport } from '../../jobs/job-progress';
import { type OnWait, type Waiter, waitWith } from '../../jobs/wait-out';
import type { MatrixStore, ValueStore } from '../matrix/matrix-store';
import type { ScanOrder, TeamScan } from '../team-access-storage';
import { dropUser, mergeOrganization, readByScan, recordRead, scanCounts, scanOrder, teachesSomething } from './scan-bookkeeping';

export type ScanDeps = Waiter & {
  client: Pick<StatuspageClient, 'listUsers' | 'listPages' | 'getUserPermissions'>;
  organizationId: string;
  /** Milliseconds until `count` more background calls would have their slots, by the limiter's own schedule. */
  timeLeftMs(count: number): number;
  matrix: MatrixStore;
  scan: ValueStore<TeamScan | null>;
  /** The scan's reading order, apart from its record: written once a scan, when the lists are read. */
  order: ValueStore<ScanOrder | null>;
  /** The job's progress record (the engine's `context.report`): counts and time left, after every read. */
  report(update: ProgressReport): Promise<unknown>;
  /** The user and page lists as last read (by the popup, a connection, an earlier scan), while fresh: not read again. */
  freshLists?(): Promise<{ users?: User[]; pages?: Page[] }>;
  /** The lists this scan read, for the popup to share. */
  rememberLists?(lists: { users: User[]; pages: Page[] }): Promise<void>;
  /** Tells the rest of the extension what a read showed (which pages use role based access control). */
  learn?(pages: PagePermissions): Promise<void>;
  /** Permission reads asked for at once (each still waits for its slot): enough to cover a round trip. Default 4. */
  inFlight?: number;
  /** Calls back whenever people's requests start or stop waiting for the key (the limiter's interactive lane); returns an unwatch. */
  watchPeople?(onChange: (waiting: boolean) => void): () => void;
  /** Users to read before the rest (the ones the admin is looking at), asked again before each read. */
  readFirst?(): Promise<readonly string[]>;
};

const BACKGROUND = { priority: 'background' } as const;
export const SCAN_IN_FLIGHT = 4;
/** The scan's progress while a person's request takes the next slot. */
export const PEOPLE_FIRST = "A person's request goes first";

/**
 * Reads every user's permissions at background priority, oldest rows first (the admin's filtered users before
 * them), a few requests in flight so that round trips do not leave the key's window idle; the limiter decides when
 * each goes. Each answer is stored as it comes, so a stopped worker resumes where it was (`fresh: false`): users read
 * since the scan started are skipped. An abort (pause) leaves the scan `paused`; a 420/429 or a lost link is waited
 * out the job engine's way (jobs/wait-out.ts) and it goes on.
 */
export async function runScan(deps: ScanDeps, { signal, fresh }: { signal: AbortSignal; fresh: boolean }): Promise<void> {
  const { client, organizationId } = deps;
  // Stops every reader: a pause (the caller's signal), or one reader's failure.
  const inner = new AbortController();
  const stop = () => inner.abort(signal.reason);
  if (signal.aborted) stop();
  else signal.addEventListener('abort', stop, { once: true });
  let scan = await deps.scan.getValue();
  let order = await deps.order.getValue();
  let unwatchPeople: (() => void) | undefined;
  const update = async (changes: Partial<TeamScan>) => {
    scan = { ...(scan as TeamScan), ...changes, updatedAt: deps.now() };
    await deps.scan.setValue(scan);
  };
  const onWait: OnWait = (state, info) => update({ state, retryAt: info?.retryAt });
  const wait = waitWith(deps, inner.signal);
  const call = <T>(request: () => Promise<T>) => wait(request, onWait);
  try {
    // No order of this scan's own (a fresh start, or stopped before its lists were read): the lists first.
    const ordered = order && scan && order.startedAt === scan.startedAt && order.userIds.length > 0;
    if (fresh || !scan || !ordered || scan.state === 'done' || scan.state === 'failed' || scan.state === 'listing') {
      // A scan stopped while listing lists again, keeping its start: nothing of it was read yet.
      const restarting = scan && !fresh && scan.state !== 'done' && scan.state !== 'failed' ? scan : undefined;
      const startedAt = restarting?.startedAt ?? deps.now();
      const previousStartedAt = restarting ? restarting.previousStartedAt : scan?.startedAt;
      scan = { state: 'listing', startedAt, updatedAt: deps.now(), ...(previousStartedAt !== undefined && { previousStartedAt }) };
      await deps.scan.setValue(scan);
      const known = (await deps.freshLists?.().catch(() => undefined)) ?? {};
      // "Listing users: 1,200 of about 5,000": the count as pages come, against the last known size.
      const about = Object.keys((await deps.matrix.get()).users).length;
      const onProgress = (listed: number) => void deps.report({ done: listed, ...(about > 0 ? { total: about } : { total: undefined }) });
      const users = known.users ?? (await call(() => client.listUsers(organizationId, { ...BACKGROUND, signal: inner.signal, onProgress })));
      const pages = known.pages ?? (await call(() => client.listPages({ ...BACKGROUND, signal: inner.signal })));
      if (!known.users || !known.pages) await deps.rememberLists?.({ users, pages }).catch(() => {});
      const matrix = await deps.matrix.update((current) => mergeOrganization(current, users, pages, deps.now()));
      // The order before the record that says it is there: a worker stopped between them lists again.
      order = { startedAt, userIds: scanOrder(matrix.users) };
      await deps.order.setValue(order);
      await update({ state: 'running' });
    } else {
      await update({ state: 'running', retryAt: undefined, error: undefined });
    }
    const current = order as ScanOrder; // this scan's own: its startedAt is the record's
    let { done, left } = scanCounts(current, await deps.matrix.get());
    let peopleWaiting = false;
    const report = () =>
      deps.report({ done, total: done + left, timeLeftMs: deps.timeLeftMs(left), reason: peopleWaiting ? PEOPLE_FIRST : undefined });
    // The scan shows that it waits while a person's request goes first (written only when that changes).
    unwatchPeople = deps.watchPeople?.((waiting) => {
      if (waiting === peopleWaiting) return;
      peopleWaiting = waiting;
      void report();
    });
    await report();
    const next = userPicker(current, deps);
    const taught = new Map<string, boolean>();
    let failure: unknown;
    const reader = async () => {
      for (let userId = await next(); userId !== undefined && !inner.signal.aborted; userId = await next()) {
        try {
          const { pages } = await call(() => client.getUserPermissions(organizationId, userId, { ...BACKGROUND, signal: inner.signal }));
          await deps.matrix.update((matrix) => recordRead(matrix, userId, pages, deps.now()));
          if (teachesSomething(taught, pages)) await deps.learn?.(pages).catch(() => taught.clear()); // a failed write: the next read teaches again
          done++;
        } catch (error) {
          if (inner.signal.aborted) return;
          if (!(error instanceof NotFoundError)) {
            failure = error;
            inner.abort('failed');
            return;
          }
          // Removed from the organization since the list was read.
          await deps.matrix.update((matrix) => dropUser(matrix, userId));
        }
        left--;
        await report();
      }
    };
    await Promise.all(Array.from({ length: Math.max(1, deps.inFlight ?? SCAN_IN_FLIGHT) }, reader));
    if (signal.aborted) throw signal.reason;
    if (failure !== undefined) throw failure;
    await update({ state: 'done', finishedAt: deps.now(), retryAt: undefined });
    await deps.report({ state: 'done', done, total: done + left, timeLeftMs: 0 });
  } catch (error) {
    if (signal.aborted) {
      await update({ state: 'paused', retryAt: undefined });
      await deps.report({ state: 'paused' });
      return;
    }
    const message = error instanceof Error ? error.message : String(error);
    await update({ state: 'failed', error: message, retryAt: undefined });
    await deps.report({ state: 'failed', reason: message });
  } finally {
    unwatchPeople?.();
    signal.removeEventListener('abort', stop);
  }
}

/**
 * The next user to read: one the admin is looking at first, then the scan's order; never one read by this scan, one
 * gone from the matrix, or one another reader has taken.
 */
function userPicker(scan: ScanOrder, deps: Pick<ScanDeps, 'matrix' | 'readFirst'>): () => Promise<string | undefined> {
  const taken = new Set<string>();
  let position = 0;
  // Claimed before the first await, so two readers never take the same user; a user not wanted stays skipped.
  const claim = async (userId: string) => {
    if (taken.has(userId)) return false;
    taken.add(userId);
    const user = (await deps.matrix.get()).users[userId];
    return user !== undefined && !readByScan(user, scan);
  };
  return async () => {
    for (const userId of (await deps.readFirst?.().catch(() => [])) ?? []) if (await claim(userId)) return userId;
    while (position < scan.userIds.length) {
      const userId = scan.userIds[position++] as string;
      if (await claim(userId)) return userId;
    }
    return undefined;
  };
}
