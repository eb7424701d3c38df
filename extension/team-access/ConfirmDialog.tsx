import { useEffect, useRef } from 'preact/hooks';
import { useModalFocus } from '../ui/modal-focus';
import type { BulkPlan } from './bulk-plan';
import type { MatrixPage } from './team-access-storage';

interface Props {
  plan: BulkPlan;
  pages: MatrixPage[];
  onConfirm(): void;
  onCancel(): void;
}

/** The last word before a batch is sent: it names every loss of access again. Escape cancels. */
export function ConfirmDialog({ plan, pages, onConfirm, onCancel }: Props) {
  const dialog = useRef<HTMLDialogElement>(null);
  const onKeyDown = useModalFocus(dialog);
  useEffect(() => {
    const element = dialog.current;
    if (element && !element.open) element.showModal();
  }, []);
  const pageName = (id: string) => pages.find((page) => page.id === id)?.name ?? id;
  const losers = plan.users.filter((user) => user.losses.length > 0);
  const count = plan.users.length;
  return (
    <dialog
      ref={dialog}
      aria-labelledby="confirm-title"
      aria-describedby="confirm-body"
      onCancel={(event) => {
        event.preventDefault();
        onCancel();
      }}
      onKeyDown={onKeyDown}
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
      <div class="actions">
        {/* biome-ignore lint/a11y/noAutofocus: a modal dialog puts focus on its safe choice as it opens (WAI-ARIA dialog pattern) */}
        <button type="button" autoFocus onClick={onCancel}>
          Cancel
        </button>
        <button type="button" class="primary" onClick={onConfirm}>
          {plan.lossCount > 0 ? `Apply, removing ${plan.lossCount} ${plan.lossCount === 1 ? 'access' : 'accesses'}` : 'Apply'}
        </button>
      </div>
    </dialog>
  );
}
