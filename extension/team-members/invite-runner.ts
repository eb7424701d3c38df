import type { StatuspageClient } from '../../shared/client';
import type { User } from '../../shared/schemas';
import { completeMapping } from '../access/permission-diff';
import type { Waiter } from '../jobs/wait-out';
import type { ValueStore } from '../team-access/matrix/matrix-store';
import type { InviteJob, InviteStep } from './members-storage';
import { runSteps } from './run-steps';

export type InviteDeps = Waiter & {
  client: Pick<StatuspageClient, 'listUsers' | 'createUser' | 'replaceUserPermissions'>;
  organizationId: string;
  store: ValueStore<InviteJob | null>;
  /** Whether a page uses role based access control, as the scans learnt it (for the PUT's complete mapping). */
  usesRoles(pageId: string): boolean | undefined;
};

const BACKGROUND = { priority: 'background' } as const;
const SETTLED: ReadonlyArray<InviteStep['status']> = ['done', 'exists', 'failed'];

/**
 * Creates each person, then puts their access with a plain full replacement: what it replaces is Statuspage's
 * all-pages default, which must go whatever it is (a guarded replacement would need it guessed exactly), and the
 * PUT is idempotent, so a resume sends it again. `creating` is on record before each POST and `created` after it;
 * a resume first looks the email up in the user list, so nobody is created twice.
 */
export async function runInvite(deps: InviteDeps, signal: AbortSignal): Promise<void> {
  const job = await deps.store.getValue();
  if (!job) return;
  const { client, organizationId } = deps;
  const { people, access } = job.request;
  const mapping = completeMapping(access, deps.usesRoles);
  let members: Promise<Map<string, User>> | undefined;
  await runSteps<InviteStep, InviteJob>(
    deps,
    signal,
    async (index, recorded, { record, call }) => {
      if (recorded && SETTLED.includes(recorded.status)) return;
      const person = people[index]!;
      let userId = recorded?.userId;
      if (!recorded || recorded.status === 'creating') {
        // One read of the list per run, only when someone is still to be created (or may have been).
        members ??= call(() => client.listUsers(organizationId, { ...BACKGROUND, signal })).then(
          (users) => new Map(users.map((user) => [user.email.toLowerCase(), user])),
        );
        const member = (await members).get(person.email.toLowerCase());
        if (member && !recorded) return record({ status: 'exists', userId: member.id });
        if (member)
          userId = member.id; // created before the worker stopped, the answer lost with it
        else {
          await record({ status: 'creating' });
          userId = (await call(() => client.createUser(organizationId, person, { ...BACKGROUND, signal }))).id;
        }
        await record({ status: 'created', userId });
      }
      await call(() => client.replaceUserPermissions(organizationId, userId as string, mapping, { ...BACKGROUND, signal }));
      await record({ status: 'done', userId });
    },
    (error) => ({ status: 'failed', error }),
  );
}
