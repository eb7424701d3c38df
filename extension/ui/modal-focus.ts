import type { RefObject } from 'preact';
import { useEffect } from 'preact/hooks';

const FOCUSABLE =
  'button:not([disabled]), input:not([disabled]), select:not([disabled]), textarea:not([disabled]), a[href], [tabindex]:not([tabindex="-1"])';

/**
 * Focus for a modal dialog: Tab and Shift+Tab go round its own controls (a modal `<dialog>` alone lets focus out
 * to the browser's toolbar), and when it goes away focus returns to what had it before (the button that opened
 * it), not to the top of the popup. Returns the dialog's keydown handler.
 */
export function useModalFocus(dialog: RefObject<HTMLElement | null>): (event: KeyboardEvent) => void {
  useEffect(() => {
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : undefined;
    return () => {
      // After the dialog is gone: a control the dialog disabled (a Save under way) cannot take focus back.
      queueMicrotask(() => {
        if (opener?.isConnected && !opener.matches(':disabled')) opener.focus();
      });
    };
  }, []);

  return (event) => {
    if (event.key !== 'Tab' || !dialog.current) return;
    const controls = [...dialog.current.querySelectorAll<HTMLElement>(FOCUSABLE)];
    const first = controls[0];
    const last = controls.at(-1);
    if (!first || !last) return;
    if (event.shiftKey && document.activeElement === first) {
      event.preventDefault();
      last.focus();
    } else if (!event.shiftKey && document.activeElement === last) {
      event.preventDefault();
      first.focus();
    }
  };
}
