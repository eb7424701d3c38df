/// <reference types="chrome" />
// Team access, in three parts (`--part` picks some; all by default):
// - scan: the built extension's own scan in Chromium at the key's real 60 a minute, 300 ms on every answer: reads a
//   minute, the user list read once, a popup save mid-scan, bytes written per read (the row, the limiter, the rest).
// - runner: the extension's scan runner in Node against the sandbox over real HTTP, on a short window (50 requests
//   per 1,000 ms, limiter and sandbox alike) so it takes seconds: time against the floor, a person's call meanwhile;
//   then that 1,000 x 10 matrix drawn from cache against an empty extension page.
// - open: a made-up 5,000 x 20 matrix opened from storage: first rows against an empty page, every row loaded, the
//   longest main-thread task while they load and while scrolling (by the clock, and by CPU time from a trace).
import type { BrowserContext, Page } from '@playwright/test';
import { startSandbox } from '../../sandbox';
import { createStatuspageClient } from '../../shared/client';
import { SlidingWindowLimiter, systemClock } from '../../shared/rate-limit';
import { matrixStore, memoryMatrixRows } from '../../extension/team-access/matrix/matrix-store';
import { idsByName } from '../../extension/team-access/matrix/row-order';
import { runScan } from '../../extension/team-access/scan/scan-runner';
import type { ScanOrder, TeamMatrix, TeamScan } from '../../extension/team-access/team-access-storage';
import { connectThroughSetup } from '../../test/drivers/playwright';
import { launchWithExtension, TEST_EXTENSION_DIR } from '../../test/support/chromium';
import { figure, median, ms, openAndMeasure, spread, times } from './figures';

/** The full sizes, and npm test's quick ones (every figure produced in seconds, none of them meaningful). */
const SIZES = {
  full: {
    users: 1_000,
    pages: 10,
    callEveryMs: 1_500,
    // Each run opens the empty page and Team access in turn; 15, because the empty page's median alone moved from 53 to
    // 72 ms between runs of 8 on a quiet machine, and the ratio with it (no API calls: runs cost only time).
    drawRuns: 15,
    largeUsers: 5_000,
    largePages: 20,
    // The extension's own scan in Chromium, at the key's real 60 a minute: measured from the first minute to the third.
    real: { users: 2_000, pages: 20, largeUsers: 5_000, latencyMs: 300, warmMs: 60_000, untilMs: 180_000, saveAtMs: 90_000 },
  },
  quick: {
    users: 60,
    pages: 3,
    callEveryMs: 300,
    drawRuns: 2,
    largeUsers: 300,
    largePages: 5,
    real: { users: 80, pages: 3, largeUsers: 160, latencyMs: 300, warmMs: 2_000, untilMs: 10_000, saveAtMs: 4_000 },
  },
};
type Sizes = (typeof SIZES)['full'];
const LIMIT = 50;
const WINDOW_MS = 1_000;

/**
 * Where the extension keeps Team access for a connection, and the connection itself: the one place this bench
 * names storage keys (extension/team-access keeps the matrix and the scan state under the connection's prefix).
 */
export function storedTeamAccess(matrix: TeamMatrix, scan: TeamScan): Record<string, unknown> {
  const id = 'c0bench00001';
  const connection = { id, label: 'Bench', organizationId: 'benchorg01', apiBaseUrl: 'http://127.0.0.1:9/v1', verifiedAt: Date.now() };
  return {
    layout: { version: 2 },
    connections: { active: id, list: [connection] },
    // The matrix as stored since version 3: an index (the user ids in the table's first order), and one item per user.
    [`org.${id}.teamAccess.matrix`]: { userIds: idsByName(Object.values(matrix.users)) },
    [`org.${id}.teamAccess.pages`]: matrix.pages,
    [`org.${id}.teamAccess.matrix$`]: { v: 3 },
    ...Object.fromEntries(Object.values(matrix.users).map((user) => [`org.${id}.teamAccess.row.${user.id}`, user])),
    [`org.${id}.teamAccess.scan`]: scan,
    [`org.${id}.teamAccess.scan$`]: { v: 2 },
  };
}

