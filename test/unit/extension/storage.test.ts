import { beforeEach, describe, expect, it, vi } from 'vitest';
import * as z from 'zod/mini';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { connectionsItem } from '../../../extension/connection/connections-item';
import { migrateSingleConnection, resetMigrationMemo } from '../../../extension/connection/migrate-single-connection';
import { rateLimiterStateItem } from '../../../extension/connection/limiter-state-item';
import { createSealingKey, openSecret, sealSecret } from '../../../extension/connection/sealed-secret';
import { resetSharedLimiter, sharedLimiter } from '../../../extension/connection/shared-limiter';
import { embedDraftItem } from '../../../extension/embed/embed-draft-item';
import { pagesCache, usersCache } from '../../../extension/organization/organization-cache';
import { permissionsCache } from '../../../extension/access/permissions-cache';
import { permissionsDraftItem } from '../../../extension/permissions/permissions-draft-item';
import { lastContextItem } from '../../../extension/popup/last-context';
import { badgeFor } from '../../../extension/saves/badge';
import { type SaveRecord, savesItem } from '../../../extension/saves/save-record';
import { cached } from '../../../extension/storage/cached';
import { clearConnectionData } from '../../../extension/storage/clear';
import { readAhead, readItems, storedItem } from '../../../extension/storage/stored-item';
import { preload, storedNow } from '../../../extension/ui/use-stored';

const CONNECTION = { id: 'c0conn1', label: 'Acme', organizationId: 'org1', apiBaseUrl: 'https://api.statuspage.io/v1', verifiedAt: 1 };
const OTHER = 'c0conn2';

const EMBED_BASE = { page_id: 'p1', position: 'bottom-left', incident_background_color: '#b42318' };
const EMBED_VALUES = {
  position: 'top-right',
  incident_background_color: '#b42318',
  incident_text_color: '#ffffff',
  maintenance_background_color: '#1d4ed8',
  maintenance_text_color: '#ffffff',
} as const;

beforeEach(() => {
  fakeBrowser.reset();
  resetMigrationMemo();
});

describe('storage items', () => {
  it('live in storage.local (never sync), with their fallbacks', async () => {
    expect(await lastContextItem.getValue()).toEqual({ tab: 'embed' });
    expect(await connectionsItem.getValue()).toEqual({ active: null, list: [] });
    await connectionsItem.setValue({ active: CONNECTION.id, list: [CONNECTION] });
    const local = await fakeBrowser.storage.local.get(null);
    expect(local.connections).toMatchObject({ active: 'c0conn1', list: [{ organizationId: 'org1' }] });
    expect(await fakeBrowser.storage.sync.get(null)).toEqual({});
  });

  it("keeps each connection's data under its own prefix, and removing one removes all of its data and nothing else", async () => {
    await connectionsItem.setValue({ active: CONNECTION.id, list: [CONNECTION] });
    await lastContextItem.setValue({ tab: 'permissions', userId: 'u1' });
    for (const id of [CONNECTION.id, OTHER]) {
      await pagesCache(id).setValue(cached([{ id: 'p1', name: `A of ${id}` }]));
      await permissionsCache(id, 'u1').setValue(cached({ p1: {} }));
      await embedDraftItem(id, 'p1').setValue({ pageId: 'p1', base: {}, values: EMBED_VALUES, stamps: { position: 1 }, updatedAt: 1 });
    }
    expect((await pagesCache(OTHER).getValue())?.value[0]?.name).toBe('A of c0conn2');
    await savesItem.setValue({});
    await clearConnectionData(CONNECTION.id);
    const keys = Object.keys(await fakeBrowser.storage.local.get(null)).filter((key) => !key.endsWith('$'));
    expect(keys.sort()).toEqual([
      'connections',
      'org.c0conn2.cache.pages',
      'org.c0conn2.cache.permissions.u1',
      'org.c0conn2.draft.embed.p1',
      'popup.lastContext',
      'saves',
    ]);
  });

  it('refuses an id that is not id-like as part of a key (a URL or the network supplied it)', () => {
    expect(() => embedDraftItem(CONNECTION.id, '../apiKey')).toThrow('Not an id');
    expect(() => pagesCache('org.x')).toThrow('Not a connection id');
  });
});

