import { NotFoundError, type StatuspageClient } from '../../shared/client';
import { samePermissions } from '../access/permission-diff';
import type { Waiter } from '../jobs/wait-out';
import type { ValueStore } from '../team-access/matrix/matrix-store';
import type { OffboardJob, OffboardStep } from './members-storage';
import { runSteps } from './run-steps';

export type OffboardDeps = Waiter & {
  client: Pick<StatuspageClient, 'getUserPermissions' | 'deleteUser'>;
  organizationId: string;
  store: ValueStore<OffboardJob | null>;
};

const BACKGROUND = { priority: 'background' } as const;
const SETTLED: ReadonlyArray<OffboardStep['status']> = ['removed', 'skipped', 'gone', 'failed'];

/**
 * Removes each person: read them again first, skip anyone whose access is not what the plan (and its record) had,
 * else DELETE. `deleting` is on record before the DELETE: a resume reads again, and a 404 then means it landed.
 */
export async function runOffboard(deps: OffboardDeps, signal: AbortSignal): Promise<void> {
  const job = await deps.store.getValue();
  if (!job) return;
  const { client, organizationId } = deps;
  await runSteps<OffboardStep, OffboardJob>(
    deps,
    signal,
    async (index, recorded, { record, call }) => {
      if (recorded && SETTLED.includes(recorded.status)) return;
      const person = job.request.people[index]!;
      const options = { ...BACKGROUND, signal };
      const current = await call(() => client.getUserPermissions(organizationId, person.userId, options)).catch((error: unknown) => {
        if (error instanceof NotFoundError) return undefined;
        throw error;
      });
      if (!current) return record({ status: recorded?.status === 'deleting' ? 'removed' : 'gone' });
      if (!samePermissions(current.pages, person.before)) return record({ status: 'skipped', current: current.pages });
      await record({ status: 'deleting' });
      await call(() => client.deleteUser(organizationId, person.userId, options)).catch((error: unknown) => {
        if (!(error instanceof NotFoundError)) throw error; // removed meanwhile: what was asked
      });
      await record({ status: 'removed' });
    },
    (error) => ({ status: 'failed', error }),
  );
}
