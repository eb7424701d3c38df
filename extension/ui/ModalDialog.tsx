import type { ComponentChildren } from 'preact';
import { useEffect, useRef } from 'preact/hooks';
import { useModalFocus } from './modal-focus';

interface Props {
  /** Ids of the title and of the text that describe the dialog (inside `children`). */
  titleId: string;
  descriptionId: string;
  /** Escape, or the Cancel button. */
  onCancel(): void;
  /** The confirming button's text; the dialog's other choice is Cancel, which has focus as it opens. */
  confirmLabel: string;
  onConfirm(): void;
  children: ComponentChildren;
}

/**
 * A modal confirmation (WAI-ARIA dialog pattern): opened with showModal, focus on its safe choice (Cancel) as it
 * opens, Tab kept inside, Escape cancels, and focus back on what opened it when it closes.
 */
export function ModalDialog({ titleId, descriptionId, onCancel, confirmLabel, onConfirm, children }: Props) {
  const dialog = useRef<HTMLDialogElement>(null);
  const onKeyDown = useModalFocus(dialog);
  useEffect(() => {
    const element = dialog.current;
    if (element && !element.open) element.showModal();
  }, []);
  return (
    <dialog
      ref={dialog}
      aria-labelledby={titleId}
      aria-describedby={descriptionId}
      onCancel={(event) => {
        event.preventDefault();
        onCancel();
      }}
      onKeyDown={onKeyDown}
    >
      {children}
      <div class="actions">
        {/* biome-ignore lint/a11y/noAutofocus: a modal dialog puts focus on its safe choice as it opens (WAI-ARIA dialog pattern) */}
        <button type="button" autoFocus onClick={onCancel}>
          Cancel
        </button>
        <button type="button" class="primary" onClick={onConfirm}>
          {confirmLabel}
        </button>
      </div>
    </dialog>
  );
}