describe('storage layout 2: several organizations', () => {
  // What 0.1 stored for its one connection: the connection, its sealed key and limiter, caches, a draft (at version
  // 2, with its meta), and a save waiting out a rate limit.
  const draft = { pageId: 'p1', base: EMBED_BASE, values: EMBED_VALUES, stamps: { position: 7 }, updatedAt: 7 };
  const legacy = {
    connection: { organizationId: 'org1', apiBaseUrl: 'https://api.statuspage.io/v1', verifiedAt: 5 },
    apiKey: { version: 1, iv: 'aXY=', ciphertext: 'Y2lwaGVy' },
    rateLimiter: { version: 1, stamps: [1], blockedUntil: 0 },
    'cache.pages': { value: [{ id: 'p1', name: 'Acme Cloud' }], fetchedAt: 3 },
    'draft.embed.p1': draft,
    'draft.embed.p1$': { v: 2 },
    saves: {
      'embed:p1': {
        id: 'embed:p1',
        kind: 'embed',
        request: { pageId: 'p1', label: 'Acme Cloud', changes: { position: 'top-left' } },
        state: 'waiting',
        retryAt: 99,
        updatedAt: 9,
      },
    },
    'popup.lastContext': { tab: 'embed', pageId: 'p1' },
  };

  it('makes the single connection of 0.1 the first connection, its key, limiter, caches, drafts and saves included', async () => {
    await fakeBrowser.storage.local.set(legacy);
    await migrateSingleConnection(() => 'c0first');
    const { active, list } = await connectionsItem.getValue();
    expect(active).toBe('c0first');
    expect(list).toEqual([
      { id: 'c0first', label: 'Organization org1', organizationId: 'org1', apiBaseUrl: 'https://api.statuspage.io/v1', verifiedAt: 5 },
    ]);
    expect(await embedDraftItem('c0first', 'p1').getValue()).toEqual(draft);
    expect((await pagesCache('c0first').getValue())?.value).toEqual([{ id: 'p1', name: 'Acme Cloud' }]);
    const saves = await savesItem.getValue();
    expect(Object.keys(saves)).toEqual(['embed:c0first:p1']);
    expect(saves['embed:c0first:p1']?.request.connectionId).toBe('c0first');
    const stored = await fakeBrowser.storage.local.get(null);
    expect(stored['org.c0first.apiKey']).toEqual(legacy.apiKey);
    expect(stored['org.c0first.rateLimiter']).toEqual(legacy.rateLimiter);
    expect(stored['org.c0first.draft.embed.p1$']).toEqual({ v: 2 });
    for (const old of ['connection', 'apiKey', 'rateLimiter', 'cache.pages', 'draft.embed.p1', 'draft.embed.p1$'])
      expect(stored[old], old).toBeUndefined();
    expect(stored['popup.lastContext']).toEqual(legacy['popup.lastContext']);
    expect(stored.layout).toEqual({ version: 2 });
  });

  it('runs once: a second run (another context, a restart) changes nothing', async () => {
    await fakeBrowser.storage.local.set(legacy);
    await migrateSingleConnection(() => 'c0first');
    const after = await fakeBrowser.storage.local.get(null);
    resetMigrationMemo();
    await migrateSingleConnection(() => 'c0second');
    expect(await fakeBrowser.storage.local.get(null)).toEqual(after);
  });

  it('finishes a run that was stopped after its copies were written', async () => {
    await fakeBrowser.storage.local.set({ ...legacy, connections: { active: 'c0first', list: [] }, 'org.c0first.apiKey': legacy.apiKey });
    await migrateSingleConnection(() => 'c0other');
    const stored = await fakeBrowser.storage.local.get(null);
    expect(stored.connection).toBeUndefined();
    expect(stored.apiKey).toBeUndefined();
    expect(stored['org.c0first.apiKey']).toEqual(legacy.apiKey);
    expect(stored['org.c0other.apiKey']).toBeUndefined();
  });

  it('starts a new profile at layout 2 with no connection', async () => {
    await migrateSingleConnection(() => 'c0first');
    expect(await fakeBrowser.storage.local.get(null)).toEqual({ layout: { version: 2 } });
  });
});

