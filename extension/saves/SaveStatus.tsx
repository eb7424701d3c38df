import type { SaveRecord } from './save-record';
import { ask } from './ask';
import { describeError, type ErrorSubject } from '../ui/error-text';
import { usePopupServices } from '../ui/popup-context';
import { secondsLeft, useNow } from '../ui/use-now';

interface Props {
  save: SaveRecord | undefined;
  subject: ErrorSubject;
}

/** Where a save stands: saving, counting down to a retry, waiting for the connection, or why it failed. */
export function SaveStatus({ save, subject }: Props) {
  const now = useNow(save?.retryAt !== undefined && (save.state === 'waiting' || save.state === 'offline'));
  const services = usePopupServices();
  if (!save || save.state === 'conflict') return null;
  const cancel = (
    <button type="button" onClick={() => void ask('cancelSave', save.id)}>
      Cancel
    </button>
  );

  switch (save.state) {
    case 'saving':
      return (
        <p class="hint" role="status">
          Saving…
        </p>
      );
    case 'waiting':
      return (
        <div class="notice warn" role="status">
          <p>
            Statuspage asked to slow down. Retrying in <strong data-testid="countdown">{secondsLeft(save.retryAt ?? now, now)} s</strong>…
          </p>
          <div class="actions">{cancel}</div>
        </div>
      );
    case 'offline':
      return (
        <div class="notice warn" role="status">
          <p>
            {save.retryAt === undefined
              ? 'Offline: the save will be sent when the connection is back.'
              : `Could not reach Statuspage: trying again in ${secondsLeft(save.retryAt, now)} s.`}
          </p>
          <div class="actions">{cancel}</div>
        </div>
      );
    case 'failed': {
      const text = describeError(save.error, subject, services.apiBaseUrl);
      return (
        <div class="notice danger" role="alert">
          <p>
            <strong>Not saved.</strong> {text.message}
            {!text.needsKey && ' Your draft is kept.' /* the 401 text says so already */}
          </p>
          <div class="actions">
            {text.needsKey && (
              <button type="button" onClick={() => services.keyRefused(text.message)}>
                Enter a new key
              </button>
            )}
            <button type="button" onClick={() => void ask('dismissSave', save.id)}>
              Dismiss
            </button>
          </div>
        </div>
      );
    }
  }
}
