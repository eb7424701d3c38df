import { useEffect, useRef } from 'preact/hooks';
import { useModalFocus } from '../ui/modal-focus';

interface Props {
  userName: string;
  pageNames: string[];
  onConfirm(): void;
  onCancel(): void;
}

/** Asks before a save that takes the user's access away from pages, naming every one. Escape cancels. */
export function RemovalDialog({ userName, pageNames, onConfirm, onCancel }: Props) {
  const dialog = useRef<HTMLDialogElement>(null);
  const onKeyDown = useModalFocus(dialog);
  useEffect(() => {
    const element = dialog.current;
    if (element && !element.open) element.showModal();
  }, []);

  return (
    <dialog
      ref={dialog}
      aria-labelledby="removal-title"
      aria-describedby="removal-pages"
      onCancel={(e) => {
        e.preventDefault();
        onCancel();
      }}
      onKeyDown={onKeyDown}
    >
      <h2 id="removal-title" style={{ fontSize: '14px', marginTop: 0 }}>
        Remove {userName}'s access?
      </h2>
      <div id="removal-pages">
        <p>
          After this save {userName} can no longer see or change {pageNames.length === 1 ? 'this page' : `these ${pageNames.length} pages`}:
        </p>
        <ul>
          {pageNames.map((name) => (
            <li key={name}>{name}</li>
          ))}
        </ul>
      </div>
      <div class="actions">
        {/* biome-ignore lint/a11y/noAutofocus: a modal dialog puts focus on its safe choice as it opens (WAI-ARIA dialog pattern) */}
        <button type="button" autoFocus onClick={onCancel}>
          Cancel
        </button>
        <button type="button" class="primary" onClick={onConfirm}>
          Remove access and save
        </button>
      </div>
    </dialog>
  );
}
