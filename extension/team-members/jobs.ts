import { browser } from 'wxt/browser';
import { connectionsItem } from '../connection/connections-item';
import { sessionFor } from '../connection/session';
import type { JobContext, JobKind, PendingJob } from '../jobs/job-kind';
import { usersCache } from '../organization/organization-cache';
import { usesRolesOf } from '../team-access/bulk/bulk-plan';
import { matrixPagesItem } from '../team-access/matrix/stored-matrix';
import { runInvite } from './invite-runner';
import { INVITE_ITEM, inviteJobItem, type JobState, OFFBOARD_ITEM, offboardJobItem, PENDING_STATES } from './members-storage';
import { runOffboard } from './offboard-runner';

// Two job kinds, one job of each per connection (organization): the job's id is the connection's id, its record
// the connection's `teamMembers.invite` or `.offboard` item.

export const INVITE_JOB = 'team-members:invite';
export const OFFBOARD_JOB = 'team-members:offboard';

type Item = (connectionId: string) => { getValue(): Promise<{ state: JobState; retryAt?: number | undefined } | null> };

const connectionIds = async (): Promise<string[]> => (await connectionsItem.getValue()).list.map((connection) => connection.id);

function perConnection(name: string, item: Item, itemName: string, run: (connectionId: string, context: JobContext) => Promise<void>): JobKind<void> {
  return {
    name,
    keepTrying: true,
    jobsOf: async (connectionId) => [connectionId],
    async pending() {
      const pending: PendingJob[] = [];
      for (const id of await connectionIds()) {
        const record = await item(id).getValue();
        if (!record || !PENDING_STATES.includes(record.state)) continue;
        const waiting = record.state !== 'running' && record.retryAt !== undefined;
        pending.push({ id, ...(waiting && { retryAt: record.retryAt }) });
      }
      return pending;
    },
    watch(onChange) {
      const suffix = `.${itemName}`;
      browser.storage.onChanged.addListener((changes, area) => {
        if (area === 'local' && Object.keys(changes).some((key) => key.startsWith('org.') && key.endsWith(suffix))) onChange();
      });
      connectionsItem.watch(() => onChange());
    },
    run,
  };
}

export const inviteJob = perConnection(INVITE_JOB, inviteJobItem, INVITE_ITEM, async (connectionId, context) => {
  const { client, organizationId } = await sessionFor(connectionId);
  const usesRoles = usesRolesOf(await matrixPagesItem(connectionId).getValue());
  try {
    await runInvite({ ...context, client, organizationId, store: inviteJobItem(connectionId), usesRoles }, context.signal);
  } finally {
    await forgetUserList(connectionId);
  }
});

export const offboardJob = perConnection(OFFBOARD_JOB, offboardJobItem, OFFBOARD_ITEM, async (connectionId, context) => {
  const { client, organizationId } = await sessionFor(connectionId);
  try {
    await runOffboard({ ...context, client, organizationId, store: offboardJobItem(connectionId) }, context.signal);
  } finally {
    await forgetUserList(connectionId);
  }
});

/** People came or went: the user list the popup and the next scan reuse while fresh (5 minutes) is read again. */
function forgetUserList(connectionId: string): Promise<void> {
  return usersCache(connectionId)
    .removeValue()
    .catch(() => {});
}
