import { describe, expect, it } from 'vitest';
import { RateLimitedError, UnprocessableEntityError } from '../../../shared/client';
import type { PagePermissions } from '../../../shared/schemas';
import { type BatchDeps, CANCEL, runBatch } from '../../../extension/team-access/bulk/batch-runner';
import type { BulkChange } from '../../../extension/team-access/bulk/bulk-change';
import { undoBulkPlan } from '../../../extension/team-access/bulk/undo-plan';
import type { BatchOutcomes, TeamBatch } from '../../../extension/team-access/team-access-storage';
import { memory, PAGES } from './support';
import { batchReportCsv } from '../../../extension/team-access/csv/report-csv';

const NONE: PagePermissions = {};
const CLOUD: PagePermissions = { cloud: { page_configuration: false, incident_manager: true, maintenance_manager: false } };

function setUp(server: Record<string, PagePermissions>, outcomes: BatchOutcomes | null = null, refuse: string[] = []) {
  const calls: string[] = [];
  const batch = memory<TeamBatch | null>({
    id: 'b1',
    state: 'running',
    createdAt: 0,
    updatedAt: 0,
    plan: {
      label: 'Give access to Acme Cloud',
      users: ['ada', 'bob', 'cy'].map((userId) => ({ userId, label: userId, before: NONE, after: CLOUD })),
    },
  });
  const stored = memory<BatchOutcomes | null>(outcomes);
  const deps: BatchDeps = {
    client: {
      getUserPermissions: async (_org, userId) => {
        calls.push(`GET ${userId}`);
        return { userId, pages: structuredClone(server[userId] ?? {}) };
      },
      replaceUserPermissions: async (_org, userId, pages) => {
        calls.push(`PUT ${userId}`);
        if (refuse.includes(userId)) throw new UnprocessableEntityError({ serverMessage: 'pages is invalid' });
        server[userId] = structuredClone(pages);
        return { userId, pages };
      },
    },
    organizationId: 'org',
    now: () => 1,
    sleep: async () => {},
    batch,
    outcomes: stored,
    usesRoles: () => true,
    onPermissions: async () => {},
  };
  return { deps, calls, batch, stored, server };
}

describe('the batch runner', () => {
  it('re-reads each user, skips one changed since the scan as a conflict, PUTs the complete mapping for the rest', async () => {
    const t = setUp({ ada: {}, bob: { pay: {} }, cy: {} }, null, ['cy']);
    await runBatch(t.deps, new AbortController().signal);
    expect(t.calls).toEqual(['GET ada', 'PUT ada', 'GET bob', 'GET cy', 'PUT cy']);
    const users = t.stored.value?.users ?? {};
    expect(users.ada?.status).toBe('done');
    expect(users.bob).toMatchObject({ status: 'conflict', current: { pay: {} } });
    expect(users.cy?.status).toBe('failed');
    expect(users.cy?.error).toContain('pages is invalid');
    expect(t.server.bob).toEqual({ pay: {} }); // never overwritten
    expect(t.batch.value?.state).toBe('done');
  });

  it('waits out a 429 on the PUT and sends that PUT again, without a second read (under one call a window, a pair never fits)', async () => {
    const t = setUp({ ada: {}, bob: {}, cy: {} });
    const put = t.deps.client.replaceUserPermissions;
    let refused = false;
    t.deps.client.replaceUserPermissions = async (org, userId, pages, options) => {
      if (!refused) {
        refused = true;
        t.calls.push(`429 ${userId}`);
        throw new RateLimitedError({ retryAt: new Date(5_000), status: 429 });
      }
      return put(org, userId, pages, options);
    };
    await runBatch(t.deps, new AbortController().signal);
    expect(t.calls).toEqual(['GET ada', '429 ada', 'PUT ada', 'GET bob', 'PUT bob', 'GET cy', 'PUT cy']);
    expect(t.batch.value?.state).toBe('done');
  });

  it('resumed after a stop, a user whose PUT may have landed is re-read: already as planned counts as done, nothing sent twice', async () => {
    const t = setUp({ ada: CLOUD, bob: {}, cy: {} }, { batchId: 'b1', users: { ada: { status: 'sending', at: 0 } } });
    await runBatch(t.deps, new AbortController().signal);
    expect(t.calls).toEqual(['GET ada', 'GET bob', 'PUT bob', 'GET cy', 'PUT cy']);
    expect(t.stored.value?.users.ada?.status).toBe('done');
  });

  it('a user already done is not touched again; a cancel marks the rest cancelled', async () => {
    const t = setUp({ ada: CLOUD, bob: {}, cy: {} }, { batchId: 'b1', users: { ada: { status: 'done', at: 0 } } });
    const controller = new AbortController();
    controller.abort(CANCEL);
    await runBatch(t.deps, controller.signal);
    expect(t.calls).toEqual([]);
    expect(t.batch.value?.state).toBe('cancelled');
    expect(Object.values(t.stored.value?.users ?? {}).map((outcome) => outcome.status)).toEqual(['done', 'cancelled', 'cancelled']);
  });

  it('undo plans, for the users the batch changed only, their mapping from before it', async () => {
    const t = setUp({ ada: {}, bob: { pay: {} }, cy: {} });
    await runBatch(t.deps, new AbortController().signal);
    const plan = undoBulkPlan(t.batch.value!, t.stored.value);
    expect(plan?.label).toBe('Undo of Give access to Acme Cloud');
    expect(plan?.undoOf).toBe(t.batch.value?.id);
    expect(plan?.users.map((user) => [user.userId, user.before, user.after])).toEqual([
      ['ada', CLOUD, NONE],
      ['cy', CLOUD, NONE],
    ]);
    // Taking access away again: every loss is named, so the confirmation asks before it.
    expect(plan?.lossCount).toBe(2);
    expect(plan?.users.map((user) => user.losses)).toEqual([['cloud'], ['cloud']]);
    // An undo is not undone by the same button: it is the last word on its batch.
    expect(undoBulkPlan({ ...t.batch.value!, undoOf: 'b1' }, t.stored.value)).toBeUndefined();
  });
});

