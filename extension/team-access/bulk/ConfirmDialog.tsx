import { ModalDialog } from '../../ui/ModalDialog';
import { type BulkPlan, plannedCount } from './bulk-plan';
import type { MatrixPage } from '../team-access-storage';

interface Props {
  plan: BulkPlan;
  pages: MatrixPage[];
  onConfirm(): void;
  onCancel(): void;
}

/** The last word before a batch is sent: it names every loss of access again. Escape cancels. */
export function ConfirmDialog({ plan, pages, onConfirm, onCancel }: Props) {
  const pageName = (id: string) => pages.find((page) => page.id === id)?.name ?? id;
  const losers = plan.users.filter((user) => user.losses.length > 0);
  const count = plannedCount(plan);
  const { unread } = plan;
  const unreadCount = unread?.users.length ?? 0;
  // Users not read yet lose those pages only if they have access now: "up to".
  const mayLose = unread ? unread.mayLose : [];
  const most = plan.lossCount + unreadCount * mayLose.length;
  const accesses = (n: number) => `${n} ${n === 1 ? 'access' : 'accesses'}`;
  const confirmLabel = most === 0 ? 'Apply' : most > plan.lossCount ? `Apply, removing up to ${accesses(most)}` : `Apply, removing ${accesses(most)}`;
  return (
    <ModalDialog titleId="confirm-title" descriptionId="confirm-body" onCancel={onCancel} confirmLabel={confirmLabel} onConfirm={onConfirm}>
      <h2 id="confirm-title">
        Apply “{plan.label}” to {count} {count === 1 ? 'user' : 'users'}?
      </h2>
      <div id="confirm-body">
        {plan.lossCount > 0 ? (
          <>
            <p>
              This removes {plan.lossCount} {plan.lossCount === 1 ? 'access' : 'accesses'} to pages:
            </p>
            <ul class="losses">
              {losers.map((user) => (
                <li key={user.userId}>
                  {user.label}: {user.losses.map(pageName).join(', ')}
                </li>
              ))}
            </ul>
          </>
        ) : (
          mayLose.length === 0 && <p>Nobody loses access to any page.</p>
        )}
        {unread && (
          <p>
            {unreadCount} of them {unreadCount === 1 ? 'is' : 'are'} not read yet: each is read just before the write, and the change is applied to
            what is found.
            {mayLose.length > 0 && ` Each loses ${mayLose.map(pageName).join(', ')} if they have access now:`}
          </p>
        )}
        {unread && mayLose.length > 0 && (
          <ul class="losses">
            {unread.users.map((user) => (
              <li key={user.userId}>
                {user.label}: {mayLose.map(pageName).join(', ')}, if they have it
              </li>
            ))}
          </ul>
        )}
        <p>Each user is read again first: anyone changed since the scan is skipped, never overwritten.</p>
      </div>
    </ModalDialog>
  );
}
