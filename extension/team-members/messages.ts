import * as z from 'zod/mini';
import { NewUser, PagePermissions } from '../../shared/schemas';
import { defineMessages, Id, Label, POPUP } from '../messaging/protocol';
import { MAX_PEOPLE } from './people-input';

/** Invite: create each person, then give them exactly `access` (a full replacement of Statuspage's all-pages default). */
export const InviteRequest = z.strictObject({
  /** Where the access comes from, for the report ("Template: On-call engineer"). */
  label: Label,
  access: PagePermissions,
  people: z.array(NewUser).check(z.minLength(1), z.maxLength(MAX_PEOPLE)),
});
export type InviteRequest = z.infer<typeof InviteRequest>;

/** One person to remove, with the access they had when the plan was made (the guard, and the record kept). */
export const OffboardPerson = z.strictObject({ userId: Id, label: Label, email: Label, before: PagePermissions });
export type OffboardPerson = z.infer<typeof OffboardPerson>;
export const OffboardRequest = z.strictObject({ people: z.array(OffboardPerson).check(z.minLength(1), z.maxLength(MAX_PEOPLE)) });
export type OffboardRequest = z.infer<typeof OffboardRequest>;

/** `nudge` wakes a stopped worker (its start-up resumes the jobs); `resume` a paused job; `dismiss` a settled job's report. */
export const MembersJobAction = z.strictObject({ job: z.enum(['invite', 'offboard']), action: z.enum(['nudge', 'resume', 'dismiss']) });

export const teamMembersMessages = defineMessages({
  teamMembersInvite: { from: POPUP, request: InviteRequest, response: z.null() },
  teamMembersOffboard: { from: POPUP, request: OffboardRequest, response: z.null() },
  teamMembersJob: { from: POPUP, request: MembersJobAction, response: z.null() },
});
