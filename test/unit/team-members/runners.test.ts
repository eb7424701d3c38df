import { describe, expect, it } from 'vitest';
import { AbortedError, NotFoundError, UnprocessableEntityError } from '../../../shared/client';
import type { PagePermissions, User } from '../../../shared/schemas';
import { runInvite } from '../../../extension/team-members/invite-runner';
import type { InviteJob, OffboardJob } from '../../../extension/team-members/members-storage';
import { runOffboard } from '../../../extension/team-members/offboard-runner';
import { memory } from '../team-access/support';

const INCIDENTS = { page_configuration: false, incident_manager: true, maintenance_manager: false };
const DEFAULT_ACCESS = { cloud: { page_configuration: true, incident_manager: true, maintenance_manager: true }, labs: {} };

/** A small organization: users by id, their permissions; new users get every page (Statuspage's default). */
function organization(existing: string[]) {
  const users = new Map<string, User>(existing.map((email, i) => [`e${i}`, { id: `e${i}`, email }]));
  const permissions = new Map<string, PagePermissions>([...users.keys()].map((id) => [id, DEFAULT_ACCESS]));
  const calls: string[] = [];
  return { users, permissions, calls };
}

function inviteSetUp(org: ReturnType<typeof organization>, people: string[], stopAfterCreating?: string) {
  const controller = new AbortController();
  const store = memory<InviteJob | null>({
    id: 'm1',
    state: 'running',
    createdAt: 0,
    updatedAt: 0,
    request: { label: 'Template: On-call', access: { cloud: INCIDENTS }, people: people.map((email) => ({ email })) },
    steps: people.map(() => null),
  });
  const deps = {
    now: () => 1,
    sleep: async () => {},
    organizationId: 'org',
    store,
    usesRoles: (pageId: string) => pageId === 'cloud',
    client: {
      listUsers: async () => {
        org.calls.push('LIST');
        return [...org.users.values()];
      },
      createUser: async (_org: string, person: { email: string }) => {
        org.calls.push(`POST ${person.email}`);
        if ([...org.users.values()].some((u) => u.email === person.email))
          throw new UnprocessableEntityError({ serverMessage: 'email has already been taken' });
        const created = { id: `n${org.users.size}`, email: person.email };
        org.users.set(created.id, created);
        org.permissions.set(created.id, DEFAULT_ACCESS);
        if (person.email === stopAfterCreating) {
          // The worker stops with the POST landed and its answer lost.
          controller.abort('pause');
          throw new AbortedError();
        }
        return created;
      },
      replaceUserPermissions: async (_org: string, userId: string, pages: PagePermissions) => {
        org.calls.push(`PUT ${userId}`);
        org.permissions.set(userId, pages);
        return { userId, pages };
      },
    },
  };
  return { deps, store, controller };
}

