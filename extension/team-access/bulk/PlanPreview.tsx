import { type BulkPlan, plannedCount } from './bulk-plan';
import { changesText, permissionsText, unreadChangeText } from './permissions-text';
import type { MatrixPage } from '../team-access-storage';

interface Props {
  plan: BulkPlan;
  pages: MatrixPage[];
  onApply(): void;
  onDiscard(): void;
  /** A batch is under way: a new one waits for it. */
  busy: boolean;
}

/** Shown rows at most: a plan of thousands is summed up above, and every loss is named in the list of losses. */
const SHOWN = 300;

/** The plan, user by user, before and after, with every loss of access named and counted. */
export function PlanPreview({ plan, pages, onApply, onDiscard, busy }: Props) {
  const losers = plan.users.filter((user) => user.losses.length > 0);
  const pageName = (id: string) => pages.find((page) => page.id === id)?.name ?? id;
  const { unread } = plan;
  const count = plannedCount(plan);
  const unreadChange = unread && unreadChangeText(unread.change, pages, unread.copied);
  const mayLose = unread && unread.mayLose.length > 0 ? unread.users : [];
  return (
    <section class="plan" aria-labelledby="plan-title">
      <h2 id="plan-title">Plan: {plan.label}</h2>
      <p role="status">
        {plan.users.length} {plan.users.length === 1 ? 'user changes' : 'users change'}; {plan.unchanged} unchanged
        {unread && `; ${unread.users.length} not read yet (read just before the write)`}. Nothing is sent for a user whose plan changes nothing.
      </p>
      {plan.problem && (
        <p class="error" role="alert">
          {plan.problem}
        </p>
      )}
      {unread && (
        <p class="notice">
          {unread.users.length} selected {unread.users.length === 1 ? 'user is' : 'users are'} not read yet: their current access is not known yet.
          Each is read just before the write, and the change is applied to what is found ({unreadChange}). The report says what was found and changed
          for each.
        </p>
      )}
      {mayLose.length > 0 && (
        <div class="notice danger">
          <p>
            <strong>
              {mayLose.length} not read yet {mayLose.length === 1 ? 'loses' : 'lose'} {unread?.mayLose.map(pageName).join(', ')} if they have access
              now:
            </strong>
          </p>
          <ul class="losses">
            {mayLose.map((user) => (
              <li key={user.userId}>
                {user.label} may lose {unread?.mayLose.map(pageName).join(', ')}
              </li>
            ))}
          </ul>
        </div>
      )}
      {plan.lossCount > 0 ? (
        <div class="notice danger">
          <p>
            <strong>
              {plan.lossCount} {plan.lossCount === 1 ? 'loss' : 'losses'} of access
            </strong>{' '}
            ({losers.length} {losers.length === 1 ? 'user' : 'users'}):
          </p>
          <ul class="losses">
            {losers.map((user) => (
              <li key={user.userId}>
                {user.label} loses {user.losses.map(pageName).join(', ')}
              </li>
            ))}
          </ul>
        </div>
      ) : (
        mayLose.length === 0 && <p class="hint">Nobody loses access to any page.</p>
      )}
      {count > 0 && (
        <table class="plan-table">
          <caption class="visually-hidden">Each user's permissions before and after</caption>
          <thead>
            <tr>
              <th scope="col">User</th>
              <th scope="col">Before</th>
              <th scope="col">After</th>
              <th scope="col">Change</th>
            </tr>
          </thead>
          <tbody>
            {plan.users.slice(0, SHOWN).map((user) => (
              <tr key={user.userId}>
                <th scope="row">{user.label}</th>
                <td>{permissionsText(user.before, pages)}</td>
                <td>{permissionsText(user.after, pages)}</td>
                <td class={user.losses.length ? 'loss' : undefined}>{changesText(user.changes, pages)}</td>
              </tr>
            ))}
            {unread?.users.slice(0, Math.max(0, SHOWN - plan.users.length)).map((user) => (
              <tr key={user.userId}>
                <th scope="row">{user.label}</th>
                <td>not read yet: read just before the write</td>
                <td>as found, with the change</td>
                <td class={mayLose.length ? 'loss' : undefined}>{unreadChange}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {count > SHOWN && <p class="hint">…and {count - SHOWN} more users, as above.</p>}
      <div class="actions">
        <button type="button" class="primary" disabled={count === 0 || busy || plan.problem !== undefined} onClick={onApply}>
          Apply to {count} {count === 1 ? 'user' : 'users'}…
        </button>
        <button type="button" onClick={onDiscard}>
          Discard plan
        </button>
      </div>
      {busy && <p class="hint">A bulk change is under way: this plan can be applied once it has finished.</p>}
    </section>
  );
}
