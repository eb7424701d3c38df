import { useEffect, useRef, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { InvalidRequestError, UnauthorizedError } from '../../shared/index';
import { DEFAULT_API_BASE_URL, DEFAULT_API_ORIGIN_PATTERN, normalizeApiBaseUrl, originPattern } from './api-base-url';
import { checkCredentials } from './credentials';
import type { Connection } from './connections-item';
import { permissionPrompt, type PermissionPrompt } from './permission-prompt';
import { ask } from './ask';
import { describeError } from '../ui/error-text';
import { usePopupServices } from '../ui/popup-context';

interface Props {
  /** The connection being changed (a new key, say; the key itself is never shown back); null adds a new one. */
  connection: Connection | null;
  /** Why the form is shown again (a key refused with 401). */
  reason?: string;
  onDone(): void;
  onCancel?: () => void;
}

type Field = 'apiKey' | 'organizationId' | 'apiBaseUrl' | 'label';

/**
 * First open, another organization, or a refused key: the API key and organization ID from Statuspage's "API info"
 * page. Pointing it at another API origin asks the browser for that origin first, and says so while its prompt waits.
 */
export function SetupForm({ connection, reason, onDone, onCancel }: Props) {
  const [apiKey, setApiKey] = useState('');
  const [label, setLabel] = useState(connection?.label ?? '');
  const [waiting, setWaiting] = useState<PermissionPrompt>();
  const [organizationId, setOrganizationId] = useState(connection?.organizationId ?? '');
  // Another organization starts from the API the current connection uses (a sandbox, a proxy), not the real one.
  const current = usePopupServices().apiBaseUrl;
  const [apiBaseUrl, setApiBaseUrl] = useState(connection?.apiBaseUrl ?? current ?? DEFAULT_API_BASE_URL);
  const [problems, setProblems] = useState<Partial<Record<Field, string>>>({});
  const [formError, setFormError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const keyInput = useRef<HTMLInputElement>(null);
  useEffect(() => keyInput.current?.focus(), []);
  // A field the server refused gets focus, so that its message (its description) is read out with it.
  const [refusedField, setRefusedField] = useState<Field>();
  useEffect(() => {
    if (refusedField) document.getElementById(refusedField)?.focus();
  }, [refusedField]);

  function onSubmit(event: Event): void {
    event.preventDefault();
    const found: Partial<Record<Field, string>> = checkCredentials({ apiKey, organizationId });
    let base = DEFAULT_API_BASE_URL;
    try {
      base = normalizeApiBaseUrl(apiBaseUrl);
    } catch (error) {
      found.apiBaseUrl = (error as Error).message;
    }
    setProblems(found);
    setRefusedField(undefined);
    setFormError(undefined);
    if (Object.keys(found).length) return;
    // Asked here, inside the click: the browser only shows its permission prompt for a user gesture. The real
    // API's origin is granted at install (Firefox refuses to "request" a permission that is not optional).
    const origin = originPattern(base);
    const prompt = origin === DEFAULT_API_ORIGIN_PATTERN ? undefined : permissionPrompt(browser.permissions, origin, new URL(base).hostname);
    setBusy(true);
    void (async () => {
      try {
        if (prompt) {
          // The browser's prompt may wait (in automation, forever): say what it waits for, and offer Cancel.
          const shown = setTimeout(() => setWaiting(prompt), 150);
          const answer = await prompt.answer;
          clearTimeout(shown);
          setWaiting(undefined);
          if (answer !== 'granted') {
            setProblems({ apiBaseUrl: prompt.explain(answer) });
            return;
          }
        }
        await ask('connect', {
          apiKey: apiKey.trim(),
          organizationId: organizationId.trim(),
          apiBaseUrl: base,
          ...(connection && { connectionId: connection.id }),
          ...(label.trim() && { label: label.trim() }),
        });
        setApiKey('');
        onDone();
      } catch (error) {
        if (error instanceof UnauthorizedError) {
          setProblems({ apiKey: 'Statuspage did not accept this API key (401). Check it on the "API info" page.' });
          setRefusedField('apiKey');
        } else if (error instanceof InvalidRequestError && error.field && ['apiKey', 'organizationId', 'apiBaseUrl'].includes(error.field)) {
          setProblems({ [error.field]: error.message });
          setRefusedField(error.field as Field);
        } else setFormError(describeError(error, undefined, base).message);
      } finally {
        setBusy(false);
      }
    })();
  }

  const describedBy = (field: Field) => (problems[field] ? `${field}-problem` : `${field}-hint`);
  return (
    <form class="stack" onSubmit={onSubmit} noValidate aria-labelledby="setup-title">
      <h2 id="setup-title" style={{ fontSize: '14px', margin: 0 }}>
        {connection ? `Change ${connection.label}` : 'Connect to Statuspage'}
      </h2>
      {reason && (
        <p class="notice danger" role="alert">
          {reason}
        </p>
      )}
      <div class="field">
        <label for="apiKey">API key</label>
        <input
          id="apiKey"
          type="password"
          ref={keyInput}
          autoComplete="off"
          spellcheck={false}
          value={apiKey}
          onInput={(e) => setApiKey(e.currentTarget.value)}
          aria-invalid={problems.apiKey ? true : undefined}
          aria-describedby={describedBy('apiKey')}
        />
        {problems.apiKey ? (
          <p class="error" id="apiKey-problem" role="alert">
            {problems.apiKey}
          </p>
        ) : (
          <p class="hint" id="apiKey-hint">
            manage.statuspage.io → your avatar → API info. Kept in this browser only{connection ? '; enter it again to change it' : ''}.
          </p>
        )}
      </div>
      <div class="field">
        <label for="organizationId">Organization ID</label>
        <input
          id="organizationId"
          type="text"
          autoComplete="off"
          spellcheck={false}
          value={organizationId}
          onInput={(e) => setOrganizationId(e.currentTarget.value)}
          aria-invalid={problems.organizationId ? true : undefined}
          aria-describedby={describedBy('organizationId')}
        />
        {problems.organizationId ? (
          <p class="error" id="organizationId-problem" role="alert">
            {problems.organizationId}
          </p>
        ) : (
          <p class="hint" id="organizationId-hint">
            Shown on the same "API info" page.
          </p>
        )}
      </div>
      <div class="field">
        <label for="label">Name (optional)</label>
        <input
          id="label"
          type="text"
          autoComplete="off"
          maxLength={80}
          value={label}
          placeholder={organizationId.trim() ? `Organization ${organizationId.trim()}` : 'Acme production'}
          onInput={(e) => setLabel(e.currentTarget.value)}
          aria-describedby="label-hint"
        />
        <p class="hint" id="label-hint">
          How the popup names this organization when you have several.
        </p>
      </div>
      <details open={apiBaseUrl !== DEFAULT_API_BASE_URL || Boolean(problems.apiBaseUrl)}>
        <summary>Advanced</summary>
        <div class="field" style={{ marginTop: '8px' }}>
          <label for="apiBaseUrl">API base URL</label>
          <input
            id="apiBaseUrl"
            type="url"
            spellcheck={false}
            value={apiBaseUrl}
            onInput={(e) => setApiBaseUrl(e.currentTarget.value)}
            aria-invalid={problems.apiBaseUrl ? true : undefined}
            aria-describedby={describedBy('apiBaseUrl')}
          />
          {problems.apiBaseUrl ? (
            <p class="error" id="apiBaseUrl-problem" role="alert">
              {problems.apiBaseUrl}
            </p>
          ) : (
            <p class="hint" id="apiBaseUrl-hint">
              For a sandbox or a proxy; the browser asks once to allow its address.
            </p>
          )}
        </div>
      </details>
      {formError && (
        <p class="notice danger" role="alert">
          {formError}
        </p>
      )}
      {waiting && (
        <div class="notice warn" role="status">
          <p>{waiting.waitingText}</p>
          <div class="actions">
            <button type="button" onClick={() => waiting.cancel()}>
              Cancel
            </button>
          </div>
        </div>
      )}
      <div class="actions">
        <button class="primary" type="submit" disabled={busy}>
          {waiting ? 'Waiting for the browser…' : busy ? 'Checking…' : connection ? 'Save and check' : 'Connect'}
        </button>
        {onCancel && (
          <button type="button" onClick={onCancel}>
            Cancel
          </button>
        )}
      </div>
    </form>
  );
}
