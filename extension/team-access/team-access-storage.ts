import * as z from 'zod/mini';
import { PagePermissions } from '../../shared/schemas';
import { BulkPlanRequest } from './messages';
import { jobProgressItem } from '../jobs/job-progress';
import { orgItem } from '../storage/org-item';
import { CellCodes } from './matrix/cell-code';

// Every storage item of the Team access page, in one file. Written by the background only (single writer);
// the page reads and watches them.

/** One member of the organization as the matrix knows them. */
export const MatrixUser = z.object({
  id: z.string(),
  name: z.string(),
  email: z.string(),
  /** When a user list first showed them (epoch ms): "new since the last scan". */
  firstSeenAt: z.number(),
  /** When their permissions were last read; absent: not read yet. */
  readAt: z.optional(z.number()),
  /** Their access, page by page, from that read. */
  cells: z.optional(CellCodes),
});
export type MatrixUser = z.infer<typeof MatrixUser>;

export const MatrixPage = z.object({
  id: z.string(),
  name: z.string(),
  /** Role based access control, as the permission reads showed it; absent: not known yet. */
  usesRoles: z.optional(z.boolean()),
});
export type MatrixPage = z.infer<typeof MatrixPage>;

/** The organization's users x pages, as the scans last read it. */
export const TeamMatrix = z.object({
  users: z.record(z.string(), MatrixUser),
  pages: z.array(MatrixPage),
});
export type TeamMatrix = z.infer<typeof TeamMatrix>;

/**
 * The matrix as stored (version 2): this index (the users in the organization's order), the pages, and one item per
 * user (`teamAccess.row.<user id>`, matrix/stored-matrix.ts), so that recording one read writes one row.
 */
export const MatrixIndex = z.object({
  userIds: z.array(z.string()),
});
/** The pages, apart from the index: learning a page's access control rewrites them, not 5,000 user ids. */
export const MatrixPages = z.array(MatrixPage);
export type MatrixPages = z.infer<typeof MatrixPages>;
export type MatrixIndex = z.infer<typeof MatrixIndex>;

export const ScanState = z.enum(['listing', 'running', 'paused', 'rate-limited', 'offline', 'done', 'failed']);
export type ScanState = z.infer<typeof ScanState>;

/**
 * The scan under way or last run (version 2), rewritten at each change of state: a few numbers, whatever the size of
 * the organization (its reading order is `ScanOrder`, apart). Progress is derived from the matrix: a user is done
 * when read since `startedAt`.
 */
export const TeamScan = z.object({
  state: ScanState,
  startedAt: z.number(),
  /** When the scan before this one started: users first seen after it are "new since the last scan". */
  previousStartedAt: z.optional(z.number()),
  finishedAt: z.optional(z.number()),
  /** Rate limited or offline: when it goes on by itself. */
  retryAt: z.optional(z.number()),
  error: z.optional(z.string()),
  updatedAt: z.number(),
});
export type TeamScan = z.infer<typeof TeamScan>;

/**
 * The order a scan reads users in (user ids, oldest read first), written once when the scan has read the lists. It
 * belongs to the scan that started at `startedAt`: another scan's order is never followed. The users the admin is
 * looking at are read before it, from the worker's memory (scan/read-first.ts): the order is never rewritten for them.
 */
export const ScanOrder = z.object({ startedAt: z.number(), userIds: z.array(z.string()) });
export type ScanOrder = z.infer<typeof ScanOrder>;

/** Version 1 of the scan's record: the order inside, rewritten with each change of state (50 KB at 2,000 users). */
const TeamScanV1 = z.extend(TeamScan, { order: z.array(z.string()) });

export const BatchState = z.enum(['running', 'paused', 'rate-limited', 'offline', 'cancelled', 'done']);
export type BatchState = z.infer<typeof BatchState>;

/** A bulk change as confirmed: the plan (stored once) and where its run stands. */
export const TeamBatch = z.object({
  id: z.string(),
  plan: BulkPlanRequest,
  /** The batch this one undoes. */
  undoOf: z.optional(z.string()),
  state: BatchState,
  retryAt: z.optional(z.number()),
  /** Why it stopped by itself (a revoked key...). */
  error: z.optional(z.string()),
  createdAt: z.number(),
  updatedAt: z.number(),
});
export type TeamBatch = z.infer<typeof TeamBatch>;

/**
 * One user's outcome. `sending`: the PUT may have landed (a stopped worker cannot tell), so a resume re-reads
 * and compares with the plan. `conflict`: changed since the scan (`current` says how), never overwritten.
 * `unchanged`: a user not read when planned whose read found the change already so (nothing sent).
 */
export const UserOutcome = z.object({
  status: z.enum(['sending', 'done', 'conflict', 'failed', 'cancelled', 'unchanged']),
  current: z.optional(PagePermissions),
  /** For a user not read when planned: what the read just before the write found, and the mapping put (undo puts `before` back). */
  before: z.optional(PagePermissions),
  after: z.optional(PagePermissions),
  /** The server's words, for a failure. */
  error: z.optional(z.string()),
  at: z.number(),
});
export type UserOutcome = z.infer<typeof UserOutcome>;

/** Each user's outcome, recorded before the runner moves on; kept apart from the plan so each write stays small. */
export const BatchOutcomes = z.object({ batchId: z.string(), users: z.record(z.string(), UserOutcome) });
export type BatchOutcomes = z.infer<typeof BatchOutcomes>;

// The matrix's index and rows: matrix/stored-matrix.ts. Progress: the job engine's record (jobs/job-progress.ts).
// One set per connection (organization), under `org.<connection id>.teamAccess.`: removing a connection removes them.
export const scanOrderItem = orgItem('teamAccess.scanOrder', { schema: z.nullable(ScanOrder), fallback: null });
export const teamScanItem = orgItem('teamAccess.scan', (connectionId) => ({
  schema: z.nullable(TeamScan),
  fallback: null,
  version: 2,
  migrations: { 2: (old: unknown) => moveOrderOut(connectionId, old) },
}));
export const teamBatchItem = orgItem('teamAccess.batch', { schema: z.nullable(TeamBatch), fallback: null });
export const teamBatchOutcomesItem = orgItem('teamAccess.batchOutcomes', { schema: z.nullable(BatchOutcomes), fallback: null });

/** The page's two job kinds on the engine (jobs.ts), one job of each per connection: the job's id is the connection's. */
export const SCAN_JOB = 'team-access:scan';
export const BATCH_JOB = 'team-access:batch';
/** Their progress, as the engine records it. */
export const scanProgressItem = (connectionId: string) => jobProgressItem(SCAN_JOB, connectionId);
export const batchProgressItem = (connectionId: string) => jobProgressItem(BATCH_JOB, connectionId);

/** Version 1 to 2: the scan's order goes to its own item (before the record that no longer holds it); the record stays. */
async function moveOrderOut(connectionId: string, old: unknown): Promise<unknown> {
  const parsed = TeamScanV1.safeParse(old);
  if (!parsed.success) return old; // read as none (with a warning) and kept, like any damaged value
  const { order, ...scan } = parsed.data;
  await scanOrderItem(connectionId).setValue({ startedAt: scan.startedAt, userIds: order });
  return scan;
}