describe('stored shapes', () => {
  it('parses every value read: a damaged one reads as the fallback, with one warning, and stays in storage', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    try {
      await fakeBrowser.storage.local.set({ connections: { active: 42 }, 'popup.lastContext': 'garbage' });
      expect(await connectionsItem.getValue()).toEqual({ active: null, list: [] });
      expect(await connectionsItem.getValue()).toEqual({ active: null, list: [] });
      expect(await lastContextItem.getValue()).toEqual({ tab: 'embed' });
      expect(warn).toHaveBeenCalledTimes(2); // once per item, not once per read
      expect(String(warn.mock.calls[0]?.[0])).toContain(
        'local:connections holds a value of another shape (active: expected string; list: expected array)',
      );
      // Nothing is thrown away by reading it: a later version may still know what to do with it.
      expect((await fakeBrowser.storage.local.get('connections')).connections).toEqual({ active: 42 });
    } finally {
      warn.mockRestore();
    }
  });

  it('refuses to write a value of another shape', async () => {
    await expect(connectionsItem.setValue({ active: 'c0conn1', list: [{ organizationId: 'org1' }] } as never)).rejects.toThrow(
      'Not stored: local:connections: list[0].id: expected string',
    );
  });

  it('reads a version-1 embed draft back through its migration to version 2, the edit kept', async () => {
    // What the extension stored before drafts carried per-field stamps (version 1, no meta key).
    const v1 = { pageId: 'p9', base: EMBED_BASE, values: EMBED_VALUES, updatedAt: 1_700_000_000_000 };
    await fakeBrowser.storage.local.set({ 'org.c0conn1.draft.embed.p9': v1 });
    const draft = await embedDraftItem(CONNECTION.id, 'p9').getValue();
    expect(draft).toMatchObject({ pageId: 'p9', values: EMBED_VALUES });
    expect(draft?.stamps).toEqual({
      position: v1.updatedAt,
      incident_background_color: v1.updatedAt,
      incident_text_color: v1.updatedAt,
      maintenance_background_color: v1.updatedAt,
      maintenance_text_color: v1.updatedAt,
    });
    const stored = await fakeBrowser.storage.local.get(['org.c0conn1.draft.embed.p9', 'org.c0conn1.draft.embed.p9$']);
    expect(stored['org.c0conn1.draft.embed.p9$']).toEqual({ v: 2 });
    expect((stored['org.c0conn1.draft.embed.p9'] as { stamps: unknown }).stamps).toEqual(draft?.stamps);
  });

  it('reads a version-1 permissions draft back through its migration, stamping the pages it changed', async () => {
    const v1 = { userId: 'u9', base: { a: {}, b: {} }, draft: { a: {}, c: { incident_manager: true } }, updatedAt: 5 };
    await fakeBrowser.storage.local.set({ 'org.c0conn1.draft.permissions.u9': v1 });
    expect(await permissionsDraftItem(CONNECTION.id, 'u9').getValue()).toEqual({ ...v1, stamps: { b: 5, c: 5 } });
  });

  it('carries a pending permissions save of version 1 over to version 2 (base/pages became before/after), the engine resuming it', async () => {
    const request = { connectionId: 'c0conn1', userId: 'u9', label: 'Ada', base: { a: {} }, pages: { b: {} }, draftUpdatedAt: 5 };
    const embed = {
      id: 'embed:c0conn1:p1',
      kind: 'embed',
      state: 'saving',
      updatedAt: 1,
      request: { connectionId: 'c0conn1', pageId: 'p1', label: 'Acme', changes: { position: 'top-left' } },
    };
    await fakeBrowser.storage.local.set({
      saves: {
        'permissions:c0conn1:u9': { id: 'permissions:c0conn1:u9', kind: 'permissions', state: 'waiting', retryAt: 9, updatedAt: 1, request },
        [embed.id]: embed,
      },
    });
    // The updated worker starts: its modules load over the old profile.
    vi.resetModules();
    const { savesItem: updated } = await import('../../../extension/saves/save-record');
    const { permissionsSave } = await import('../../../extension/permissions/save-permissions');
    expect((await updated.getValue())['permissions:c0conn1:u9']).toEqual({
      id: 'permissions:c0conn1:u9',
      kind: 'permissions',
      state: 'waiting',
      retryAt: 9,
      updatedAt: 1,
      request: { connectionId: 'c0conn1', userId: 'u9', label: 'Ada', before: { a: {} }, after: { b: {} }, draftUpdatedAt: 5 },
    });
    expect((await updated.getValue())[embed.id]).toEqual(embed);
    expect(await permissionsSave.pending()).toEqual([{ id: 'permissions:c0conn1:u9', retryAt: 9 }]);
  });

  it('leaves a saves record of version 2 that lost its version mark as it is (storage cleared under a running worker)', async () => {
    const request = { connectionId: 'c0conn1', userId: 'u9', label: 'Ada', before: { a: {} }, after: { b: {} } };
    const saves = { 'permissions:c0conn1:u9': { id: 'permissions:c0conn1:u9', kind: 'permissions', state: 'failed', updatedAt: 1, request } };
    await fakeBrowser.storage.local.set({ saves });
    vi.resetModules();
    const { savesItem: again } = await import('../../../extension/saves/save-record');
    expect(await again.getValue()).toEqual(saves);
  });

  it('finds a scan and a bulk change under way in the records of the version before the engine, to resume them', async () => {
    await connectionsItem.setValue({ active: CONNECTION.id, list: [CONNECTION] });
    await fakeBrowser.storage.local.set({
      'org.c0conn1.teamAccess.scan': { state: 'rate-limited', startedAt: 1, order: ['u1'], retryAt: 70, updatedAt: 2 },
      'org.c0conn1.teamAccess.batch': {
        id: 'b1',
        state: 'running',
        createdAt: 1,
        updatedAt: 2,
        plan: { label: 'Give access', users: [{ userId: 'u1', label: 'Ada', before: {}, after: { p1: {} } }] },
      },
    });
    const { scanJob, batchJob } = await import('../../../extension/team-access/jobs');
    expect(await scanJob.pending()).toEqual([{ id: CONNECTION.id, retryAt: 70 }]);
    expect(await batchJob.pending()).toEqual([{ id: CONNECTION.id }]);
  });

  it('takes a migration of its own: an item at version 3 migrates a version-1 value step by step', async () => {
    await fakeBrowser.storage.local.set({ 'probe.item': { name: 'Ada' } });
    const item = storedItem('local:probe.item', {
      schema: z.nullable(z.object({ first: z.string(), last: z.string() })),
      fallback: null,
      version: 3,
      migrations: {
        2: (v1: { name: string }) => ({ full: v1.name }),
        3: (v2: { full: string }) => ({ first: v2.full, last: '' }),
      },
    });
    expect(await item.getValue()).toEqual({ first: 'Ada', last: '' });
  });
});

