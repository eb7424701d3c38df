import { useState } from 'preact/hooks';
import { permissionsText } from '../team-access/bulk/permissions-text';
import { downloadText } from '../team-access/csv/download';
import type { MatrixUser, TeamMatrix } from '../team-access/team-access-storage';
import { ModalDialog } from '../ui/ModalDialog';
import { AlertText } from './AlertText';
import { ask } from './ask';
import { accessRecordCsv } from './members-csv';
import { type OffboardPlan, planOffboard, TYPED_CONFIRMATION_OVER } from './offboard-plan';

interface Props {
  matrix: TeamMatrix;
  selectedUsers: MatrixUser[];
  busy: boolean;
}

const people = (count: number) => `${count} ${count === 1 ? 'person' : 'people'}`;

/** "Remove from the organization": the plan names every loss, refuses to leave a page without an admin, keeps a record. */
export function OffboardSection({ matrix, selectedUsers, busy }: Props) {
  const [plan, setPlan] = useState<OffboardPlan>();
  const [confirming, setConfirming] = useState(false);
  const [typed, setTyped] = useState('');
  const [typedError, setTypedError] = useState<string>();
  const [error, setError] = useState<string>();
  const users = Object.values(matrix.users);
  const count = plan?.people.length ?? 0;
  const mustType = count > TYPED_CONFIRMATION_OVER;
  const record = () => plan && downloadText(`access-record-${new Date().toISOString().slice(0, 10)}.csv`, accessRecordCsv(plan.people, matrix.pages));
  const remove = async () => {
    if (!plan) return;
    if (mustType && typed.trim() !== String(count)) {
      setTypedError(`Type ${count} to confirm: nothing was removed`);
      return;
    }
    setConfirming(false);
    setError(undefined);
    record(); // before any DELETE: the access record, downloaded (the report keeps it too)
    try {
      await ask('teamMembersOffboard', { people: plan.people });
      setPlan(undefined);
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : String(failure));
    }
  };
  const refused = plan && plan.lastAdminOf.length > 0;

  return (
    <section class="members" aria-labelledby="offboard-title">
      <h2 id="offboard-title">Remove people</h2>
      <button type="button" disabled={selectedUsers.length === 0} onClick={() => setPlan(planOffboard(selectedUsers, users, matrix.pages))}>
        Remove {people(selectedUsers.length)} selected from the organization…
      </button>
      {plan && (
        <section class="plan" aria-labelledby="offboard-plan-title">
          <h3 id="offboard-plan-title">Plan: remove {people(count)} from the organization</h3>
          <ul>
            {plan.people.map((person) => (
              <li key={person.userId}>
                {person.label} &lt;{person.email}&gt; loses {permissionsText(person.before, matrix.pages)}
              </li>
            ))}
          </ul>
          {plan.notRead.length > 0 && <p class="error">Not read by a scan yet, so not planned: {plan.notRead.join(', ')}.</p>}
          {refused ? (
            <p class="error" role="alert">
              Refused: {plan.lastAdminOf.map((page) => page.name).join(', ')} would be left without anyone with full access (every role). Give someone
              else full access there first.
            </p>
          ) : (
            <p>Each person is read again first: anyone whose access changed since the scan is skipped. There is no undo for a removal.</p>
          )}
          <button type="button" disabled={count === 0} onClick={record}>
            Download their access (CSV)
          </button>{' '}
          <button type="button" class="primary" disabled={busy || refused || count === 0} onClick={() => setConfirming(true)}>
            Remove {people(count)}…
          </button>{' '}
          <button type="button" onClick={() => setPlan(undefined)}>
            Discard
          </button>
        </section>
      )}
      {plan && confirming && (
        <ModalDialog
          titleId="offboard-confirm-title"
          descriptionId="offboard-confirm-body"
          confirmLabel={`Remove ${people(count)}`}
          onConfirm={() => void remove()}
          onCancel={() => {
            setConfirming(false);
            setTypedError(undefined);
          }}
        >
          <h2 id="offboard-confirm-title">Remove {people(count)} from the organization?</h2>
          <div id="offboard-confirm-body">
            <p>
              <strong>There is no undo.</strong> Statuspage cannot bring a removed person back: they would have to be added again and their access set
              again. A CSV of their access is downloaded first, and kept in the report.
            </p>
            <ul class="losses">
              {plan.people.map((person) => (
                <li key={person.userId}>
                  {person.label}: {permissionsText(person.before, matrix.pages)}
                </li>
              ))}
            </ul>
            {mustType && (
              <div class="field">
                <label htmlFor="offboard-typed">Type {count} to confirm</label>{' '}
                <input id="offboard-typed" inputMode="numeric" value={typed} onInput={(event) => setTyped(event.currentTarget.value)} />
                <AlertText text={typedError} />
              </div>
            )}
          </div>
        </ModalDialog>
      )}
      <AlertText text={error} />
    </section>
  );
}
