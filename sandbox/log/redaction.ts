// Keeps API keys out of the request log, wherever a client put them: a field or parameter whose name looks
// like a key loses its value, and the text of any key the sandbox knows (or this request presented) is
// replaced wherever it appears: path, query, body, even inside another value or a field's name.

export const REDACTED = '[redacted]';

const KEY_WORDS = new Set([
  'key',
  'apikey',
  'apitoken',
  'token',
  'accesstoken',
  'authorization',
  'auth',
  'oauth',
  'bearer',
  'secret',
  'password',
  'passwd',
  'credential',
  'credentials',
]);

/** `api_key`, `API-KEY`, `apiKey`, `api[key]`, `access_token`, `Authorization`: yes. `pages`, `monkey`: no. */
export function looksLikeKeyName(name: string): boolean {
  const words = name
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .split(/[^a-z0-9]+/);
  return words.some((word) => KEY_WORDS.has(word));
}

/** A presented key shorter than this is not hunted for in the rest of the entry (it would blank out common text). */
const MIN_PRESENTED_KEY = 6;
/** Past this depth a logged value is not walked (bodies are refused long before: see limits.ts). */
const MAX_WALK_DEPTH = 100;

/** The key-like strings a request carries: its Authorization header's credentials and key-like query values. */
export function keysPresentedBy(request: Request): string[] {
  const found: string[] = [];
  const header = request.headers.get('authorization');
  const credentials = header === null ? undefined : /^\s*(?:[A-Za-z]+\s+)?(\S+)\s*$/.exec(header)?.[1];
  if (credentials) found.push(credentials);
  for (const [name, value] of new URL(request.url).searchParams) if (looksLikeKeyName(name)) found.push(value);
  return found.filter((key) => key.length >= MIN_PRESENTED_KEY);
}

export class Redactor {
  readonly #secrets: string[];

  /** `known` (the sandbox's own keys) are always hunted; `presented` ones only when long enough to be keys. */
  constructor(known: readonly string[], presented: readonly string[] = []) {
    const all = new Set<string>();
    for (const key of [...known.filter((key) => key.length > 0), ...presented.filter((key) => key.length >= MIN_PRESENTED_KEY)]) {
      for (const form of keyForms(key)) {
        all.add(form);
        all.add(encodeURIComponent(form)); // as it appears in a path or a form's raw text
      }
    }
    // Longest first, so a key that contains another is replaced whole.
    this.#secrets = [...all].sort((a, b) => b.length - a.length);
  }

  /** `text` with every known key's text replaced, also when it was percent-encoded (`%2D` for `-`…). */
  text(text: string): string {
    const result = this.#replace(text);
    if (!result.includes('%')) return result;
    const decoded = percentDecoded(result);
    const redacted = this.#replace(decoded);
    return redacted === decoded ? result : redacted; // decoded only when that uncovered a key
  }

  #replace(text: string): string {
    let result = text;
    for (const secret of this.#secrets) if (result.includes(secret)) result = result.split(secret).join(REDACTED);
    return result;
  }

  /** A parsed body (JSON or form) with key-like fields' values and every known key's text replaced. */
  value(value: unknown, depth = 0): unknown {
    if (typeof value === 'string') return this.text(value);
    if (typeof value !== 'object' || value === null) return value;
    if (depth >= MAX_WALK_DEPTH) return REDACTED;
    if (Array.isArray(value)) return value.map((item) => this.value(item, depth + 1));
    // fromEntries defines own properties, so a field named __proto__ stays data.
    return Object.fromEntries(
      Object.entries(value).map(([name, item]) => [this.text(name), looksLikeKeyName(name) ? REDACTED : this.value(item, depth + 1)]),
    );
  }

  /** A body's raw text (one that did not parse): `name=value` and `"name": "value"` pairs with key-like names too. */
  rawText(text: string): string {
    const form = this.text(text).replace(/(^|[&?])([^=&]{1,200})=([^&]*)/g, (pair, start: string, name: string) =>
      looksLikeKeyName(safeDecode(name)) ? `${start}${name}=${REDACTED}` : pair,
    );
    return form.replace(/"((?:[^"\\]|\\.){1,200})"(\s*:\s*)"(?:[^"\\]|\\.)*"/g, (pair, name: string, colon: string) =>
      looksLikeKeyName(name) ? `"${name}"${colon}"${REDACTED}"` : pair,
    );
  }
}

/** A key as text and as base64 (padded or not, standard or URL-safe, and with `+` read back as a space by a query). */
export function keyForms(key: string): string[] {
  const base64 = Buffer.from(key, 'utf8').toString('base64');
  const unpadded = base64.replace(/=+$/, '');
  const urlSafe = unpadded.replace(/\+/g, '-').replace(/\//g, '_');
  return [...new Set([key, base64, unpadded, urlSafe, base64.replace(/\+/g, ' '), unpadded.replace(/\+/g, ' ')])];
}

function percentDecoded(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text.replace(/(?:%[0-9a-f]{2})+/gi, (run) => {
      try {
        return decodeURIComponent(run);
      } catch {
        return run;
      }
    });
  }
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text.replace(/\+/g, ' '));
  } catch {
    return text;
  }
}