describe('reading several items at once (the popup start-up)', () => {
  const v1Draft = { pageId: 'p9', base: EMBED_BASE, values: EMBED_VALUES, updatedAt: 4 };

  it('reads them with one storage call, each parsed by its schema, an old version migrated by its migrations', async () => {
    await fakeBrowser.storage.local.set({
      connections: { active: CONNECTION.id, list: [CONNECTION] },
      'org.c0conn1.cache.pages': { value: [{ id: 'p9', name: 'Acme' }], fetchedAt: 3 },
      'org.c0conn1.draft.embed.p9': v1Draft,
      'popup.lastContext': 'garbage',
    });
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const get = vi.spyOn(fakeBrowser.storage.local, 'get');
    try {
      const [connections, pages, draft, last] = await readItems([
        connectionsItem,
        pagesCache(CONNECTION.id),
        embedDraftItem(CONNECTION.id, 'p9'),
        lastContextItem,
      ]);
      expect(connections.active).toBe(CONNECTION.id);
      expect(pages?.value).toEqual([{ id: 'p9', name: 'Acme' }]);
      expect(draft?.stamps).toMatchObject({ position: 4, maintenance_text_color: 4 });
      expect(last).toEqual({ tab: 'embed' }); // damaged: the fallback, the stored value kept
      // One call for the four values and the draft's version mark; the migration's own read comes only for the old draft.
      expect(get.mock.calls[0]?.[0]).toEqual([
        'connections',
        'org.c0conn1.cache.pages',
        'org.c0conn1.draft.embed.p9',
        'org.c0conn1.draft.embed.p9$',
        'popup.lastContext',
      ]);
      get.mockClear();
      expect(await readItems([embedDraftItem(CONNECTION.id, 'p9'), pagesCache(CONNECTION.id)])).toHaveLength(2);
      expect(get).toHaveBeenCalledTimes(1); // migrated once: the next read is one call again
    } finally {
      get.mockRestore();
      warn.mockRestore();
    }
    expect((await fakeBrowser.storage.local.get('org.c0conn1.draft.embed.p9$'))['org.c0conn1.draft.embed.p9$']).toEqual({ v: 2 });
  });

  it('reads nothing to define an item, and nothing for the layout but its mark when it is current', async () => {
    await migrateSingleConnection(() => 'c0first');
    resetMigrationMemo();
    const get = vi.spyOn(fakeBrowser.storage.local, 'get');
    try {
      storedItem('local:probe.defined', { schema: z.string(), fallback: '', version: 2, migrations: { 2: () => 'x' } });
      await migrateSingleConnection();
      expect(get.mock.calls).toEqual([['layout']]);
    } finally {
      get.mockRestore();
    }
  });

  it('takes values from a read made ahead, unless one changed since it was made', async () => {
    await fakeBrowser.storage.local.set({ 'org.c0conn1.cache.pages': { value: [{ id: 'p1', name: 'Before' }], fetchedAt: 1 } });
    const ahead = await readAhead(['connections', 'org.c0conn1.cache.pages']);
    const get = vi.spyOn(fakeBrowser.storage.local, 'get');
    try {
      expect((await readItems([pagesCache(CONNECTION.id)], ahead))[0]?.value[0]?.name).toBe('Before');
      expect(get).not.toHaveBeenCalled(); // all in the read made ahead
      await readItems([usersCache(CONNECTION.id)], ahead);
      expect(get).toHaveBeenCalledTimes(1); // not asked for ahead: read now
      await fakeBrowser.storage.local.set({ 'org.c0conn1.cache.pages': { value: [{ id: 'p1', name: 'After' }], fetchedAt: 2 } });
      await vi.waitFor(async () => expect((await readItems([pagesCache(CONNECTION.id)], ahead))[0]?.value[0]?.name).toBe('After'));
    } finally {
      get.mockRestore();
      ahead.close();
    }
  });

  it('keeps what it preloaded live: a write from another context shows without another read', async () => {
    const item = pagesCache('c0live1');
    const [before] = await preload([item]);
    expect(before).toBeNull();
    expect(storedNow(item)).toEqual({ loaded: true, value: null });
    await fakeBrowser.storage.local.set({ 'org.c0live1.cache.pages': { value: [{ id: 'p1', name: 'Live' }], fetchedAt: 1 } });
    await vi.waitFor(() => expect(storedNow(item).value?.value[0]?.name).toBe('Live'));
  });
});

