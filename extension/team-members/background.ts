import { InvalidRequestError } from '../../shared/client';
import { activeConnection, connectionsItem } from '../connection/connections-item';
import { currentSession } from '../connection/session';
import { defineBackgroundPart } from '../jobs/background-part';
import { jobs } from '../jobs/browser-engine';
import { INVITE_JOB, inviteJob, OFFBOARD_JOB, offboardJob } from './jobs';
import { type InviteJob, inviteJobItem, type JobState, type OffboardJob, offboardJobItem, PENDING_STATES } from './members-storage';
import type { StoredItem } from '../storage/stored-item';
import { teamMembersMessages } from './messages';

// The team-members messages act on the connection the popup is on (as the Team access page's do), through the engine.

async function activeId(): Promise<string> {
  const connection = activeConnection(await connectionsItem.getValue());
  if (connection) return connection.id;
  return (await currentSession()).connectionId; // throws the "set up a key first" error
}

/** One job of each kind per organization: its kind on the engine, its stored record, what it is called. */
interface Job<J extends StepsRecord> {
  kind: string;
  item: (connectionId: string) => StoredItem<J | null>;
  name: string;
}
type StepsRecord = { state: JobState; steps: unknown[] };
const INVITE: Job<InviteJob> = { kind: INVITE_JOB, item: inviteJobItem, name: 'An invitation' };
const OFFBOARD: Job<OffboardJob> = { kind: OFFBOARD_JOB, item: offboardJobItem, name: 'A removal' };

/** Stores the job (refused while one of its kind is not finished) and starts it; its record reports the rest. */
async function startJob<J extends StepsRecord>(
  job: Job<J>,
  fields: Omit<J, 'id' | 'state' | 'createdAt' | 'updatedAt' | 'steps'>,
  people: number,
): Promise<null> {
  const id = await activeId();
  const current = await job.item(id).getValue();
  if (jobs.isRunning(job.kind, id) || (current && current.state !== 'done'))
    throw new InvalidRequestError(`${job.name} is under way: let it finish first`);
  const now = Date.now();
  const jobId = `m${now.toString(36)}${Math.random().toString(36).slice(2, 8)}`;
  await job
    .item(id)
    .setValue({ ...fields, id: jobId, state: 'running', createdAt: now, updatedAt: now, steps: Array(people).fill(null) } as unknown as J);
  void jobs.start(job.kind, id).catch(() => {});
  return null;
}

/** `resume` a paused job, `dismiss` a settled one's report; nothing while it runs. */
async function jobAction<J extends StepsRecord>(job: Job<J>, action: 'resume' | 'dismiss'): Promise<null> {
  const id = await activeId();
  const record = await job.item(id).getValue();
  if (!record || jobs.isRunning(job.kind, id) || PENDING_STATES.includes(record.state)) return null;
  if (action === 'dismiss') await job.item(id).removeValue();
  else if (record.state === 'paused') {
    await job.item(id).setValue({ ...record, state: 'running', error: undefined, updatedAt: Date.now() });
    void jobs.start(job.kind, id).catch(() => {});
  }
  return null;
}

export const background = defineBackgroundPart({
  messages: teamMembersMessages,
  handlers: {
    teamMembersInvite: (request) => startJob(INVITE, { request }, request.people.length),
    teamMembersOffboard: (request) => startJob(OFFBOARD, { request }, request.people.length),
    async teamMembersJob({ job, action }) {
      if (action === 'nudge') return jobs.resume().then(() => null);
      return job === 'invite' ? jobAction(INVITE, action) : jobAction(OFFBOARD, action);
    },
  },
  jobs: [inviteJob, offboardJob],
});
