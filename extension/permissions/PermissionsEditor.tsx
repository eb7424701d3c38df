import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import { userDisplayName, type Page, type PagePermissions, type User } from '../../shared/index';
import { ask } from './ask';
import { useConnectionId } from '../ui/connection-context';
import { useSaveShortcut } from '../ui/use-save-shortcut';
import { usePopupServices } from '../ui/popup-context';
import { describeError, fieldOfServerMessage, refusedValuesMessage } from '../ui/error-text';
import { markFirstData } from '../ui/first-data';
import { SaveStatus } from '../saves/SaveStatus';
import type { PermissionsDraft } from './permissions-draft';
import { isSaveInProgress, type SaveRecord } from '../saves/save-record';
import { ConflictNotice } from './ConflictNotice';
import { describeChange } from './describe-change';
import { diffPermissions, pagesLosingAccess, rebaseDraft } from '../access/permission-diff';
import { PermissionsTable } from './PermissionsTable';
import { RemovalDialog } from './RemovalDialog';
import type { RoleBasedAccess } from '../access/role-based-access';
import { usePermissionsDraft } from './use-permissions-draft';
import { UserPicker } from './UserPicker';

interface Props {
  user: User;
  users: User[];
  pages: Page[];
  serverPermissions: PagePermissions;
  storedDraft: PermissionsDraft | null;
  roleBasedAccess: RoleBasedAccess;
  /** Still reading whether some pages use roles. */
  learningRoles: boolean;
  save: SaveRecord | undefined;
}

export function PermissionsEditor({ user, users, pages, serverPermissions, storedDraft, roleBasedAccess, learningRoles, save }: Props) {
  const connectionId = useConnectionId();
  const services = usePopupServices();
  const { base, working, draft, edit: editDraft, restart, revert } = usePermissionsDraft(user.id, serverPermissions, storedDraft);
  // "Saved." until the next edit: the answer to the save this popup sent.
  const [saved, setSaved] = useState(false);
  const edit: typeof editDraft = (next, copiedFrom) => {
    setSaved(false);
    editDraft(next, copiedFrom);
  };
  const [confirming, setConfirming] = useState<string[]>();
  const [copying, setCopying] = useState(false);
  const copyButton = useRef<HTMLButtonElement>(null);
  // Back on "Copy from user…" when its picker goes (picked or cancelled), not on the top of the popup.
  const copyWasOpen = useRef(false);
  useEffect(() => {
    if (!copying && copyWasOpen.current) copyButton.current?.focus();
    copyWasOpen.current = copying;
  }, [copying]);
  const [copyError, setCopyError] = useState<string>();
  useLayoutEffect(markFirstData, []);

  const userName = userDisplayName(user);
  const pageName = (pageId: string) => pages.find((page) => page.id === pageId)?.name ?? `Page ${pageId}`;
  const known = new Set(pages.map((page) => page.id));
  const extraIds = [...new Set([...Object.keys(base), ...Object.keys(working)])].filter((id) => !known.has(id)).sort();
  const rows = [...[...pages].sort((a, b) => a.name.localeCompare(b.name)).map((page) => ({ id: page.id, page })), ...extraIds.map((id) => ({ id }))];
  const changes = diffPermissions(base, working);
  const busy = isSaveInProgress(save);
  const conflict = save?.state === 'conflict' ? save.current : undefined;
  // A 422 (or 400) that names a page goes into that page's row, in the server's words.
  const serverMessage = save?.state === 'failed' ? refusedValuesMessage(save.error) : undefined;
  const sentPages = save?.kind === 'permissions' ? Object.keys(save.request.after) : [];
  const errorPage = serverMessage ? fieldOfServerMessage(serverMessage, sentPages) : undefined;
  const rowErrors = errorPage && serverMessage ? { [errorPage]: serverMessage } : {};

  function send(): void {
    setConfirming(undefined);
    setSaved(false);
    ask('savePermissions', { connectionId, userId: user.id, label: userName, before: base, after: working, draftUpdatedAt: draft?.updatedAt }).then(
      (result) => setSaved(result.outcome === 'saved'),
      () => {}, // shown from the saves record (SaveStatus), which outlives this popup
    );
  }

  function onSave(): void {
    if (!changes.length || busy || conflict || confirming) return;
    const losing = pagesLosingAccess(base, working);
    if (losing.length) setConfirming(losing.map(pageName).sort((a, b) => a.localeCompare(b)));
    else send();
  }

  useSaveShortcut(onSave);

  async function copyFrom(other: User): Promise<void> {
    setCopyError(undefined);
    setCopying(false);
    try {
      edit(await ask('refreshPermissions', other.id), other.id);
    } catch (error) {
      setCopyError(describeError(error, { kind: 'user', name: userDisplayName(other) }, services.apiBaseUrl).message);
    }
  }

  function dismiss(): void {
    if (save) void ask('dismissSave', save.id);
  }

  const copiedFrom = draft?.copiedFrom && users.find((candidate) => candidate.id === draft.copiedFrom);
  return (
    <div class="stack">
      {conflict && (
        <ConflictNotice
          userName={userName}
          base={base}
          current={conflict}
          pageName={pageName}
          onReload={() => {
            restart(conflict);
            dismiss();
          }}
          onReloadKeepingEdits={() => {
            restart(conflict, rebaseDraft(base, working, conflict));
            dismiss();
          }}
        />
      )}
      <PermissionsTable
        rows={rows}
        permissions={working}
        roleBasedAccess={roleBasedAccess}
        learningRoles={learningRoles}
        userName={userName}
        disabled={busy}
        rowErrors={rowErrors}
        onChange={(next) => edit(next)}
      />
      {copiedFrom && <p class="hint">Started from {userDisplayName(copiedFrom)}'s permissions.</p>}
      {copying ? (
        <div class="stack">
          <UserPicker
            id="copy-from"
            label="Copy permissions from"
            users={users.filter((candidate) => candidate.id !== user.id)}
            selected={undefined}
            onSelect={(other) => void copyFrom(other)}
            autoFocus
          />
          <button type="button" onClick={() => setCopying(false)}>
            Cancel copying
          </button>
        </div>
      ) : (
        <button type="button" ref={copyButton} onClick={() => setCopying(true)} disabled={busy} style={{ alignSelf: 'flex-start' }}>
          Copy from user…
        </button>
      )}
      {copyError && (
        <p class="error" role="alert">
          {copyError}
        </p>
      )}
      <div class="sticky-actions stack">
        {changes.length > 0 && (
          <details>
            <summary>
              {changes.length} unsaved {changes.length === 1 ? 'change' : 'changes'}
            </summary>
            <ul>
              {changes.map((change) => (
                <li key={change.pageId}>{describeChange(change, pageName)}</li>
              ))}
            </ul>
          </details>
        )}
        <SaveStatus save={save} subject={{ kind: 'user', name: userName }} />
        {saved && !save && (
          <p class="saved" role="status">
            Saved.
          </p>
        )}
        <div class="actions">
          <button type="button" class="primary" onClick={onSave} disabled={!changes.length || busy || Boolean(conflict)}>
            {busy ? 'Saving…' : 'Save'}
          </button>
          <button
            type="button"
            onClick={() => {
              revert();
              if (save && !busy) dismiss();
            }}
            disabled={!draft || busy}
          >
            Revert
          </button>
        </div>
      </div>
      {confirming && <RemovalDialog userName={userName} pageNames={confirming} onConfirm={send} onCancel={() => setConfirming(undefined)} />}
    </div>
  );
}
