import { InvalidRequestError } from '../../shared/client';
import { activeConnection, connectionsItem } from '../connection/connections-item';
import { currentSession } from '../connection/session';
import { defineBackgroundPart } from '../jobs/background-part';
import { jobs } from '../jobs/browser-engine';
import { INVITE_JOB, inviteJob, OFFBOARD_JOB, offboardJob } from './jobs';
import { inviteJobItem, offboardJobItem, PENDING_STATES } from './members-storage';
import { type InviteRequest, type OffboardRequest, teamMembersMessages } from './messages';

// The team-members messages act on the connection the popup is on (as the Team access page's do), through the engine.

async function activeId(): Promise<string> {
  const connection = activeConnection(await connectionsItem.getValue());
  if (connection) return connection.id;
  return (await currentSession()).connectionId; // throws the "set up a key first" error
}

const ITEMS = { invite: { kind: INVITE_JOB, item: inviteJobItem }, offboard: { kind: OFFBOARD_JOB, item: offboardJobItem } } as const;

/** Stores the job (one of each kind per organization at a time) and starts it; its records report the rest. */
async function startJob(which: keyof typeof ITEMS, fields: { request: InviteRequest } | { request: OffboardRequest }): Promise<null> {
  const id = await activeId();
  const { kind, item } = ITEMS[which];
  const current = await item(id).getValue();
  if (jobs.isRunning(kind, id) || (current && current.state !== 'done'))
    throw new InvalidRequestError(`${which === 'invite' ? 'An invitation' : 'A removal'} is under way: let it finish first`);
  const now = Date.now();
  const jobId = `m${now.toString(36)}${Math.random().toString(36).slice(2, 8)}`;
  const record = { id: jobId, state: 'running' as const, createdAt: now, updatedAt: now, steps: fields.request.people.map(() => null) };
  await item(id).setValue({ ...record, ...fields } as never);
  void jobs.start(kind, id).catch(() => {});
  return null;
}

export const teamMembersBackground = defineBackgroundPart({
  messages: teamMembersMessages,
  handlers: {
    teamMembersInvite: (request) => startJob('invite', { request }),
    teamMembersOffboard: (request) => startJob('offboard', { request }),
    async teamMembersJob({ job, action }) {
      if (action === 'nudge') return jobs.resume().then(() => null);
      const { kind, item } = ITEMS[job];
      const id = await activeId();
      const record = await item(id).getValue();
      if (!record || jobs.isRunning(kind, id) || PENDING_STATES.includes(record.state)) return null;
      if (action === 'dismiss') await item(id).removeValue();
      else if (record.state === 'paused') {
        await item(id).setValue({ ...record, state: 'running', error: undefined, updatedAt: Date.now() } as never);
        void jobs.start(kind, id).catch(() => {});
      }
      return null;
    },
  },
  jobs: [inviteJob, offboardJob],
});
