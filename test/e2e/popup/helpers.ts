/// <reference types="chrome" />
// `chrome` is what serviceWorker.evaluate() runs against, inside the extension.
import type { Page, Worker } from '@playwright/test';
import { expect } from '../fixtures';
import type { RunningSandbox } from '../../../sandbox';
import type { FaultMethod, FaultShape } from '../../../sandbox/faults';
import { connectThroughSetup } from '../../support/chromium';

/** A clean slate: the sandbox's seed, and an extension with nothing stored (no key, no cache, no drafts). */
export async function resetAll(sandbox: RunningSandbox, serviceWorker: Worker): Promise<void> {
  sandbox.reset();
  await serviceWorker.evaluate(async () => {
    await chrome.storage.local.clear();
    await chrome.action.setBadgeText({ text: '' });
  });
}

export function popupUrl(extensionId: string, query = ''): string {
  return `chrome-extension://${extensionId}/popup.html${query}`;
}

/** Opens the popup as a page and connects it to the sandbox through the set-up form. */
export async function connectPopup(page: Page, extensionId: string, sandbox: RunningSandbox): Promise<void> {
  await connectThroughSetup(page, extensionId, sandbox);
  await expect(page.getByRole('tab', { name: 'Embed' })).toBeVisible();
}

/** What the sandbox logged for one method, oldest first. */
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

/** The organization's users as the API lists them, 100 a page: the sandbox seeds 137, so two pages. The first is the owner. */
export async function seedUsers(sandbox: RunningSandbox, page = 1): Promise<SeedUser[]> {
  return (await apiCall(sandbox, 'GET', `/organizations/${sandbox.organizationId}/users?page=${page}&per_page=100`)) as SeedUser[];
}

/** Changes the sandbox's rate limit (its window starts empty); `sandbox.reset()` restores 60 a minute. */
export async function setRateLimit(sandbox: RunningSandbox, rateLimit: { limit: number; windowMs: number; status?: 429 | 420 }): Promise<void> {
  const response = await fetch(`${sandbox.url}/_control/rate-limit`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(rateLimit),
  });
  if (!response.ok) throw new Error(`rate-limit: ${response.status} ${await response.text()}`);
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
  const response = await fetch(`${sandbox.url}/_control/faults`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(fault),
  });
  if (!response.ok) throw new Error(`faults: ${response.status} ${await response.text()}`);
}

/** Picks a user in the Permissions tab's combobox by typing and Enter, as from the keyboard. */
export async function pickUser(page: Page, text: string): Promise<void> {
  const picker = page.getByRole('combobox', { name: 'User' });
  await picker.fill(text);
  await expect(page.getByRole('option').first()).toBeVisible();
  await picker.press('Enter');
  await expect(page.getByRole('table')).toBeVisible();
}

/** The save this popup sent has succeeded: "Saved." shows, and no draft is left. */
export async function expectSaved(page: Page, timeout = 5_000): Promise<void> {
  await expect(page.getByRole('status').filter({ hasText: /^Saved\.$/ })).toBeVisible({ timeout });
  await expect(page.getByRole('button', { name: 'Revert' })).toBeDisabled();
}
