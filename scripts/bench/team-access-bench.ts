/// <reference types="chrome" />
// Team access: (1) a full scan of 1,000 users against the floor the rate limit allows, (2) the delay of a person's
// call made during that scan, (3) the time to draw the matrix of 1,000 users x 10 pages from cache against an
// empty extension page. (1) and (2) run the extension's own scan runner in Node against the sandbox over real HTTP,
// on a short window (50 requests per 1,000 ms, limiter and sandbox alike) so they take seconds, not 17 minutes.
import type { BrowserContext } from '@playwright/test';
import { startSandbox } from '../../sandbox';
import { createStatuspageClient } from '../../shared/client';
import { SlidingWindowLimiter, systemClock } from '../../shared/rate-limit';
import { matrixStore } from '../../extension/team-access/matrix/matrix-store';
import { runScan } from '../../extension/team-access/scan/scan-runner';
import type { TeamMatrix, TeamScan, TeamScanProgress } from '../../extension/team-access/team-access-storage';
import { launchWithExtension, TEST_EXTENSION_DIR } from '../../test/support/chromium';

const USERS = 1_000;
const PAGES = 10;
const LIMIT = 50;
const WINDOW_MS = 1_000;
const DRAW_RUNS = 8;

function memory<T>(initial: T) {
  let value = initial;
  return {
    getValue: async () => value,
    setValue: async (next: T) => {
      value = next;
    },
  };
}

const median = (times: number[]) => {
  const sorted = [...times].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
};

