import * as z from 'zod/mini';
import { type StoredItem, storedItem } from '../storage/stored-item';

export const JobProgressState = z.enum(['running', 'rate-limited', 'offline', 'paused', 'cancelled', 'done', 'failed']);
export type JobProgressState = z.infer<typeof JobProgressState>;

/**
 * One job's progress as the UI shows it, written by the engine as the job reports: a few numbers, never the job's
 * data, so that writing it after every step stays cheap.
 */
export const JobProgress = z.object({
  kind: z.string().check(z.maxLength(100)),
  state: JobProgressState,
  done: z.optional(z.number()),
  total: z.optional(z.number()),
  /** Waiting (a rate limit, a back-off) until then. */
  retryAt: z.optional(z.number()),
  /** Why it waits or failed, in words: "a person's request goes first", the server's error. */
  reason: z.optional(z.string().check(z.maxLength(500))),
  /** From the rate limiter's own schedule for the calls left, as of `updatedAt`. */
  timeLeftMs: z.optional(z.number()),
  updatedAt: z.number(),
});
export type JobProgress = z.infer<typeof JobProgress>;

/** What a job tells the engine about itself; the engine adds the kind and the time. */
export type ProgressReport = Partial<Omit<JobProgress, 'kind' | 'updatedAt'>>;

const items = new Map<string, StoredItem<JobProgress | null>>();
const ID = /^[\w:.-]{1,100}$/;

/** The progress record of job `id` of `kind` (`jobs.progress.<kind>.<id>`), one item per job. */
export function jobProgressItem(kind: string, id: string): StoredItem<JobProgress | null> {
  if (!ID.test(kind) || !ID.test(id)) throw new TypeError(`Not a job: ${JSON.stringify(`${kind} ${id}`).slice(0, 60)}`);
  const key = `local:jobs.progress.${kind}.${id}` as const;
  let item = items.get(key);
  if (!item) {
    item = storedItem(key, { schema: z.nullable(JobProgress), fallback: null });
    items.set(key, item);
  }
  return item;
}

/** Where the engine keeps progress: the storage items above in the extension, a map in a test. */
export interface ProgressStore {
  write(kind: string, id: string, progress: JobProgress): Promise<void>;
  remove(kind: string, id: string): Promise<void>;
}

export const storedProgress: ProgressStore = {
  write: (kind, id, progress) => jobProgressItem(kind, id).setValue(progress),
  remove: (kind, id) => jobProgressItem(kind, id).removeValue(),
};

/** The states after which a job's progress no longer moves. */
export const SETTLED: readonly JobProgressState[] = ['paused', 'cancelled', 'done', 'failed'];