function memory<T>(initial: T) {
  let value = initial;
  return {
    getValue: async () => value,
    setValue: async (next: T) => {
      value = next;
    },
  };
}

async function benchScan({ users: USERS, pages: PAGES, callEveryMs }: Sizes): Promise<TeamMatrix> {
  const sandbox = await startSandbox({ port: 0, users: USERS, pages: PAGES, rateLimit: { limit: LIMIT, windowMs: WINDOW_MS } });
  try {
    const limiter = new SlidingWindowLimiter({ limit: LIMIT, windowMs: WINDOW_MS });
    const client = createStatuspageClient({ apiKey: sandbox.apiKey, baseUrl: sandbox.apiBaseUrl, rateLimit: limiter, maxRetries: 0 });
    const matrixItem = memoryMatrixRows();
    const scan = memory<TeamScan | null>(null);
    const order = memory<ScanOrder | null>(null);
    const users = await client.listUsers(sandbox.organizationId);
    const target = users.at(-1)!.id;
    await systemClock.sleep(WINDOW_MS + 50); // the listing above leaves the window before the timed run

    // A person's call every few moments (1.5 s in the full run) during the scan: how long it waits, against the same call with the key idle.
    const idle: number[] = [];
    for (let i = 0; i < 5; i++) {
      const started = performance.now();
      await client.getUserPermissions(sandbox.organizationId, target);
      idle.push(performance.now() - started);
    }
    await systemClock.sleep(WINDOW_MS + 50);

    const controller = new AbortController();
    const started = performance.now();
    let firstEstimateMs: number | undefined;
    const scanning = runScan(
      {
        client,
        organizationId: sandbox.organizationId,
        now: Date.now,
        sleep: (ms, signal) => systemClock.sleep(ms, signal),
        timeLeftMs: (count) => limiter.estimateWaitMs(count, 'background'),
        matrix: matrixStore(matrixItem),
        scan,
        order,
        report: async (update) => {
          if (update.timeLeftMs !== undefined && firstEstimateMs === undefined) firstEstimateMs = update.timeLeftMs;
        },
      },
      { signal: controller.signal, fresh: true },
    );
    const during: number[] = [];
    let done = false;
    void scanning.then(() => {
      done = true;
    });
    while (!done) {
      await systemClock.sleep(callEveryMs);
      if (done) break;
      const asked = performance.now();
      await client.getUserPermissions(sandbox.organizationId, target);
      during.push(performance.now() - asked);
    }
    await scanning;
    const tookMs = performance.now() - started;
    const state = await scan.getValue();
    const refused = sandbox.requests().filter((entry) => entry.status === 429).length;
    // Requests of the scan: the user list (100 a page), the page list, one read per user; plus the person's calls.
    const requests = Math.ceil(USERS / 100) + 1 + USERS + during.length;
    const floorMs = Math.floor((requests - 1) / LIMIT) * WINDOW_MS;
    if (state?.state !== 'done') throw new Error(`the scan ended ${state?.state ?? 'with no state'}`);
    if (!during.length) throw new Error('the scan ended before a person could call');
    console.log(`Scan of ${USERS} users x ${PAGES} pages, ${LIMIT} requests per ${WINDOW_MS} ms (limiter and sandbox), real HTTP on 127.0.0.1`);
    figure('scan time', `${(tookMs / 1000).toFixed(2)} s for ${requests} requests (floor ${(floorMs / 1000).toFixed(2)} s)`);
    figure('scan time / floor', times(tookMs / floorMs));
    figure('429 answers during the scan', String(refused), '0');
    figure('time left first shown', `${((firstEstimateMs ?? 0) / 1000).toFixed(2)} s (the limiter's own schedule)`);
    figure(
      `a person's call during the scan (${during.length} calls)`,
      `median ${ms(median(during))}, max ${ms(Math.max(...during))}; key idle: median ${ms(median(idle))}`,
      `within the limiter's headroom of ${limiter.headroomMs} ms`,
    );
    return matrixItem.value;
  } finally {
    await sandbox.close();
  }
}

