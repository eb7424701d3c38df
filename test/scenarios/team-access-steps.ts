// The steps the Team access scenarios share (test/scenarios/team-access*.ts), over the driver interface. The sandbox
// is small (USER_COUNT users, the three demo pages): background reads go at the key's pace, one a second, so a
// scenario reads a few users mid-scan rather than scanning everyone.
import type { RunningSandbox } from '../../sandbox';
import type { ExtensionDriver, Scope, Tab } from '../drivers/driver';
import { apiCall, connectThroughSetup, eventually } from './steps';

/** The sandbox's users in these scenarios (`{ users: USER_COUNT }`): every first name of the seed once. */
export const USER_COUNT = 40;
export const TEAM_ACCESS_SANDBOX = { users: USER_COUNT };

/** Connects the extension through the popup's set-up form, then opens the Team access page in a tab of its own. */
export async function openTeamAccess(driver: ExtensionDriver): Promise<Tab> {
  await connectThroughSetup(driver);
  const page = await driver.openExtensionPage('team-access.html');
  await page.byRole('heading', 'Team access');
  return page;
}

const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));

/** The first status message on the page that matches `pattern`, once there is one (what a screen reader announces). */
export async function statusMatching(page: Scope, pattern: RegExp, timeout = 10_000): Promise<RegExpExecArray> {
  const deadline = Date.now() + timeout;
  let seen: string[] = [];
  for (;;) {
    seen = await page.texts('status').catch(() => seen);
    for (const text of seen) {
      const match = pattern.exec(text.trim());
      if (match) return match;
    }
    if (Date.now() > deadline) throw new Error(`no status matched ${pattern} within ${timeout} ms; the statuses were: ${JSON.stringify(seen)}`);
    await sleep(100);
  }
}

/** Starts the scan from its button (the first, or again) and waits until it reads users: how many of how many. */
export async function startScan(page: Tab, users = USER_COUNT): Promise<void> {
  await (await page.byRole('button', 'Scan the organization')).click();
  await statusMatching(page, new RegExp(`^\\d+ of ${users} users read`), 20_000);
}

/** Pauses the scan and waits until it says so. */
export async function pauseScan(page: Tab): Promise<void> {
  await (await page.byRole('button', 'Pause scan')).click();
  await statusMatching(page, /users read\. Paused$/);
}

/** The rows' header cells as shown now: "Amara Khan amara.khan@… · read just now". */
export const rowHeaders = (page: Scope): Promise<string[]> => page.texts('rowheader');

/** Whether the row of the person whose row header starts with `name` shows their access as read. */
export async function isRead(page: Scope, name: string): Promise<boolean> {
  const row = (await rowHeaders(page)).find((text) => text.startsWith(name));
  return row !== undefined && !row.includes('not scanned yet');
}

/** Types into the Search field (one input event, as a paste). */
export async function search(page: Scope, text: string): Promise<void> {
  await (await page.byLabel('Search')).fill(text);
}

/** Ticks the row checkbox of each of these people (their accessible names: "Select Amara Khan"). */
export async function select(page: Scope, ...names: string[]): Promise<void> {
  for (const name of names) await (await page.byRole('checkbox', `Select ${name}`)).click();
}

type Answer = { pages: Array<{ page_id: string; [role: string]: unknown }> };

/** The page ids a user has access to on the sandbox now, sorted. */
export async function pageIdsOf(sandbox: RunningSandbox, userId: string): Promise<string[]> {
  const answer = (await apiCall(sandbox, 'GET', `/organizations/${sandbox.organizationId}/permissions/${userId}`)) as Answer;
  return answer.pages.map((entry) => entry.page_id).sort();
}

/** The user list reads the sandbox logged (GET …/users, any page of it). */
export const userListReads = (sandbox: RunningSandbox): number =>
  sandbox.requests().filter((entry) => entry.method === 'GET' && /\/organizations\/[\w-]+\/users$/.test(entry.path.split('?')[0]!)).length;

/** The users whose permissions the sandbox answered a GET for, in the order it did. */
export const permissionReadOrder = (sandbox: RunningSandbox): string[] =>
  sandbox
    .requests()
    .filter((entry) => entry.method === 'GET' && entry.status === 200)
    .map((entry) => /\/permissions\/([\w-]+)$/.exec(entry.path)?.[1])
    .filter((id): id is string => id !== undefined);

/**
 * The key's window full, as a minute of scanning leaves it: the limiter's memory as it last saved it, ahead, four
 * requests ago (the minute's requests a second apart, one in flight and the ten slots each save reserves), in place of
 * the one the background holds. Removing that one makes the background drop its copy; its next request restores
 * this one, counting what was in flight or reserved as ending then: no slot frees for about six seconds, then one a
 * second, each taken by the scan unless a person waits.
 */
export async function fillKeyWindow(driver: ExtensionDriver): Promise<void> {
  const { connections } = (await driver.stored('local', ['connections'])) as { connections: { active: string } };
  const key = `org.${connections.active}.rateLimiter`;
  // Saved exact once the key is idle (nothing in flight or reserved): no save of it is under way to bring it back.
  const inFlight = async () => ((await driver.stored('local', [key]))[key] as { inFlight?: number } | undefined)?.inFlight;
  await eventually(driver, inFlight, 10_000).toBe(0);
  await driver.unstore([key]);
  const now = Date.now();
  const stamps = Array.from({ length: 55 }, (_, i) => now - 59_500 + i * 1_000);
  await driver.store({ [key]: { version: 2, stamps, inFlight: 1 + 10, blockedUntil: 0 } });
}