async function benchScan(): Promise<TeamMatrix> {
  const sandbox = await startSandbox({ port: 0, users: USERS, pages: PAGES, rateLimit: { limit: LIMIT, windowMs: WINDOW_MS } });
  try {
    const limiter = new SlidingWindowLimiter({ limit: LIMIT, windowMs: WINDOW_MS });
    const client = createStatuspageClient({ apiKey: sandbox.apiKey, baseUrl: sandbox.apiBaseUrl, rateLimit: limiter, maxRetries: 0 });
    const matrixItem = memory<TeamMatrix>({ users: {}, pages: [] });
    const scan = memory<TeamScan | null>(null);
    const progress = memory<TeamScanProgress | null>(null);
    const users = await client.listUsers(sandbox.organizationId);
    const target = users.at(-1)!.id;
    await systemClock.sleep(WINDOW_MS + 50); // the listing above leaves the window before the timed run

    // A person's call every 1.5 s during the scan: how long it waits, against the same call with the key idle.
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
        progress: {
          getValue: progress.getValue,
          setValue: async (value) => {
            if (value && firstEstimateMs === undefined) firstEstimateMs = value.timeLeftMs;
            await progress.setValue(value);
          },
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
      await systemClock.sleep(1_500);
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
    console.log(`Scan of ${USERS} users x ${PAGES} pages, ${LIMIT} requests per ${WINDOW_MS} ms (limiter and sandbox), real HTTP on 127.0.0.1`);
    console.log(
      `  ${state?.state}: ${(tookMs / 1000).toFixed(2)} s for ${requests} requests; floor ${(floorMs / 1000).toFixed(2)} s; ratio ${(tookMs / floorMs).toFixed(3)}x; 429s: ${refused}`,
    );
    console.log(`  time left first shown: ${((firstEstimateMs ?? 0) / 1000).toFixed(2)} s (the limiter's own schedule)`);
    console.log(
      `Interactive call during the scan (${during.length} calls): median ${median(during).toFixed(1)} ms, max ${Math.max(...during).toFixed(1)} ms; ` +
        `same call, key idle: median ${median(idle).toFixed(1)} ms (headroom allowed: ${limiter.headroomMs} ms)`,
    );
    return matrixItem.getValue();
  } finally {
    await sandbox.close();
  }
}

async function openAndMeasure(context: BrowserContext, url: string): Promise<number> {
  const page = await context.newPage();
  try {
    await page.goto(url);
    const handle = await page.waitForFunction(() => performance.getEntriesByName('first-data')[0]?.startTime, undefined, { timeout: 15_000 });
    return (await handle.jsonValue()) as number;
  } finally {
    await page.close();
  }
}

async function benchDraw(matrix: TeamMatrix, more?: (context: BrowserContext, url: string) => Promise<void>): Promise<void> {
  const browser = await launchWithExtension(TEST_EXTENSION_DIR);
  const { context, extensionId } = browser;
  try {
    const now = Date.now();
    const scan: TeamScan = { state: 'done', startedAt: now - 60_000, order: Object.keys(matrix.users), finishedAt: now, updatedAt: now };
    await browser.serviceWorker.evaluate(
      async ([value, scanValue]) => {
        // One connection (organization), its Team access data under its own prefix, as the extension keeps it.
        const id = 'c0bench00001';
        const connection = { id, label: 'Bench', organizationId: 'benchorg01', apiBaseUrl: 'http://127.0.0.1:9/v1', verifiedAt: Date.now() };
        await chrome.storage.local.set({
          layout: { version: 2 },
          connections: { active: id, list: [connection] },
          [`org.${id}.teamAccess.matrix`]: value,
          [`org.${id}.teamAccess.scan`]: scanValue,
        });
      },
      [matrix, scan] as const,
    );
    const teamAccessUrl = `chrome-extension://${extensionId}/team-access.html`;
    const blankUrl = `chrome-extension://${extensionId}/blank.html`;
    await openAndMeasure(context, blankUrl);
    await openAndMeasure(context, teamAccessUrl);
    const blank: number[] = [];
    const drawn: number[] = [];
    for (let run = 0; run < DRAW_RUNS; run++) {
      blank.push(await openAndMeasure(context, blankUrl));
      drawn.push(await openAndMeasure(context, teamAccessUrl));
    }
    const users = Object.keys(matrix.users).length;
    console.log(`Team access page, ${users} users x ${matrix.pages.length} pages from cache, to first drawn rows, ${DRAW_RUNS} runs each`);
    console.log(
      `  empty extension page median ${median(blank).toFixed(1)} ms; Team access median ${median(drawn).toFixed(1)} ms; ratio ${(median(drawn) / median(blank)).toFixed(2)}x`,
    );
    await more?.(context, teamAccessUrl);
  } finally {
    await browser.close();
  }
}

/** The large organization, made up: 5,000 users x 20 pages, each with access to about half of them. */
function syntheticMatrix(users: number, pages: number): TeamMatrix {
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

/** Scrolling the 5,000-row matrix: the time from a jump of the scroll position to the frame after the new rows. */
async function benchScroll(context: BrowserContext, url: string): Promise<number[]> {
  const page = await context.newPage();
  try {
    await page.goto(url);
    await page.waitForFunction(() => performance.getEntriesByName('first-data')[0]);
    return await page.evaluate(async () => {
      const region = document.querySelector('.grid-scroll') as HTMLElement;
      const frames: number[] = [];
      for (let i = 1; i <= 20; i++) {
        const started = performance.now();
        region.scrollTop = (region.scrollHeight * i) / 21;
        region.dispatchEvent(new Event('scroll'));
        await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
        frames.push(performance.now() - started);
      }
      return frames;
    });
  } finally {
    await page.close();
  }
}

export async function benchTeamAccess(): Promise<void> {
  const matrix = await benchScan();
  await benchDraw(matrix);
  const large = syntheticMatrix(5_000, 20);
  await benchDraw(large, async (context, url) => {
    const frames = await benchScroll(context, url);
    console.log(
      `  scrolling 5,000 rows (20 jumps): median ${median(frames).toFixed(1)} ms, max ${Math.max(...frames).toFixed(1)} ms to the next frame`,
    );
  });
}

// Run on its own: `npx tsx scripts/bench/team-access-bench.ts` (after `npm run build:extension:test`).
if (import.meta.url === `file://${process.argv[1]}`) await benchTeamAccess();