async function benchDraw(matrix: TeamMatrix, runs: number, more?: (context: BrowserContext, url: string) => Promise<void>): Promise<void> {
  const browser = await launchWithExtension(TEST_EXTENSION_DIR);
  const { context, extensionId } = browser;
  try {
    const now = Date.now();
    const scan: TeamScan = { state: 'done', startedAt: now - 60_000, finishedAt: now, updatedAt: now };
    await browser.serviceWorker.evaluate(async (items) => chrome.storage.local.set(items), storedTeamAccess(matrix, scan));
    const teamAccessUrl = `chrome-extension://${extensionId}/team-access.html`;
    const blankUrl = `chrome-extension://${extensionId}/blank.html`;
    await openAndMeasure(context, blankUrl);
    await openAndMeasure(context, teamAccessUrl);
    const blank: number[] = [];
    const drawn: number[] = [];
    for (let run = 0; run < runs; run++) {
      blank.push(await openAndMeasure(context, blankUrl));
      drawn.push(await openAndMeasure(context, teamAccessUrl));
    }
    const users = Object.keys(matrix.users).length;
    console.log(`Team access page, ${users} users x ${matrix.pages.length} pages from cache, to first drawn rows`);
    figure('empty extension page (baseline)', spread(blank));
    figure('Team access, first rows', spread(drawn));
    figure('Team access / empty page (medians)', times(median(drawn) / median(blank)), 'at most 2x');
    await more?.(context, teamAccessUrl);
  } finally {
    await browser.close();
  }
}

/** The large organization, made up (5,000 users x 20 pages in the full run), each with access to about half the pages. */
export function syntheticMatrix(users: number, pages: number): TeamMatrix {
  const codes = ['', 'i', 'im', 'cim', 'c'];
  const now = Date.now();
  return {
    pages: Array.from({ length: pages }, (_, p) => ({ id: `page${p}`, name: `Page ${p}`, usesRoles: p % 7 !== 6 })),
    users: Object.fromEntries(
      Array.from({ length: users }, (_, u) => [
        `user${u}`,
        {
          id: `user${u}`,
          name: `User ${String(u).padStart(4, '0')}`,
          email: `user${u}@acme.example`,
          firstSeenAt: now - 86_400_000,
          readAt: now - u * 1000,
          cells: Object.fromEntries(
            Array.from({ length: pages }, (_, p) => [`page${p}`, p % 7 === 6 ? '' : (codes[(u + p) % codes.length] ?? '')]).filter(
              (_, p) => (u + p) % 2 === 0,
            ),
          ),
        },
      ]),
    ),
  };
}

interface TraceEvent {
  name: string;
  ph: string;
  pid: number;
  tid: number;
  dur?: number;
  tdur?: number;
  args?: { name?: string };
}

/** The longest task of a page's main thread in a Chromium trace: by the clock, and by the thread's own CPU time. */
export interface LongestTask {
  wallMs: number;
  cpuMs: number;
}

/**
 * Traces what `during` makes the browser do and returns the page's longest main-thread task. Its CPU time is the
 * page's own cost: on a machine shared by four engineers (load average 8 to 12 on 2 cores), the clock time of a
 * task is mostly time the thread waited for a core, which no change to the page can remove.
 */
