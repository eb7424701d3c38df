import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { badgeFor } from '../../../extension/saves/badge';
import { sharedLimiter, resetSharedLimiter } from '../../../extension/connection/shared-limiter';
import { cached, pagesCache, permissionsCache } from '../../../extension/storage/cache';
import { clearOrganizationData } from '../../../extension/storage/clear';
import { connectionItem } from '../../../extension/connection/connection-item';
import { embedDraftItem } from '../../../extension/storage/drafts';
import { lastContextItem } from '../../../extension/popup/last-context';
import { rateLimiterStateItem, savesItem, type SaveRecord } from '../../../extension/saves/save-record';
import { createSealingKey, openSecret, sealSecret } from '../../../extension/connection/sealed-secret';

beforeEach(() => {
  fakeBrowser.reset();
});

describe('storage items', () => {
  it('live in storage.local (never sync), with their fallbacks', async () => {
    expect(await lastContextItem.getValue()).toEqual({ tab: 'embed' });
    await connectionItem.setValue({ organizationId: 'org1', apiBaseUrl: 'https://api.statuspage.io/v1', verifiedAt: 1 });
    const local = await fakeBrowser.storage.local.get(null);
    expect(local['connection']).toMatchObject({ organizationId: 'org1' });
    expect(await fakeBrowser.storage.sync.get(null)).toEqual({});
  });

  it("forgets one organization's caches, drafts and saves, and nothing else", async () => {
    await connectionItem.setValue({ organizationId: 'org1', apiBaseUrl: 'https://api.statuspage.io/v1', verifiedAt: 1 });
    await lastContextItem.setValue({ tab: 'permissions', userId: 'u1' });
    await pagesCache.setValue(cached([{ id: 'p1', name: 'A' }]));
    await permissionsCache('u1').setValue(cached({ p1: {} }));
    await embedDraftItem('p1').setValue({ pageId: 'p1', base: {}, values: {} as never, updatedAt: 1 });
    await savesItem.setValue({});
    await clearOrganizationData();
    const keys = Object.keys(await fakeBrowser.storage.local.get(null)).filter((key) => !key.endsWith('$'));
    expect(keys.sort()).toEqual(['connection', 'popup.lastContext']);
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
