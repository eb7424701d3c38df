/**
 * Calls `handler` when Escape is pressed anywhere in the page (the card's shadow root included). Listens on the
 * window in the capture phase, so a page that stops the event's propagation still lets it through to us; the
 * page's own Escape handling is left alone (no preventDefault). Returns the function that stops listening.
 */
export function onEscapeKey(target: Window, handler: () => void): () => void {
  const listener = (event: KeyboardEvent) => {
    if (event.key === 'Escape' && !event.isComposing) handler();
  };
  target.addEventListener('keydown', listener, true);
  return () => target.removeEventListener('keydown', listener, true);
}
