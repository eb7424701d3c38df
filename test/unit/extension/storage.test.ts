import { beforeEach, describe, expect, it, vi } from 'vitest';
import * as z from 'zod/mini';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { connectionItem } from '../../../extension/connection/connection-item';
import { rateLimiterStateItem } from '../../../extension/connection/limiter-state-item';
import { createSealingKey, openSecret, sealSecret } from '../../../extension/connection/sealed-secret';
import { resetSharedLimiter, sharedLimiter } from '../../../extension/connection/shared-limiter';
import { embedDraftItem } from '../../../extension/embed/embed-draft-item';
import { pagesCache } from '../../../extension/organization/organization-cache';
import { permissionsCache } from '../../../extension/permissions/permissions-cache';
import { permissionsDraftItem } from '../../../extension/permissions/permissions-draft-item';
import { lastContextItem } from '../../../extension/popup/last-context';
import { badgeFor } from '../../../extension/saves/badge';
import { type SaveRecord, savesItem } from '../../../extension/saves/save-record';
import { cached } from '../../../extension/storage/cached';
import { clearOrganizationData } from '../../../extension/storage/clear';
import { storedItem } from '../../../extension/storage/stored-item';

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
});

describe('storage items', () => {
  it('live in storage.local (never sync), with their fallbacks', async () => {
    expect(await lastContextItem.getValue()).toEqual({ tab: 'embed' });
    await connectionItem.setValue({ organizationId: 'org1', apiBaseUrl: 'https://api.statuspage.io/v1', verifiedAt: 1 });
    const local = await fakeBrowser.storage.local.get(null);
    expect(local.connection).toMatchObject({ organizationId: 'org1' });
    expect(await fakeBrowser.storage.sync.get(null)).toEqual({});
  });

  it("forgets one organization's caches, drafts and saves, and nothing else", async () => {
    await connectionItem.setValue({ organizationId: 'org1', apiBaseUrl: 'https://api.statuspage.io/v1', verifiedAt: 1 });
    await lastContextItem.setValue({ tab: 'permissions', userId: 'u1' });
    await pagesCache.setValue(cached([{ id: 'p1', name: 'A' }]));
    await permissionsCache('u1').setValue(cached({ p1: {} }));
    await embedDraftItem('p1').setValue({ pageId: 'p1', base: {}, values: EMBED_VALUES, stamps: { position: 1 }, updatedAt: 1 });
    await savesItem.setValue({});
    await clearOrganizationData();
    const keys = Object.keys(await fakeBrowser.storage.local.get(null)).filter((key) => !key.endsWith('$'));
    expect(keys.sort()).toEqual(['connection', 'popup.lastContext']);
  });
});

describe('stored shapes', () => {
  it('parses every value read: a damaged one reads as the fallback, with one warning, and stays in storage', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    try {
      await fakeBrowser.storage.local.set({ connection: { organizationId: 42 }, 'popup.lastContext': 'garbage' });
      expect(await connectionItem.getValue()).toBeNull();
      expect(await connectionItem.getValue()).toBeNull();
      expect(await lastContextItem.getValue()).toEqual({ tab: 'embed' });
      expect(warn).toHaveBeenCalledTimes(2); // once per item, not once per read
      expect(String(warn.mock.calls[0]?.[0])).toContain(
        'local:connection holds a value of another shape (organizationId: expected string; apiBaseUrl: expected string)',
      );
      // Nothing is thrown away by reading it: a later version may still know what to do with it.
      expect((await fakeBrowser.storage.local.get('connection')).connection).toEqual({ organizationId: 42 });
    } finally {
      warn.mockRestore();
    }
  });

  it('refuses to write a value of another shape', async () => {
    await expect(connectionItem.setValue({ organizationId: 'org1' } as never)).rejects.toThrow(
      'Not stored: local:connection: apiBaseUrl: expected string',
    );
  });

  it('reads a version-1 embed draft back through its migration to version 2, the edit kept', async () => {
    // What the extension stored before drafts carried per-field stamps (version 1, no meta key).
    const v1 = { pageId: 'p9', base: EMBED_BASE, values: EMBED_VALUES, updatedAt: 1_700_000_000_000 };
    await fakeBrowser.storage.local.set({ 'draft.embed.p9': v1 });
    const draft = await embedDraftItem('p9').getValue();
    expect(draft).toMatchObject({ pageId: 'p9', values: EMBED_VALUES });
    expect(draft?.stamps).toEqual({
      position: v1.updatedAt,
      incident_background_color: v1.updatedAt,
      incident_text_color: v1.updatedAt,
      maintenance_background_color: v1.updatedAt,
      maintenance_text_color: v1.updatedAt,
    });
    const stored = await fakeBrowser.storage.local.get(['draft.embed.p9', 'draft.embed.p9$']);
    expect(stored['draft.embed.p9$']).toEqual({ v: 2 });
    expect((stored['draft.embed.p9'] as { stamps: unknown }).stamps).toEqual(draft?.stamps);
  });

  it('reads a version-1 permissions draft back through its migration, stamping the pages it changed', async () => {
    const v1 = { userId: 'u9', base: { a: {}, b: {} }, draft: { a: {}, c: { incident_manager: true } }, updatedAt: 5 };
    await fakeBrowser.storage.local.set({ 'draft.permissions.u9': v1 });
    expect(await permissionsDraftItem('u9').getValue()).toEqual({ ...v1, stamps: { b: 5, c: 5 } });
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
    await resetSharedLimiter();
    const limiter = await sharedLimiter();
    const release = await limiter.acquire();
    release();
    await expect.poll(async () => ((await rateLimiterStateItem.getValue()) as { stamps: number[] } | null)?.stamps.length).toBe(1);

    // A new worker: the module's memory is gone, storage is not.
    const saved = await rateLimiterStateItem.getValue();
    await resetSharedLimiter();
    await rateLimiterStateItem.setValue(saved);
    const restarted = await sharedLimiter();
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