describe('sealed API key', () => {
  it('opens with its key only, and never holds the key in clear', async () => {
    const key = await createSealingKey();
    const sealed = await sealSecret('sandbox-demo-key', key);
    expect(JSON.stringify(sealed)).not.toContain('sandbox-demo-key');
    expect(await openSecret(sealed, key)).toBe('sandbox-demo-key');
    expect(await openSecret(sealed, await createSealingKey())).toBeUndefined();
    expect(await openSecret({ ...sealed, ciphertext: 'AAAA' }, key)).toBeUndefined();
  });
});

describe('shared rate limiter', () => {
  it('saves its state as requests end and picks it up again after a restart', async () => {
    await resetSharedLimiter(CONNECTION.id);
    const limiter = await sharedLimiter(CONNECTION.id);
    const release = await limiter.acquire();
    release();
    // Saved exactly once the key is idle (a slot’s time after its last request; reserved ahead before that).
    await expect
      .poll(async () => ((await rateLimiterStateItem(CONNECTION.id).getValue()) as { stamps: number[] } | null)?.stamps.length, { timeout: 3_000 })
      .toBe(1);

    // A new worker: the module's memory is gone, storage is not.
    const saved = await rateLimiterStateItem(CONNECTION.id).getValue();
    await resetSharedLimiter(CONNECTION.id);
    await rateLimiterStateItem(CONNECTION.id).setValue(saved);
    const restarted = await sharedLimiter(CONNECTION.id);
    expect(await sharedLimiter(OTHER)).not.toBe(restarted); // one limiter per key
    expect(restarted.snapshot().stamps).toHaveLength(1);
  });
});

describe('badge', () => {
  const record = (state: SaveRecord['state']) => ({ id: 'x', kind: 'embed', state, updatedAt: 1, request: {} }) as unknown as SaveRecord;
  it('shows "!" only while a save has failed or met a conflict', () => {
    expect(badgeFor({})).toBe('');
    expect(badgeFor({ a: record('waiting'), b: record('saving'), c: record('offline') })).toBe('');
    expect(badgeFor({ a: record('waiting'), b: record('failed') })).toBe('!');
    expect(badgeFor({ a: record('conflict') })).toBe('!');
  });
});
