/** What stands in for the key wherever text from elsewhere (a server message, an error) might echo it. */
export const REDACTED = '[api key]';

/** Removes every copy of the API key from text we pass on (servers and fetch errors may echo a URL). */
export function redactSecret(text: string, secret: string): string {
  return secret ? text.split(secret).join(REDACTED) : text;
}

/** Whether an error object (message, stack, or its cause's) mentions the secret anywhere. */
export function mentionsSecret(error: unknown, secret: string, depth = 0): boolean {
  if (!secret || depth > 3 || error === null || error === undefined) return false;
  if (typeof error !== 'object') return String(error).includes(secret);
  const { message, stack, cause } = error as { message?: unknown; stack?: unknown; cause?: unknown };
  return String(message ?? '').includes(secret) || String(stack ?? '').includes(secret) || mentionsSecret(cause, secret, depth + 1);
}