async function longestMainThreadTask(page: Page, during: () => Promise<void>): Promise<LongestTask> {
  const cdp = await page.context().newCDPSession(page);
  const events: TraceEvent[] = [];
  cdp.on('Tracing.dataCollected', ({ value }) => events.push(...(value as unknown as TraceEvent[])));
  const complete = new Promise((resolve) => cdp.once('Tracing.tracingComplete', resolve));
  await cdp.send('Tracing.start', { categories: 'toplevel,__metadata', transferMode: 'ReportEvents' });
  try {
    await during();
  } finally {
    await cdp.send('Tracing.end');
    await complete;
    await cdp.detach();
  }
  // Renderer main threads; the page's is the one that worked the most meanwhile.
  const mains = new Set(events.filter((e) => e.ph === 'M' && e.args?.name === 'CrRendererMain').map((e) => `${e.pid}:${e.tid}`));
  const tasks = events.filter((e) => e.ph === 'X' && e.name === 'ThreadControllerImpl::RunTask' && mains.has(`${e.pid}:${e.tid}`));
  const busy = new Map<string, number>();
  for (const task of tasks) busy.set(`${task.pid}:${task.tid}`, (busy.get(`${task.pid}:${task.tid}`) ?? 0) + (task.dur ?? 0));
  const main = [...busy].sort((a, b) => b[1] - a[1])[0]?.[0];
  const own = tasks.filter((task) => `${task.pid}:${task.tid}` === main);
  return {
    wallMs: Math.max(0, ...own.map((task) => (task.dur ?? 0) / 1000)),
    cpuMs: Math.max(0, ...own.map((task) => (task.tdur ?? 0) / 1000)),
  };
}

interface ScrollRun {
  /** From navigation start to the status that counts every stored row (no longer "Loading the stored rows"). */
  allRowsMs: number;
  /** The longest main-thread task from navigation start until then (0: none over 50 ms). */
  longestLoadTaskMs: number;
  frames: number[];
  longestTaskMs: number;
  /** With `traced`: the page's longest main-thread task while the rows load, and while scrolling (clock and CPU). */
  trace?: { load: LongestTask; scroll: LongestTask };
}

/**
 * Opening the large matrix until every stored row is loaded (the rest come a chunk at a time after the first
 * screen), then scrolling it: the time from a jump of the scroll position to the frame after the new rows.
 */
async function benchScroll(context: BrowserContext, url: string, traced = false): Promise<ScrollRun> {
  const page = await context.newPage();
  const measured = traced ? (during: () => Promise<void>) => longestMainThreadTask(page, during) : undefined;
  try {
    // Long tasks from the page's first script on (buffered: the observer starts after navigation).
    await page.addInitScript(() => {
      const tasks: number[] = [];
      (globalThis as { longTasks?: number[] }).longTasks = tasks;
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries()) tasks.push(entry.duration);
      }).observe({ type: 'longtask', buffered: true });
    });
    const open = async () => {
      await page.goto(url);
      await page
        .getByRole('status')
        .filter({ hasText: /^Showing \d+ of \d+ users/ })
        .waitFor({ timeout: 30_000 });
    };
    const load = measured ? await measured(open) : await open();
    const loaded = await page.evaluate(() => ({
      allRowsMs: performance.now(),
      longestLoadTaskMs: Math.max(0, ...((globalThis as { longTasks?: number[] }).longTasks ?? [])),
    }));
    const jumps = () =>
      page.evaluate(async () => {
        const region = document.querySelector('.grid-scroll') as HTMLElement;
        const frames: number[] = [];
        // The browser reports every main-thread task over 50 ms as a long task.
        let longestTaskMs = 0;
        const observer = new PerformanceObserver((list) => {
          for (const entry of list.getEntries()) longestTaskMs = Math.max(longestTaskMs, entry.duration);
        });
        observer.observe({ type: 'longtask' });
        for (let i = 1; i <= 20; i++) {
          const started = performance.now();
          region.scrollTop = (region.scrollHeight * i) / 21;
          region.dispatchEvent(new Event('scroll'));
          await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
          frames.push(performance.now() - started);
        }
        await new Promise((resolve) => setTimeout(resolve, 100));
        observer.disconnect();
        return { frames, longestTaskMs };
      });
    let scrolled: Awaited<ReturnType<typeof jumps>> | undefined;
    const scroll = measured
      ? await measured(async () => {
          scrolled = await jumps();
        })
      : undefined;
    scrolled ??= await jumps();
    return { ...loaded, ...scrolled, ...(load && scroll && { trace: { load, scroll } }) };
  } finally {
    await page.close();
  }
}

type RealSizes = Sizes['real'];

