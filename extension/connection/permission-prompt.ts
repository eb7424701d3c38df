/** What the extension needs of `browser.permissions` (the real one, or a test's). */
export interface PermissionsApi {
  request(permissions: { origins: string[] }): Promise<boolean>;
  contains(permissions: { origins: string[] }): Promise<boolean>;
}

export type PromptAnswer = 'granted' | 'refused' | 'cancelled' | 'failed';

export interface PermissionPrompt {
  /** Settles when the browser answers, or when `cancel()` is called. */
  answer: Promise<PromptAnswer>;
  /** "Allow access to 127.0.0.1 in the browser's prompt to continue": shown while the prompt waits. */
  waitingText: string;
  /** Stops waiting (the browser's own prompt cannot be closed from here; its late answer is ignored). */
  cancel(): void;
  /** The message for an answer other than `granted`. */
  explain(answer: PromptAnswer): string;
}

/**
 * Asks the browser for an API origin (a sandbox, a proxy) the store build does not hold: the request must start
 * inside the click (browsers show the prompt only for a user gesture), and its promise may never settle while the
 * prompt waits, or at all in automation. This wraps it so the form can say what it waits for and offer Cancel.
 */
export function permissionPrompt(api: PermissionsApi, origin: string, host: string): PermissionPrompt {
  let cancel: () => void = () => {};
  const cancelled = new Promise<PromptAnswer>((resolve) => {
    cancel = () => resolve('cancelled');
  });
  const asked = api.request({ origins: [origin] }).then(
    (granted): PromptAnswer => (granted ? 'granted' : 'refused'),
    // Firefox refuses to "request" what it already granted at install: then it is there.
    () => api.contains({ origins: [origin] }).then((held): PromptAnswer => (held ? 'granted' : 'failed')),
  );
  return {
    answer: Promise.race([asked, cancelled]),
    waitingText: `Allow access to ${host} in the browser's prompt to continue.`,
    cancel,
    explain(answer) {
      if (answer === 'refused')
        return `The browser did not allow access to ${host}: without it the extension cannot reach this API. Connect again and choose Allow.`;
      if (answer === 'cancelled') return `Not connected: access to ${host} was not allowed yet. Connect again to answer the browser's prompt.`;
      return `The browser could not ask for access to ${host}: check the API base URL.`;
    },
  };
}
