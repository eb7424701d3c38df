import { InvalidRequestError } from './errors';

/**
 * `application/x-www-form-urlencoded` in the bracket notation of the API docs (Rails style):
 * `{status_embed_config: {position: 'bottom-left'}}` -> `status_embed_config[position]=bottom-left`,
 * `{incident: {components: ['a']}}` -> `incident[components][]=a`,
 * `{pages: {p1: {incident_manager: true}}}` -> `pages[p1][incident_manager]=true`.
 *
 * An empty object is written as the bare key with an empty value: `{pages: {p2: {}}}` -> `pages[p2]=`.
 * Bracket notation has no spelling for `{}`, and the page must still be named: a page left out of a
 * permissions PUT loses the user's access. `pages[p2]=` keeps the page in the mapping with a blank value,
 * which is how a Rails/Rack server reads "present, nothing inside". JSON (the default) sends `{}` exactly.
 *
 * Brackets stay literal (as curl's `-d` sends them in the docs); names and values are percent-encoded.
 */
export function encodeForm(body: Record<string, unknown>): string {
  const pairs: string[] = [];
  for (const [key, value] of Object.entries(body)) appendPairs(pairs, [key], value);
  return pairs.join('&');
}

/** `['pages', 'p1', 'incident_manager']` -> `pages[p1][incident_manager]`; `''` stands for `[]`. */
function bracketKey(path: readonly string[]): string {
  return path.map((segment, i) => (i === 0 ? encodeURIComponent(segment) : `[${encodeURIComponent(segment)}]`)).join('');
}

function appendPairs(pairs: string[], path: string[], value: unknown): void {
  const name = () => bracketKey(path);
  const last = path.at(-1) ?? '';
  // A bracket inside a name would be read as structure by the server.
  if (/[[\]]/.test(last)) throw new InvalidRequestError(`Cannot send this in form encoding: the name "${last}" contains a bracket`, last);

  if (value === undefined) return;
  if (value === null) {
    pairs.push(`${name()}=`);
  } else if (typeof value === 'string') {
    pairs.push(`${name()}=${encodeURIComponent(value)}`);
  } else if (typeof value === 'boolean' || (typeof value === 'number' && Number.isFinite(value))) {
    pairs.push(`${name()}=${String(value)}`);
  } else if (Array.isArray(value)) {
    if (value.length === 0) throw new InvalidRequestError(`Cannot send an empty list in form encoding: ${name()}`, name());
    for (const item of value) appendPairs(pairs, [...path, ''], item);
  } else if (isPlainObject(value)) {
    const entries = Object.entries(value).filter(([, inner]) => inner !== undefined);
    if (entries.length === 0) pairs.push(`${name()}=`);
    for (const [key, inner] of entries) appendPairs(pairs, [...path, key], inner);
  } else {
    throw new InvalidRequestError(`Cannot send this value in form encoding: ${name()}`, name());
  }
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null) return false;
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}