/**
 * The built extension's own scan in Chromium, against the sandbox with `latencyMs` on every answer and the key's
 * real limit (60 a minute): permission reads a minute once the first minute has passed, how often the user list was
 * read, bytes written to extension storage per user read, and (`withSave`) a popup save made mid-scan.
 */
async function benchRealScan(real: RealSizes, users: number, withSave: boolean): Promise<{ bytesPerUser: number; recordBytes: number }> {
  const sandbox = await startSandbox({ port: 0, users, pages: real.pages, latencyMs: real.latencyMs });
  const browser = await launchWithExtension(TEST_EXTENSION_DIR);
  try {
    const { context, extensionId } = browser;
    const page = await context.newPage();
    // Connecting lists the users: at 5,000 that is 50 requests of 300 ms, longer than the set-up step waits for.
    await connectThroughSetup(page, extensionId, sandbox).catch(() =>
      page.getByRole('tab', { name: 'Embed', exact: true }).waitFor({ timeout: 180_000 }),
    );
    await page.goto(`chrome-extension://${extensionId}/team-access.html`);
    // Every write to extension storage, as JSON, from here on: the matrix's rows, the key's limiter, the rest (the
    // scan's record, its progress, the index).
    await page.evaluate(() => {
      const counter = globalThis as { bytesWritten?: Record<string, number> };
      const bytes: Record<string, number> = { rows: 0, limiter: 0, scan: 0, other: 0, record: 0, recordWrites: 0, order: 0, orderWrites: 0 };
      counter.bytesWritten = bytes;
      chrome.storage.onChanged.addListener((changes) => {
        for (const [key, change] of Object.entries(changes)) {
          // The scan's record apart (rewritten at each change of state, with its version mark) and its order (once a scan).
          const own = /\.teamAccess\.scan\$?$/.test(key) ? 'record' : /\.teamAccess\.scanOrder$/.test(key) ? 'order' : undefined;
          if (own) {
            bytes[own] = (bytes[own] ?? 0) + key.length + JSON.stringify(change.newValue ?? null).length;
            if (!key.endsWith('$')) bytes[`${own}Writes`] = (bytes[`${own}Writes`] ?? 0) + 1;
          }
          // The scan's own: its rows, the key's limiter, its record and progress (and the index, the pages, which
          // pages use roles); the rest is what else ran meanwhile (the popup's save and its caches).
          const kind = /\.teamAccess\.row\./.test(key)
            ? 'rows'
            : /\.rateLimiter$/.test(key)
              ? 'limiter'
              : /\.teamAccess\.|^jobs\.progress\.team-access:scan\.|\.cache\.roleBasedAccess$/.test(key)
                ? 'scan'
                : 'other';
          bytes[kind] = (bytes[kind] ?? 0) + key.length + JSON.stringify(change.newValue ?? null).length;
        }
      });
    });
    const reads = (from: number, to: number) =>
      sandbox.requests().filter((entry) => {
        const at = Date.parse(entry.at);
        return entry.method === 'GET' && entry.status === 200 && /\/permissions\//.test(entry.path) && at >= from && at < to;
      }).length;
    const started = Date.now();
    await page.getByRole('button', { name: 'Scan the organization' }).click();

    let saveSeconds: number | undefined;
    if (withSave) {
      await new Promise((resolve) => setTimeout(resolve, Math.max(0, started + real.saveAtMs - Date.now())));
      const popup = await context.newPage();
      await popup.goto(`chrome-extension://${extensionId}/popup.html`);
      const asked = Date.now();
      await popup.getByRole('tab', { name: 'Permissions' }).click();
      const picker = popup.getByRole('combobox', { name: 'User' });
      await picker.fill((await seedOwnerEmail(sandbox)) ?? '');
      await popup.getByRole('option').first().waitFor();
      await picker.press('Enter');
      await popup.getByLabel('Manage incidents on Acme Payments').click();
      await popup.getByRole('button', { name: 'Save' }).click();
      await popup.getByRole('status').filter({ hasText: 'Saved.' }).waitFor({ timeout: 120_000 });
      saveSeconds = (Date.now() - asked) / 1000;
      await popup.close();
    }
    // Bytes from the first minute on, as the reads a minute: the start's one-time writes (the new users' rows, the
    // index) are the organization's size once per scan, not per read.
    const warm = started + real.warmMs;
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, warm - Date.now())));
    const written = () => page.evaluate(() => ({ ...(globalThis as { bytesWritten?: Record<string, number> }).bytesWritten }));
    const bytesBefore = await written();
    const bytesFrom = Date.now();
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, started + real.untilMs - Date.now())));
    const bytesAfter = await written();
    const ended = Date.now();
    const measuredReads = reads(warm, ended);
    const perMinute = (measuredReads / (ended - warm)) * 60_000;
    const userLists = sandbox.requests().filter((entry) => entry.method === 'GET' && /\/users$/.test(entry.path) && entry.query.page === '1').length;
    const allReads = reads(0, ended);
    const readsMeasured = Math.max(1, reads(bytesFrom, ended));
    const perRead = (kind: string) => ((bytesAfter[kind] ?? 0) - (bytesBefore[kind] ?? 0)) / readsMeasured;
    const bytesPerUser = perRead('rows') + perRead('limiter') + perRead('scan');
    console.log(`Scan in Chromium with the built extension: ${users} users x ${real.pages} pages, ${real.latencyMs} ms on every answer, 60 a minute`);
    if (withSave) {
      figure(
        'permission reads a minute, after the first',
        `${perMinute.toFixed(1)} (${measuredReads} in ${((ended - warm) / 1000).toFixed(0)} s; ${allReads} in all)`,
        `at least ${(0.95 * 60).toFixed(0)} (0.95 of the limiter's 60)`,
      );
      figure('reads a minute / limit', times(perMinute / 60));
      figure('user list read', `${userLists} time(s) (connect, popup and scan)`, 'exactly once');
      figure('a popup save during the scan, to "Saved."', `${saveSeconds?.toFixed(2)} s`, 'at most 3 s');
    }
    figure(
      `bytes the scan writes to storage per user read (${users} users)`,
      `${bytesPerUser.toFixed(0)} B`,
      'independent of the organization’s size',
    );
    figure(
      '  of which',
      `the user's row ${perRead('rows').toFixed(0)} B, the key's limiter ${perRead('limiter').toFixed(0)} B, the scan's record and progress ${perRead('scan').toFixed(0)} B; besides, others' writes meanwhile${withSave ? ' (the popup’s save)' : ''} ${perRead('other').toFixed(0)} B`,
    );
    // From the click on: the record at each change of state (listing, running, a wait, a resume), the order once.
    const recordBytes = (bytesAfter.record ?? 0) / Math.max(1, bytesAfter.recordWrites ?? 0);
    figure(
      `the scan's record per change of state (${users} users)`,
      `${recordBytes.toFixed(0)} B (${bytesAfter.recordWrites ?? 0} changes); its order, written ${bytesAfter.orderWrites ?? 0} time(s): ${bytesAfter.order ?? 0} B`,
      'flat (the same at any size)',
    );
    return { bytesPerUser, recordBytes };
  } finally {
    await browser.close();
    await sandbox.close();
  }
}

