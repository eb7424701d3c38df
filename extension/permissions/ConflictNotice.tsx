import type { PagePermissions } from '../../shared/index';
import { describeChange } from './describe-change';
import { diffPermissions } from '../access/permission-diff';

interface Props {
  userName: string;
  base: PagePermissions;
  current: PagePermissions;
  pageName(pageId: string): string;
  onReload(): void;
  onReloadKeepingEdits(): void;
}

/** Someone else changed the permissions since the editor opened them: say what, overwrite nothing. */
export function ConflictNotice({ userName, base, current, pageName, onReload, onReloadKeepingEdits }: Props) {
  const changes = diffPermissions(base, current);
  return (
    <div class="notice danger" role="alert" data-testid="conflict">
      <p>
        <strong>Not saved:</strong> {userName}'s permissions were changed elsewhere since you opened them:
      </p>
      <ul>
        {changes.map((change) => (
          <li key={change.pageId}>{describeChange(change, pageName)}</li>
        ))}
      </ul>
      <div class="actions">
        <button type="button" class="primary" onClick={onReload}>
          Reload their permissions
        </button>
        <button type="button" onClick={onReloadKeepingEdits}>
          Reload and reapply my changes
        </button>
      </div>
    </div>
  );
}
