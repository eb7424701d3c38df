import { beforeEach, describe, expect, it } from 'vitest';
import { browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { NotFoundError, RateLimitedError } from '../../../shared/client';
import { SlidingWindowLimiter } from '../../../shared/rate-limit';
import type { PagePermissions, User } from '../../../shared/schemas';
import type { ProgressReport } from '../../../extension/jobs/job-progress';
import { matrixStore, memoryMatrixRows } from '../../../extension/team-access/matrix/matrix-store';
import { PEOPLE_FIRST, runScan, type ScanDeps } from '../../../extension/team-access/scan/scan-runner';
import { type ScanOrder, scanOrderItem, type TeamMatrix, type TeamScan, teamScanItem } from '../../../extension/team-access/team-access-storage';
import { FakeClock } from '../rate-limit/fake-clock';
import { memory } from './support';

const PAGES = [{ id: 'cloud', name: 'Acme Cloud' }];
const people = (count: number): User[] =>
  Array.from({ length: count }, (_, i) => ({ id: `u${i}`, email: `u${i}@acme.example`, first_name: `User`, last_name: `${i}` }));

/** A client that queues on the limiter like the real one, and logs each call with its time and priority. */
function fakeApi(clock: FakeClock, limiter: SlidingWindowLimiter, users: User[], faults: Record<string, Error> = {}) {
  const log: Array<{ call: string; at: number; priority: string | undefined }> = [];
  const call = async <T>(
    name: string,
    priority: 'interactive' | 'background' | undefined,
    signal: AbortSignal | undefined,
    answer: () => T,
  ): Promise<T> => {
    const release = await limiter.acquire(signal, priority);
    try {
      log.push({ call: name, at: clock.now(), priority });
      const fault = faults[name];
      if (fault) {
        delete faults[name];
        throw fault;
      }
      return answer();
    } finally {
      release();
    }
  };
  const client = {
    listUsers: (_org: string, options?: { priority?: 'background'; signal?: AbortSignal }) =>
      call('users', options?.priority, options?.signal, () => users),
    listPages: (options?: { priority?: 'background'; signal?: AbortSignal }) => call('pages', options?.priority, options?.signal, () => PAGES),
    getUserPermissions: (_org: string, userId: string, options?: { priority?: 'background'; signal?: AbortSignal }) =>
      call(userId, options?.priority, options?.signal, () => ({
        userId,
        pages: { cloud: { incident_manager: userId === 'u1' } } as PagePermissions,
      })),
  };
  return { client: client as unknown as ScanDeps['client'], log };
}

function setUp(users: User[], faults?: Record<string, Error>, matrix: TeamMatrix = { users: {}, pages: [] }) {
  const clock = new FakeClock();
  const limiter = new SlidingWindowLimiter({ limit: 5, windowMs: 1000, clock });
  const api = fakeApi(clock, limiter, users, faults);
  const matrixItem = memoryMatrixRows(matrix);
  const scan = memory<TeamScan | null>(null);
  const order = memory<ScanOrder | null>(null);
  const progress = { value: undefined as ProgressReport | undefined, reports: [] as ProgressReport[] };
  const deps = (): ScanDeps => ({
    client: api.client,
    organizationId: 'org',
    now: () => clock.now(),
    sleep: (ms, signal) => clock.sleep(ms, signal),
    timeLeftMs: (count) => limiter.estimateWaitMs(count, 'background'),
    watchPeople: (onChange) => limiter.watchQueue((waiting) => onChange(waiting.interactive > 0)),
    matrix: matrixStore(matrixItem), // a fresh store each run: a new worker reads storage again
    scan,
    order,
    report: async (update) => {
      progress.reports.push(update);
      progress.value = { ...progress.value, ...update };
    },
  });
  return { clock, limiter, api, matrixItem, scan, order, progress, deps };
}

describe('the scan', () => {
  it('reads every user once at background priority, at the pace the limiter allows, with an honest time left', async () => {
    const t = setUp(people(12));
    const start = t.clock.now();
    const done = runScan(t.deps(), { signal: new AbortController().signal, fresh: true });
    // 14 calls (list users, list pages, 12 reads); at first the limiter's schedule says how long the rest will take.
    await t.clock.runAll();
    await done;
    const firstEstimate = t.progress.reports.find((report) => report.timeLeftMs !== undefined)?.timeLeftMs ?? 0;
    expect(t.api.log.map((entry) => entry.priority)).toEqual(Array(14).fill('background'));
    expect(new Set(t.api.log.map((entry) => entry.call)).size).toBe(14);
    const took = t.clock.now() - start;
    // Background calls leave one slot a window for people: 4 a second, so 14 calls end in their fourth window.
    expect(took).toBeGreaterThanOrEqual(2_000);
    expect(took).toBeLessThan(4_000);
    expect(firstEstimate).toBeGreaterThan(took - 1_000);
    expect(firstEstimate).toBeLessThanOrEqual(took);
    expect(t.scan.value?.state).toBe('done');
    expect(t.progress.value).toMatchObject({ done: 12, total: 12, timeLeftMs: 0 });
    expect(Object.keys(t.matrixItem.value.users)).toHaveLength(12);
  });

  it('a person’s call during the scan gets the next free slot, ahead of the queued scan', async () => {
    const t = setUp(people(30));
    const scan = runScan(t.deps(), { signal: new AbortController().signal, fresh: true });
    await t.clock.advance(2_500);
    const askedAt = t.clock.now();
    const person = t.limiter.acquire(undefined, 'interactive').then((release) => {
      release();
      return t.clock.now();
    });
    await t.clock.advance(2_000);
    expect((await person) - askedAt).toBeLessThanOrEqual(t.limiter.headroomMs);
    await t.clock.runAll();
    await scan;
    // While the person waited, the scan's progress said so; once they were served, it no longer does.
    expect(t.progress.reports.some((report) => report.reason === PEOPLE_FIRST)).toBe(true);
    expect(t.progress.value?.reason).toBeUndefined();
  });

  it('a 429 pauses the scan until Retry-After, then it goes on by itself', async () => {
    const t = setUp(people(3));
    const retryAt = new Date(new FakeClock().now() + 5_000);
    const faults = { u1: new RateLimitedError({ retryAt }) };
    const api = fakeApi(t.clock, t.limiter, people(3), faults);
    const deps = { ...t.deps(), client: api.client };
    const done = runScan(deps, { signal: new AbortController().signal, fresh: true });
    await t.clock.advance(700);
    expect(t.scan.value).toMatchObject({ state: 'rate-limited', retryAt: retryAt.getTime() });
    await t.clock.advance(4_000);
    expect(api.log.filter((entry) => entry.call === 'u1')).toHaveLength(1);
    await t.clock.runAll();
    await done;
    expect(api.log.filter((entry) => entry.call === 'u1').map((entry) => entry.at >= retryAt.getTime())).toEqual([false, true]);
    expect(t.scan.value?.state).toBe('done');
  });

  it('paused (or stopped) mid-way, a resumed scan reads only the users it has not read yet', async () => {
    const t = setUp(people(20));
    const controller = new AbortController();
    const first = runScan(t.deps(), { signal: controller.signal, fresh: true });
    await t.clock.advance(1_500);
    controller.abort('pause');
    await t.clock.runAll();
    await first;
    expect(t.scan.value?.state).toBe('paused');
    const readBefore = t.api.log.filter((entry) => /^u\d+$/.test(entry.call)).length;
    expect(readBefore).toBeGreaterThan(0);
    expect(readBefore).toBeLessThan(20);

    const resumed = runScan(t.deps(), { signal: new AbortController().signal, fresh: false });
    await t.clock.runAll();
    await resumed;
    const reads = t.api.log.filter((entry) => /^u\d+$/.test(entry.call)).map((entry) => entry.call);
    expect(reads).toHaveLength(20);
    expect(new Set(reads).size).toBe(20);
    expect(t.scan.value?.state).toBe('done');
  });

  it('a new scan reads the oldest rows first; a user who left, or is gone mid-scan, leaves the matrix', async () => {
    const old: TeamMatrix = {
      pages: [],
      users: {
        u0: { id: 'u0', name: 'User 0', email: 'u0@acme.example', firstSeenAt: 0, readAt: 300, cells: {} },
        u1: { id: 'u1', name: 'User 1', email: 'u1@acme.example', firstSeenAt: 0, readAt: 100, cells: {} },
        gone: { id: 'gone', name: 'Gone', email: 'g@acme.example', firstSeenAt: 0, readAt: 50, cells: {} },
      },
    };
    const t = setUp(people(4), { u3: new NotFoundError() }, old);
    const done = runScan(t.deps(), { signal: new AbortController().signal, fresh: true });
    await t.clock.runAll();
    await done;
    // Never read (u2, u3) first, then the oldest read (u1), then u0.
    expect(t.api.log.map((entry) => entry.call).slice(2)).toEqual(['u2', 'u3', 'u1', 'u0']);
    expect(Object.keys(t.matrixItem.value.users).sort()).toEqual(['u0', 'u1', 'u2']);
    expect(t.matrixItem.value.pages).toEqual([{ id: 'cloud', name: 'Acme Cloud', usesRoles: true }]);
    expect(t.matrixItem.value.users.u1?.cells).toEqual({ cloud: 'i' });
  });
});

describe('the scan at the size of an organization', () => {
  /** A client whose every answer takes `latencyMs` while holding its slot, as a real round trip does; counts calls in flight. */
  function slowApi(clock: FakeClock, limiter: SlidingWindowLimiter, users: User[], latencyMs: number) {
    const calls: string[] = [];
    let inFlight = 0;
    let maxInFlight = 0;
    const call = async <T>(name: string, options: { priority?: 'background'; signal?: AbortSignal } | undefined, answer: () => T) => {
      const release = await limiter.acquire(options?.signal, options?.priority);
      inFlight++;
      maxInFlight = Math.max(maxInFlight, inFlight);
      try {
        await clock.sleep(latencyMs, options?.signal ?? new AbortController().signal);
        calls.push(name);
        return answer();
      } finally {
        inFlight--;
        release();
      }
    };
    const client = {
      listUsers: (_org: string, options?: { priority?: 'background' }) => call('users', options, () => users),
      listPages: (options?: { priority?: 'background' }) => call('pages', options, () => PAGES),
      getUserPermissions: (_org: string, userId: string, options?: { priority?: 'background' }) =>
        call(userId, options, () => ({ userId, pages: { cloud: { incident_manager: true } } as PagePermissions })),
    };
    return { client: client as unknown as ScanDeps['client'], calls, maxInFlight: () => maxInFlight };
  }

  async function timedScan(users: number, inFlight: number, latencyMs: number, extra: Partial<ScanDeps> = {}) {
    const t = setUp(people(users));
    // The real key's shape, ten times faster: 50 requests a 10 s window, a round trip much shorter than the window.
    const limiter = new SlidingWindowLimiter({ limit: 50, windowMs: 10_000, clock: t.clock });
    const api = slowApi(t.clock, limiter, people(users), latencyMs);
    const start = t.clock.now();
    const deps = { ...t.deps(), client: api.client, timeLeftMs: (count: number) => limiter.estimateWaitMs(count, 'background') };
    const done = runScan({ ...deps, inFlight, ...extra }, { signal: new AbortController().signal, fresh: true });
    await t.clock.runAll();
    await done;
    return { ...t, api, tookMs: t.clock.now() - start };
  }

  it('keeps the window full under a long round trip: a few reads in flight, never more than asked', async () => {
    // 5 a second allowed; each answer takes 800 ms: one at a time cannot use the window, four in flight can.
    const one = await timedScan(150, 1, 800);
    const four = await timedScan(150, 4, 800);
    expect(one.api.calls.filter((call) => /^u\d+$/.test(call))).toHaveLength(150);
    expect(new Set(four.api.calls).size).toBe(152);
    expect(four.api.maxInFlight()).toBeLessThanOrEqual(4);
    expect(one.tookMs).toBeGreaterThanOrEqual(152 * 800);
    // The window's floor: 49 background calls a window (one slot of headroom for people), each window stretched by a round trip.
    const floorMs = Math.floor(151 / 49) * 10_800;
    expect(four.tookMs).toBeLessThan(floorMs * 1.2);
    expect(four.tookMs).toBeLessThan(one.tookMs / 2);
    expect(four.scan.value?.state).toBe('done');
  });

  it('writes about one user’s worth of data per read, whatever the size of the organization', async () => {
    const perRead = async (users: number) => {
      const t = await timedScan(users, 4, 0);
      const listed = t.matrixItem.writes; // the merge of the lists, then one write per read
      // The index (every user id) is written once, with the list; learning pages' access control writes the pages only.
      expect(t.matrixItem.indexWrites).toBe(1);
      return { bytes: t.matrixItem.bytesWritten, writes: listed, users };
    };
    const small = await perRead(20);
    const large = await perRead(400);
    expect(large.writes).toBe(large.users + 1);
    // Everything written, over the users read: the same for 20 and 400 people (within the list's index).
    const bytesPerUser = (run: typeof small) => run.bytes / run.users;
    expect(bytesPerUser(large)).toBeLessThan(bytesPerUser(small) * 1.5);
    expect(bytesPerUser(large)).toBeLessThan(400);
  });

  it('passes which pages use roles on to the popup’s cache when a read teaches something, not after every read', async () => {
    const taught: PagePermissions[] = [];
    const t = await timedScan(40, 4, 0, {
      learn: async (pages) => {
        taught.push(pages);
      },
    });
    expect(t.scan.value?.state).toBe('done');
    // Every user shows Acme Cloud with its roles: the first read teaches it, the other 39 nothing new.
    expect(taught).toHaveLength(1);
    expect(Object.keys(taught[0] ?? {})).toEqual(['cloud']);
  });

  it('reads the users the admin is looking at next, and does not read the lists again while they are fresh', async () => {
    const wanted = ['u30', 'u31', 'u32'];
    const t = await timedScan(40, 1, 10, {
      readFirst: async () => wanted,
      freshLists: async () => ({ users: people(40), pages: PAGES }),
    });
    expect(t.api.calls.slice(0, 3)).toEqual(wanted);
    expect(t.api.calls).not.toContain('users');
    expect(t.api.calls).not.toContain('pages');
    expect(t.api.calls).toHaveLength(40);
    expect(t.progress.value).toMatchObject({ state: 'done', done: 40, total: 40 });
  });

  it('says how far the user list has come, against the size it last knew', async () => {
    const known: TeamMatrix = {
      pages: [],
      users: Object.fromEntries(people(250).map((u) => [u.id, { id: u.id, name: u.id, email: u.email, firstSeenAt: 0 }])),
    };
    const t = setUp(people(3), {}, known);
    const listUsers = async (_org: string, options?: { onProgress?(listed: number): void }) => {
      for (const listed of [100, 200, 240]) options?.onProgress?.(listed);
      return people(3);
    };
    const done = runScan(
      { ...t.deps(), client: { ...t.api.client, listUsers } as ScanDeps['client'] },
      { signal: new AbortController().signal, fresh: true },
    );
    await t.clock.runAll();
    await done;
    expect(t.progress.reports.slice(0, 3)).toEqual([
      { done: 100, total: 250 },
      { done: 200, total: 250 },
      { done: 240, total: 250 },
    ]);
  });
});

describe('the scan’s record and its order', () => {
  const ID = 'c0conn1';
  const PREFIX = `org.${ID}.teamAccess.`;
  beforeEach(() => fakeBrowser.reset());

  /** A scan of `users` that changes state: a 429 waited out, a pause, a resume, a pause; each write as stored. */
  async function changesOfState(users: number) {
    const t = setUp(people(users));
    const retryAt = new Date(t.clock.now() + 5_000);
    // User 0 is first by name: the first read answers 429.
    const api = fakeApi(t.clock, t.limiter, people(users), { u0: new RateLimitedError({ retryAt }) });
    const run = async (fresh: boolean, forMs: number) => {
      const pause = new AbortController();
      const done = runScan({ ...t.deps(), client: api.client }, { signal: pause.signal, fresh });
      await t.clock.advance(forMs);
      pause.abort('pause');
      await t.clock.runAll();
      await done;
    };
    await run(true, 7_000);
    await run(false, 1_000);
    return { ...t, api };
  }

  it('writes a record of the same size at each change of state with 100 users and with 5,000; the order once', async () => {
    const small = await changesOfState(100);
    const large = await changesOfState(5_000);
    // listing, running, rate-limited, running (after Retry-After), paused; then running, paused.
    for (const run of [small, large]) {
      expect(run.scan.writes).toBe(7);
      expect(run.api.log.filter((entry) => entry.call === 'u0')).toHaveLength(2);
      expect(run.order.writes).toBe(1);
      expect(run.scan.value?.state).toBe('paused');
    }
    const largest = (sizes: number[]) => Math.max(...sizes);
    // A few numbers: the same bytes whatever the size (the times in it may differ by a digit).
    expect(largest(large.scan.sizes)).toBeLessThanOrEqual(largest(small.scan.sizes) + 5);
    expect(largest(large.scan.sizes)).toBeLessThan(200);
    // The order is the organization's size, written once: 5,000 ids.
    expect(large.order.sizes[0]).toBeGreaterThan(5_000 * 5);
  });

  it('migrates a record of the version before (the order inside) and resumes at the next user of that order, reading nobody twice', async () => {
    // Stored by the release before: a paused scan that read u9, u8 and u7 of its order (reversed from the names').
    const startedAt = 1_000;
    const order = ['u9', 'u8', 'u7', 'u6', 'u5', 'u4', 'u3', 'u2', 'u1', 'u0'];
    await browser.storage.local.set({
      [`${PREFIX}scan`]: { state: 'paused', startedAt, order, previousStartedAt: 10, updatedAt: 2_000 },
    });
    expect(await teamScanItem(ID).getValue()).toEqual({ state: 'paused', startedAt, previousStartedAt: 10, updatedAt: 2_000 });
    const stored = await browser.storage.local.get(null);
    expect(stored[`${PREFIX}scan`]).toEqual({ state: 'paused', startedAt, previousStartedAt: 10, updatedAt: 2_000 });
    expect(stored[`${PREFIX}scan$`]).toEqual({ v: 2 });
    expect(stored[`${PREFIX}scanOrder`]).toEqual({ startedAt, userIds: order });

    const matrix: TeamMatrix = {
      pages: [],
      users: Object.fromEntries(
        people(10).map((u, i) => [
          u.id,
          { id: u.id, name: `User ${i}`, email: u.email, firstSeenAt: 0, ...(i >= 7 ? { readAt: startedAt + 500, cells: {} } : { readAt: 5 }) },
        ]),
      ),
    };
    const t = setUp(people(10), {}, matrix);
    const resumed = runScan(
      { ...t.deps(), scan: teamScanItem(ID), order: scanOrderItem(ID), inFlight: 1 },
      { signal: new AbortController().signal, fresh: false },
    );
    await t.clock.runAll();
    await resumed;
    // No list read again; the order's next users, in its order; the three read before are not read again.
    expect(t.api.log.map((entry) => entry.call)).toEqual(['u6', 'u5', 'u4', 'u3', 'u2', 'u1', 'u0']);
    expect(t.progress.value).toMatchObject({ state: 'done', done: 10, total: 10 });
    expect(await teamScanItem(ID).getValue()).toMatchObject({ state: 'done', startedAt });
  });

  it('never follows another scan’s order: a record whose order is of an earlier start lists again, keeping its start', async () => {
    await scanOrderItem(ID).setValue({ startedAt: 1, userIds: ['u1'] });
    await teamScanItem(ID).setValue({ state: 'running', startedAt: 1_000, updatedAt: 1_000 });
    const t = setUp(people(3));
    const done = runScan({ ...t.deps(), scan: teamScanItem(ID), order: scanOrderItem(ID) }, { signal: new AbortController().signal, fresh: false });
    await t.clock.runAll();
    await done;
    expect(t.api.log.map((entry) => entry.call).slice(0, 2)).toEqual(['users', 'pages']);
    expect(new Set(t.api.log.map((entry) => entry.call).slice(2))).toEqual(new Set(['u0', 'u1', 'u2']));
    expect(await scanOrderItem(ID).getValue()).toEqual({ startedAt: 1_000, userIds: ['u0', 'u1', 'u2'] });
    expect(await teamScanItem(ID).getValue()).toMatchObject({ state: 'done', startedAt: 1_000 });
  });
});