describe('the invitation runner', () => {
  it('lists once, creates each new person then puts exactly the chosen access; a member already is reported, not created', async () => {
    const org = organization(['old@acme.example']);
    const { deps, store } = inviteSetUp(org, ['ada@acme.example', 'OLD@acme.example', 'bob@acme.example']);
    await runInvite(deps, new AbortController().signal);
    expect(org.calls).toEqual(['LIST', 'POST ada@acme.example', 'PUT n1', 'POST bob@acme.example', 'PUT n2']);
    expect(store.value?.steps.map((step) => step?.status)).toEqual(['done', 'exists', 'done']);
    expect(org.permissions.get('n1')).toEqual({ cloud: INCIDENTS });
    expect(org.permissions.get('e0')).toEqual(DEFAULT_ACCESS); // left as they are
    expect(store.value?.state).toBe('done');
  });

  it('resumed after a stop between a POST and its record, finds the person in the list: created once, access set', async () => {
    const org = organization([]);
    const first = inviteSetUp(org, ['ada@acme.example', 'bob@acme.example'], 'bob@acme.example');
    await runInvite(first.deps, first.controller.signal);
    expect(first.store.value?.state).toBe('paused');
    expect(first.store.value?.steps.map((step) => step?.status)).toEqual(['done', 'creating']);
    expect(org.permissions.get('n1')).toEqual(DEFAULT_ACCESS); // bob, created with everything: not finished yet

    const resumed = { ...first.deps, client: { ...first.deps.client } };
    await runInvite(resumed, new AbortController().signal);
    expect(org.calls.filter((call) => call.startsWith('POST'))).toEqual(['POST ada@acme.example', 'POST bob@acme.example']);
    expect(first.store.value?.steps.map((step) => step?.status)).toEqual(['done', 'done']);
    expect(org.permissions.get('n1')).toEqual({ cloud: INCIDENTS });
  });

  it('a person created but whose access was not set yet is finished with a PUT, not created again', async () => {
    const org = organization([]);
    const { deps, store } = inviteSetUp(org, ['ada@acme.example']);
    org.users.set('n0', { id: 'n0', email: 'ada@acme.example' });
    org.permissions.set('n0', DEFAULT_ACCESS);
    await store.setValue({ ...store.value!, steps: [{ status: 'created', userId: 'n0', at: 0 }] });
    await runInvite(deps, new AbortController().signal);
    expect(org.calls).toEqual(['PUT n0']);
    expect(org.permissions.get('n0')).toEqual({ cloud: INCIDENTS });
  });
});

function offboardSetUp(org: ReturnType<typeof organization>, before: Record<string, PagePermissions>) {
  const store = memory<OffboardJob | null>({
    id: 'm2',
    state: 'running',
    createdAt: 0,
    updatedAt: 0,
    request: { people: Object.entries(before).map(([userId, pages]) => ({ userId, label: userId, email: `${userId}@acme.example`, before: pages })) },
    steps: Object.keys(before).map(() => null),
  });
  const client = {
    getUserPermissions: async (_org: string, userId: string) => {
      org.calls.push(`GET ${userId}`);
      const pages = org.permissions.get(userId);
      if (!pages) throw new NotFoundError();
      return { userId, pages };
    },
    deleteUser: async (_org: string, userId: string) => {
      org.calls.push(`DELETE ${userId}`);
      const gone = org.users.get(userId);
      if (!gone) throw new NotFoundError();
      org.users.delete(userId);
      org.permissions.delete(userId);
      return gone;
    },
  };
  return { deps: { now: () => 1, sleep: async () => {}, organizationId: 'org', store, client }, store };
}

describe('the offboarding runner', () => {
  it('re-reads each person, removes those unchanged, skips one changed since the plan, reports one gone already', async () => {
    const org = organization(['a@acme.example', 'b@acme.example']);
    org.permissions.set('e1', { cloud: INCIDENTS }); // changed since the plan
    const { deps, store } = offboardSetUp(org, { e0: DEFAULT_ACCESS, e1: DEFAULT_ACCESS, e9: {} });
    await runOffboard(deps, new AbortController().signal);
    expect(org.calls).toEqual(['GET e0', 'DELETE e0', 'GET e1', 'GET e9']);
    expect(store.value?.steps.map((step) => step?.status)).toEqual(['removed', 'skipped', 'gone']);
    expect(store.value?.steps[1]?.current).toEqual({ cloud: INCIDENTS });
    expect(org.users.has('e1')).toBe(true);
  });

  it('resumed with a DELETE that may have landed: a 404 on the re-read is the removal done, nothing sent again', async () => {
    const org = organization([]);
    const { deps, store } = offboardSetUp(org, { e0: {} });
    await store.setValue({ ...store.value!, steps: [{ status: 'deleting', at: 0 }] });
    await runOffboard(deps, new AbortController().signal);
    expect(org.calls).toEqual(['GET e0']);
    expect(store.value?.steps[0]?.status).toBe('removed');
  });
});
