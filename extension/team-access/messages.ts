import * as z from 'zod/mini';
import { PermissionsPlan } from '../access/permissions-plan';
import { defineMessages, Id, Label, POPUP } from '../messaging/protocol';
import { UnreadPart } from './bulk/bulk-change';

/** One user's part of a bulk change on the Team access page: `before` as the scan read them, `after` the mapping to put. */
export const BulkPlanUser = z.strictObject({ userId: Id, label: Label, ...PermissionsPlan });
export type BulkPlanUser = z.infer<typeof BulkPlanUser>;

/**
 * A confirmed bulk change (or a CSV import): the users read by the scan whose plan changes something, and the users
 * not read yet (read just before the write, the change applied to what is found); at least one user in all.
 */
export const BulkPlanRequest = z
  .strictObject({
    /** What it does, for the report ("Give access to Acme Cloud"). */
    label: Label,
    users: z.array(BulkPlanUser).check(z.maxLength(100_000)),
    unread: z.optional(UnreadPart),
    /** The batch this one undoes: refused unless it is the last batch, over, and not undone already. */
    undoOf: z.optional(Id),
  })
  .check(z.refine((plan) => plan.users.length + (plan.unread?.users.length ?? 0) > 0, 'A plan names at least one user'));
export type BulkPlanRequest = z.infer<typeof BulkPlanRequest>;

/** The Team access scan: start a new one (oldest rows first), pause, resume; `nudge` wakes a stopped worker to go on. */
export const TeamScanAction = z.enum(['start', 'pause', 'resume', 'nudge']);
/** The bulk change under way: pause, resume, cancel, nudge (as for the scan). An undo is a plan like any other. */
export const TeamBatchAction = z.enum(['pause', 'resume', 'cancel', 'nudge']);

/** The users the admin's filter or search shows now (the first ones, in the table's order): the scan reads them next. */
export const ReadFirstRequest = z.array(Id).check(z.maxLength(500));

export const teamAccessMessages = defineMessages({
  /** The organization's permission scan, a job run in the background under the key's one limiter. */
  teamAccessScan: { from: POPUP, request: TeamScanAction, response: z.null() },
  /** Stores the plan and runs it user by user (the guarded replacement), as a job. */
  teamAccessRunBatch: { from: POPUP, request: BulkPlanRequest, response: z.null() },
  teamAccessBatch: { from: POPUP, request: TeamBatchAction, response: z.null() },
  teamAccessReadFirst: { from: POPUP, request: ReadFirstRequest, response: z.null() },
});
