import type { CallOptions, StatuspageClient } from '../../shared/client';
import type { PagePermissions } from '../../shared/schemas';
import { completeMapping, samePermissions } from './permission-diff';
import type { PermissionsPlan } from './permissions-plan';

export interface GuardedReplaceDeps {
  client: Pick<StatuspageClient, 'getUserPermissions' | 'replaceUserPermissions'>;
  organizationId: string;
  /** Whether a page uses role based access control, as the reads so far showed (for the PUT's complete mapping). */
  usesRoles(pageId: string): boolean | undefined;
  /** What the server has for the user now (after the read, after the PUT): caches and the matrix take it. */
  onPermissions?(pages: PagePermissions): Promise<void>;
  /** Just before the PUT: a record that says it may land (a stopped worker cannot tell whether it did). */
  beforeSend?(): Promise<void>;
  /**
   * Runs each call (the job engine's waiter: a 420/429 is waited out and the same call sent again). Each call alone,
   * not the read and the PUT together: under a tight limit the pair would never fit in one window.
   */
  call<T>(request: () => Promise<T>): Promise<T>;
}

export type GuardedReplaceResult = { outcome: 'saved'; pages: PagePermissions; sent: boolean } | { outcome: 'conflict'; current: PagePermissions };

/**
 * The guarded full replacement of a user's permissions, the one way the extension writes them: read again, refuse
 * (a conflict, nothing written) if they are no longer what the change was planned on, else PUT the complete mapping.
 * `mayHaveLanded`: an earlier try may have sent the PUT, so finding `after` already there counts as saved.
 * A plan given as a function of the read is made on it (a user whose access was not known when the change was
 * planned): nothing to guard, and nothing is sent when the change leaves them as they are.
 */
export async function guardedReplace(
  deps: GuardedReplaceDeps,
  userId: string,
  planned: PermissionsPlan | ((current: PagePermissions) => PermissionsPlan),
  { mayHaveLanded, ...options }: CallOptions & { mayHaveLanded: boolean },
): Promise<GuardedReplaceResult> {
  const { client, organizationId } = deps;
  // A PUT replaces everything: it must not undo an edit someone made since the change was planned.
  const { pages: current } = await deps.call(() => client.getUserPermissions(organizationId, userId, options));
  await deps.onPermissions?.(current);
  const plan = typeof planned === 'function' ? planned(current) : planned;
  if ((mayHaveLanded || typeof planned === 'function') && samePermissions(current, plan.after))
    return { outcome: 'saved', pages: current, sent: false };
  if (!samePermissions(current, plan.before)) return { outcome: 'conflict', current };
  await deps.beforeSend?.();
  const mapping = completeMapping(plan.after, deps.usesRoles);
  const saved = await deps.call(() => client.replaceUserPermissions(organizationId, userId, mapping, options));
  await deps.onPermissions?.(saved.pages);
  return { outcome: 'saved', pages: saved.pages, sent: true };
}
