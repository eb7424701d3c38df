import { ModalDialog } from '../ui/ModalDialog';

interface Props {
  userName: string;
  pageNames: string[];
  onConfirm(): void;
  onCancel(): void;
}

/** Asks before a save that takes the user's access away from pages, naming every one. Escape cancels. */
export function RemovalDialog({ userName, pageNames, onConfirm, onCancel }: Props) {
  return (
    <ModalDialog
      titleId="removal-title"
      descriptionId="removal-pages"
      onCancel={onCancel}
      confirmLabel="Remove access and save"
      onConfirm={onConfirm}
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
    </ModalDialog>
  );
}
