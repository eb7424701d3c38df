// Calls a sandbox's control endpoints (/_control/…) the way it requires: every request that changes state says
// Content-Type: application/json, with or without a body (a web page cannot, so none can drive the sandbox).

/** `method path` on `/_control`, JSON in (when `body` is given) and the raw Response out. */
export function control(sandbox: { url: string }, method: string, path: string, body?: unknown): Promise<Response> {
  return fetch(`${sandbox.url}/_control${path}`, {
    method,
    headers: method === 'GET' || method === 'HEAD' ? {} : { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
}

/** The same, for an answer that must succeed: its JSON (undefined for a 204). Throws with the sandbox's words otherwise. */
export async function controlJson<T = unknown>(sandbox: { url: string }, method: string, path: string, body?: unknown): Promise<T> {
  const response = await control(sandbox, method, path, body);
  const text = await response.text();
  if (!response.ok) throw new Error(`${method} /_control${path}: ${response.status} ${text}`);
  return (text ? JSON.parse(text) : undefined) as T;
}
