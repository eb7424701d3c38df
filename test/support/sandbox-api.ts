// The sandbox as the tests drive it from Node, whichever browser driver runs the extension (Playwright's Chromium
// suite, puppeteer-core's Firefox suite): its request log, its management API as another admin would call it, and
// its control endpoints (rate limit, queued faults).
import type { RunningSandbox } from '../../sandbox';
import type { FaultMethod, FaultShape } from '../../sandbox/faults';
import { controlJson } from './sandbox-control';

/** What the sandbox logged for one method and path, oldest first. */
export function logged(sandbox: RunningSandbox, method: string, pathPart: string) {
  return sandbox.requests().filter((entry) => entry.method === method && entry.path.includes(pathPart));
}

/** The management API as an admin elsewhere would use it (another tab, a teammate): straight from Node. */
export async function apiCall(sandbox: RunningSandbox, method: string, path: string, body?: unknown): Promise<unknown> {
  const response = await fetch(`${sandbox.apiBaseUrl}${path}`, {
    method,
    headers: { Authorization: `OAuth ${sandbox.apiKey}`, 'Content-Type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${await response.text()}`);
  return response.json();
}

export interface SeedUser {
  id: string;
  email: string;
  first_name: string;
  last_name: string;
}

/** The organization's users as the API lists them, 100 a page: the sandbox seeds 137, so two pages. The first owns every page. */
export async function seedUsers(sandbox: RunningSandbox, page = 1): Promise<SeedUser[]> {
  return (await apiCall(sandbox, 'GET', `/organizations/${sandbox.organizationId}/users?page=${page}&per_page=100`)) as SeedUser[];
}

/** Changes the sandbox's rate limit (its window starts empty); `sandbox.reset()` restores 60 a minute. */
export async function setRateLimit(sandbox: RunningSandbox, rateLimit: { limit: number; windowMs: number; status?: 429 | 420 }): Promise<void> {
  await controlJson(sandbox, 'POST', '/rate-limit', rateLimit);
}

/**
 * Queues a Statuspage refusal in the sandbox (POST /_control/faults): the next `times` (1) management API requests
 * whose path under /v1 starts with `path` (any when absent) and whose method is `method` (any when absent) are answered
 * `status` with `{"message": message}`, or `{"error": message}` with `shape: 'error'`. `sandbox.reset()` clears them.
 */
export async function queueFault(
  sandbox: RunningSandbox,
  fault: { status: number; message?: string; times?: number; path?: string; method?: FaultMethod; shape?: FaultShape },
): Promise<void> {
  await controlJson(sandbox, 'POST', '/faults', fault);
}
