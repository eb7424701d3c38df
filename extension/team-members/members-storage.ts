import * as z from 'zod/mini';
import { PagePermissions } from '../../shared/schemas';
import { orgItem } from '../storage/org-item';
import { InviteRequest, OffboardRequest } from './messages';

// Every storage item of the team-members feature, per connection (organization) under `org.<id>.teamMembers.`:
// removing a connection removes them. Jobs are written by the background only; templates by the page.

/** A named access to give new people ("On-call engineer: incidents on Acme Cloud and Acme Payments"). */
export const AccessTemplate = z.object({
  id: z.string().check(z.regex(/^t[a-z0-9]{1,40}$/)),
  name: z.string().check(z.minLength(1), z.maxLength(120)),
  pages: PagePermissions,
  updatedAt: z.number(),
});
export type AccessTemplate = z.infer<typeof AccessTemplate>;
export const templatesItem = orgItem('teamMembers.templates', { schema: z.array(AccessTemplate).check(z.maxLength(200)), fallback: [], version: 1 });

export const JobState = z.enum(['running', 'paused', 'rate-limited', 'offline', 'done']);
export type JobState = z.infer<typeof JobState>;
export const PENDING_STATES: JobState[] = ['running', 'rate-limited', 'offline'];

const jobRun = {
  id: z.string(),
  state: JobState,
  retryAt: z.optional(z.number()),
  /** Why it stopped by itself (a revoked key...): paused, resumable once fixed. */
  error: z.optional(z.string()),
  createdAt: z.number(),
  updatedAt: z.number(),
};

/**
 * One person's way through an invitation. `creating`: the POST may have landed (a stopped worker cannot tell), so a
 * resume looks the email up in the user list first; `created`: their all-pages default is still on, so the access is
 * put next; `exists`: already a member, left as they are.
 */
export const InviteStep = z.object({
  status: z.enum(['creating', 'created', 'done', 'exists', 'failed']),
  userId: z.optional(z.string()),
  error: z.optional(z.string()),
  at: z.number(),
});
export type InviteStep = z.infer<typeof InviteStep>;
export const InviteJob = z.object({ ...jobRun, request: InviteRequest, steps: z.array(z.nullable(InviteStep)) });
export type InviteJob = z.infer<typeof InviteJob>;

/**
 * One person's way out. `deleting`: the DELETE may have landed, so a resume reads them again (a 404 is done);
 * `skipped`: their access changed since the plan (`current`), not removed; `gone`: not a member any more.
 */
export const OffboardStep = z.object({
  status: z.enum(['deleting', 'removed', 'skipped', 'gone', 'failed']),
  current: z.optional(PagePermissions),
  error: z.optional(z.string()),
  at: z.number(),
});
export type OffboardStep = z.infer<typeof OffboardStep>;
export const OffboardJob = z.object({ ...jobRun, request: OffboardRequest, steps: z.array(z.nullable(OffboardStep)) });
export type OffboardJob = z.infer<typeof OffboardJob>;

/** The two jobs' item names under `org.<connection id>.` (the job kinds watch storage for them). */
export const INVITE_ITEM = 'teamMembers.invite';
export const OFFBOARD_ITEM = 'teamMembers.offboard';
export const inviteJobItem = orgItem(INVITE_ITEM, { schema: z.nullable(InviteJob), fallback: null, version: 1 });
export const offboardJobItem = orgItem(OFFBOARD_ITEM, { schema: z.nullable(OffboardJob), fallback: null, version: 1 });