describe('a batch with users not read when it was planned', () => {
  const PAY: PagePermissions = { pay: { page_configuration: false, incident_manager: false, maintenance_manager: false } };
  function withUnread(server: Record<string, PagePermissions>, change: BulkChange) {
    const t = setUp(server);
    t.batch.value = {
      ...t.batch.value!,
      plan: {
        label: 'x',
        users: [{ userId: 'ada', label: 'ada', before: NONE, after: CLOUD }],
        unread: { change, users: ['bob', 'cy'].map((userId) => ({ userId, label: userId })) },
      },
    };
    return t;
  }

  it('reads each just before the write, applies the change to what is found, and records what was found and put', async () => {
    const t = withUnread({ ada: {}, bob: PAY, cy: CLOUD }, { kind: 'grant', pageIds: ['cloud'], roles: ['incident_manager'] });
    await runBatch(t.deps, new AbortController().signal);
    // One read and one PUT for a user who changes; one read only for one who has it already.
    expect(t.calls).toEqual(['GET ada', 'PUT ada', 'GET bob', 'PUT bob', 'GET cy']);
    expect(t.server.bob).toEqual({ ...PAY, ...CLOUD }); // Acme Payments kept: the change went onto what was found
    expect(t.stored.value?.users.bob).toMatchObject({ status: 'done', before: PAY, after: { ...PAY, ...CLOUD } });
    expect(t.stored.value?.users.cy).toMatchObject({ status: 'unchanged', before: CLOUD });
    expect(t.batch.value?.state).toBe('done');
  });

  it('"remove access" may find nothing to remove: nothing sent, said so, not a failure', async () => {
    const t = withUnread({ ada: {}, bob: PAY, cy: { ...PAY, ...CLOUD } }, { kind: 'remove', pageId: 'cloud' });
    await runBatch(t.deps, new AbortController().signal);
    expect(t.calls).toEqual(['GET ada', 'PUT ada', 'GET bob', 'GET cy', 'PUT cy']);
    expect(t.stored.value?.users.bob?.status).toBe('unchanged');
    expect(t.server.cy).toEqual(PAY);
  });

  it('resumed after a stop mid-PUT, the mapping recorded then decides: already there is done, nothing sent twice', async () => {
    const t = withUnread({ ada: CLOUD, bob: { ...PAY, ...CLOUD }, cy: {} }, { kind: 'grant', pageIds: ['cloud'], roles: ['incident_manager'] });
    t.stored.value = {
      batchId: 'b1',
      users: { ada: { status: 'done', at: 0 }, bob: { status: 'sending', before: PAY, after: { ...PAY, ...CLOUD }, at: 0 } },
    };
    await runBatch(t.deps, new AbortController().signal);
    expect(t.calls).toEqual(['GET bob', 'GET cy', 'PUT cy']);
    expect(t.stored.value?.users.bob).toMatchObject({ status: 'done', before: PAY });
  });

  it('resumed after a stop mid-PUT, a change made elsewhere since is a conflict, reported against what the read had found', async () => {
    const t = withUnread({ ada: CLOUD, bob: {}, cy: CLOUD }, { kind: 'grant', pageIds: ['cloud'], roles: ['incident_manager'] });
    t.stored.value = {
      batchId: 'b1',
      users: { ada: { status: 'done', at: 0 }, bob: { status: 'sending', before: PAY, after: { ...PAY, ...CLOUD }, at: 0 } },
    };
    await runBatch(t.deps, new AbortController().signal);
    expect(t.calls).toEqual(['GET bob', 'GET cy']);
    expect(t.stored.value?.users.bob).toMatchObject({ status: 'conflict', current: {}, before: PAY });
    expect(t.server.bob).toEqual({}); // never overwritten
  });

  it('its CSV report gives what the read found and what was put, and says when there was nothing to do', async () => {
    const t = withUnread({ ada: {}, bob: PAY, cy: CLOUD }, { kind: 'grant', pageIds: ['cloud'], roles: ['incident_manager'] });
    await runBatch(t.deps, new AbortController().signal);
    const lines = batchReportCsv(t.batch.value!, t.stored.value, PAGES).trimEnd().split('\r\n');
    expect(lines.slice(1)).toEqual([
      'ada,ada,done,no access,Acme Cloud (Manage incidents),',
      'bob,bob,done,Acme Payments,"Acme Cloud (Manage incidents), Acme Payments",',
      'cy,cy,unchanged,Acme Cloud (Manage incidents),Acme Cloud (Manage incidents),',
    ]);
  });

  it('its undo puts back what the read found (never a guess), and names the loss', async () => {
    const t = withUnread({ ada: {}, bob: PAY, cy: CLOUD }, { kind: 'grant', pageIds: ['cloud'], roles: ['incident_manager'] });
    await runBatch(t.deps, new AbortController().signal);
    const undo = undoBulkPlan(t.batch.value!, t.stored.value);
    expect(undo?.users.map((user) => [user.userId, user.before, user.after])).toEqual([
      ['ada', CLOUD, NONE],
      ['bob', { ...PAY, ...CLOUD }, PAY],
    ]); // Cy had it already: nothing to undo for her
    expect(undo?.users.map((user) => user.losses)).toEqual([['cloud'], ['cloud']]);
  });
});
