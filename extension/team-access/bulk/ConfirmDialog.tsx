import { ModalDialog } from '../../ui/ModalDialog';
import type { BulkPlan } from './bulk-plan';
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
  const count = plan.users.length;
  return (
    <ModalDialog
      titleId="confirm-title"
      descriptionId="confirm-body"
      onCancel={onCancel}
      confirmLabel={plan.lossCount > 0 ? `Apply, removing ${plan.lossCount} ${plan.lossCount === 1 ? 'access' : 'accesses'}` : 'Apply'}
      onConfirm={onConfirm}
    >
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
          <p>Nobody loses access to any page.</p>
        )}
        <p>Each user is read again first: anyone changed since the scan is skipped, never overwritten.</p>
      </div>
    </ModalDialog>
  );
}