async function seedOwnerEmail(sandbox: Awaited<ReturnType<typeof startSandbox>>): Promise<string | undefined> {
  const response = await fetch(`${sandbox.apiBaseUrl}/organizations/${sandbox.organizationId}/users?per_page=1`, {
    headers: { Authorization: `OAuth ${sandbox.apiKey}` },
  });
  return ((await response.json()) as Array<{ email: string }>)[0]?.email;
}

/** The bench's parts: the scans in Chromium, the scan runner in Node (and its matrix drawn), the large matrix opened. */
export type TeamAccessPart = 'scan' | 'runner' | 'open';
const ALL_PARTS: TeamAccessPart[] = ['scan', 'runner', 'open'];

export async function benchTeamAccess({ quick, parts = ALL_PARTS }: { quick: boolean; parts?: TeamAccessPart[] }): Promise<void> {
  const sizes = quick ? SIZES.quick : SIZES.full;
  if (parts.includes('scan')) await benchScans(sizes);
  if (parts.includes('runner')) await benchDraw(await benchScan(sizes), sizes.drawRuns);
  if (parts.includes('open')) await benchOpenLarge(sizes);
}

async function benchScans(sizes: Sizes): Promise<void> {
  const small = await benchRealScan(sizes.real, sizes.real.users, true);
  const bigger = await benchRealScan(sizes.real, sizes.real.largeUsers, false);
  figure(
    `bytes per user read, ${sizes.real.largeUsers} users / ${sizes.real.users} users`,
    times(bigger.bytesPerUser / small.bytesPerUser),
    'about 1x (the cost of a read does not grow with the organization)',
  );
  figure(
    `the scan's record per change of state, ${sizes.real.largeUsers} users / ${sizes.real.users} users`,
    times(bigger.recordBytes / small.recordBytes),
    'flat: 1x',
  );
}

