import { browser } from 'wxt/browser';
import * as z from 'zod/mini';
import { newConnectionId, organizationPrefix } from '../storage/org-item';
import { storedItem } from '../storage/stored-item';

/**
 * Storage layout version 2: several organizations side by side. Version 1 (up to 0.1) kept one connection in
 * `connection`, its key in `apiKey`, its limiter in `rateLimiter`, its data in `cache.*` and `draft.*`, and saves
 * keyed `embed:<page>`. This migration makes that connection the first of `connections`, moves every one of its
 * keys (their version meta included, so a draft is not migrated twice) under `org.<its id>.`, and rewrites the saves
 * records to name it. It runs once, in whichever context starts first (the background or a popup), before anything
 * reads storage; a second run reads the layout's version alone, finds it at 2 and does nothing.
 */
export const LAYOUT_KEY = 'layout';
export const LAYOUT_VERSION = 2;
const LEGACY_CONNECTION = 'connection';
const MOVED = [/^apiKey\$?$/, /^rateLimiter\$?$/, /^cache\./, /^draft\./];

let running: Promise<void> | undefined;

export function migrateSingleConnection(newId: () => string = newConnectionId): Promise<void> {
  running ??= migrate(newId).catch((error: unknown) => {
    running = undefined;
    throw error;
  });
  return running;
}

/** The layout's version mark, for a context that reads it with other items in one call (the popup's start-up). */
export const layoutItem = storedItem(`local:${LAYOUT_KEY}`, { schema: z.nullable(z.object({ version: z.number() })), fallback: null });

/** Whether the layout mark, as read from storage, is the current layout's (then there is nothing to migrate). */
export function isCurrentLayout(layout: unknown): boolean {
  return (layout as { version?: unknown } | null | undefined)?.version === LAYOUT_VERSION;
}

/** For tests: forget that this context already migrated. */
export function resetMigrationMemo(): void {
  running = undefined;
}

type LegacySave = { id?: string; kind?: string; request?: Record<string, unknown> } & Record<string, unknown>;

async function migrate(newId: () => string): Promise<void> {
  // Every start of every context comes here: read the one small key, not the whole of storage.
  if (isCurrentLayout((await browser.storage.local.get(LAYOUT_KEY))[LAYOUT_KEY])) return;
  const all = await browser.storage.local.get(null);
  const legacy = all[LEGACY_CONNECTION] as { organizationId?: unknown; apiBaseUrl?: unknown; verifiedAt?: unknown } | undefined;
  const writes: Record<string, unknown> = {};
  const removals: string[] = [];
  const legacyKeys = Object.keys(all).filter((key) => MOVED.some((pattern) => pattern.test(key)));
  if (legacy && all.connections) {
    // A run stopped after its writes: the copies are in place, only the old keys are left to remove.
    removals.push(...legacyKeys, LEGACY_CONNECTION, `${LEGACY_CONNECTION}$`);
  } else if (legacy && typeof legacy.organizationId === 'string') {
    const id = newId();
    const prefix = organizationPrefix(id);
    for (const key of legacyKeys) {
      writes[`${prefix}${key}`] = all[key];
      removals.push(key);
    }
    const saves = (all.saves ?? {}) as Record<string, LegacySave>;
    const moved: Record<string, unknown> = {};
    for (const save of Object.values(saves)) {
      const target = String(save.id ?? '').split(':')[1];
      if (!save.kind || !target || !save.request) continue;
      const saveId = `${save.kind}:${id}:${target}`;
      moved[saveId] = { ...save, id: saveId, request: { ...save.request, connectionId: id } };
    }
    writes.saves = moved;
    writes.connections = {
      active: id,
      list: [
        {
          id,
          label: `Organization ${legacy.organizationId}`,
          organizationId: legacy.organizationId,
          apiBaseUrl: legacy.apiBaseUrl,
          verifiedAt: legacy.verifiedAt,
        },
      ],
    };
    removals.push(LEGACY_CONNECTION, `${LEGACY_CONNECTION}$`);
  }
  // Copies first, then removals, then the version: a run stopped anywhere is finished by the next one.
  if (Object.keys(writes).length) await browser.storage.local.set(writes);
  if (removals.length) await browser.storage.local.remove(removals);
  await browser.storage.local.set({ [LAYOUT_KEY]: { version: LAYOUT_VERSION } });
}
