/** The popup's keyboard shortcuts, listed where people look for them (issue: every action reachable by keyboard). */
export function KeyboardHelp() {
  return (
    <details class="help">
      <summary>Keyboard shortcuts</summary>
      <dl>
        <dt>
          <kbd>Alt</kbd>+<kbd>Shift</kbd>+<kbd>S</kbd>
        </dt>
        <dd>Open this popup (change it at chrome://extensions/shortcuts)</dd>
        <dt>
          <kbd>Ctrl</kbd>+<kbd>S</kbd> (<kbd>⌘</kbd>+<kbd>S</kbd> on a Mac)
        </dt>
        <dd>Save the open tab's draft</dd>
        <dt>
          <kbd>←</kbd> <kbd>→</kbd>
        </dt>
        <dd>Move between the Embed and Permissions tabs, and between corners</dd>
        <dt>
          <kbd>↑</kbd> <kbd>↓</kbd>, <kbd>Enter</kbd>
        </dt>
        <dd>Move through the matching users, pick one</dd>
        <dt>
          <kbd>Esc</kbd>
        </dt>
        <dd>Close a dialog, the list of users, or the preview on the page</dd>
        <dt>
          <kbd>Tab</kbd>
        </dt>
        <dd>Every control, in order, with a visible focus ring</dd>
      </dl>
    </details>
  );
}