async function benchOpenLarge(sizes: Sizes): Promise<void> {
  const large = syntheticMatrix(sizes.largeUsers, sizes.largePages);
  await benchDraw(large, sizes.drawRuns, async (context, url) => {
    const runs: ScrollRun[] = [];
    for (let run = 0; run < sizes.drawRuns / 2; run++) runs.push(await benchScroll(context, url));
    const traced: ScrollRun[] = [];
    for (let run = 0; run < 2; run++) traced.push(await benchScroll(context, url, true));
    // Each run's longest task (the browser reports those over 50 ms; 0: none was), as a median and the worst.
    const longest = (values: number[]) =>
      Math.max(...values) > 0
        ? `median of the runs ${ms(median(values))}, worst ${ms(Math.max(...values))}`
        : 'none over 50 ms (the browser reports tasks over 50 ms)';
    const cpu = (pick: (run: NonNullable<ScrollRun['trace']>) => LongestTask) =>
      traced
        .flatMap((run) => (run.trace ? [pick(run.trace)] : []))
        .map((task) => `${ms(task.cpuMs)} (${ms(task.wallMs)} by the clock)`)
        .join(', ');
    figure(`Team access, all ${sizes.largeUsers} stored rows loaded`, spread(runs.map((run) => run.allRowsMs)));
    figure('longest main-thread task while the rows load', longest(runs.map((run) => run.longestLoadTaskMs)), 'under 50 ms');
    figure(
      '  its CPU time, traced (2 runs)',
      cpu((trace) => trace.load),
      'under 50 ms',
    );
    const frames = runs.flatMap((run) => run.frames);
    figure(`longest main-thread task while scrolling ${sizes.largeUsers} rows`, longest(runs.map((run) => run.longestTaskMs)), 'under 50 ms');
    figure(
      '  its CPU time, traced (2 runs)',
      cpu((trace) => trace.scroll),
      'under 50 ms',
    );
    figure(
      `scrolling ${sizes.largeUsers} rows (20 jumps a run) to the next frame`,
      `median ${ms(median(frames))}, max ${ms(Math.max(...frames))}`,
      'under 50 ms',
    );
  });
}

// Run on its own: `npx tsx scripts/bench/team-access-bench.ts [--quick] [--part scan|runner|open]...` (after
// `npm run build:extension:test`); no --part: all of them.
if (import.meta.url === `file://${process.argv[1]}`) {
  const parts = process.argv.flatMap((arg, i) => (process.argv[i - 1] === '--part' ? [arg] : []));
  const unknown = parts.filter((part) => !ALL_PARTS.includes(part as TeamAccessPart));
  if (unknown.length > 0) throw new Error(`Unknown --part ${unknown.join(', ')}: one of ${ALL_PARTS.join(', ')}`);
  await benchTeamAccess({ quick: process.argv.includes('--quick'), ...(parts.length > 0 && { parts: parts as TeamAccessPart[] }) });
}
