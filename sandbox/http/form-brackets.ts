// application/x-www-form-urlencoded in Rails' bracket notation, as Statuspage reads it:
//   status_embed_config[position]=bottom-left  -> {status_embed_config: {position: 'bottom-left'}}
//   pages[abc][incident_manager]=true           -> {pages: {abc: {incident_manager: 'true'}}}
//   incident[components][]=a&incident[components][]=b -> {incident: {components: ['a', 'b']}}
// Values stay strings (the endpoint decides what "true" means). Objects have no prototype, so a key such
// as __proto__ is just data.

export class FormSyntaxError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'FormSyntaxError';
  }
}

export type FormValue = string | FormValue[] | FormObject;
export interface FormObject {
  [key: string]: FormValue;
}

const MAX_PAIRS = 1000;
const MAX_DEPTH = 8;
const KEY_SYNTAX = /^([^[\]]+)((?:\[[^[\]]*\])*)$/;

function decode(text: string, what: string): string {
  try {
    return decodeURIComponent(text.replace(/\+/g, ' '));
  } catch {
    throw new FormSyntaxError(`malformed percent-encoding in ${what} "${text.slice(0, 80)}"`);
  }
}

function isObject(value: FormValue | undefined): value is FormObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function splitKey(key: string): string[] {
  // Counted before the pattern runs, so a name thousands of brackets deep costs one pass.
  let brackets = 0;
  for (let i = 0; i < key.length && brackets < MAX_DEPTH; i++) if (key.charCodeAt(i) === 0x5b) brackets++;
  if (brackets >= MAX_DEPTH) {
    throw new FormSyntaxError(`field name "${key.slice(0, 80)}" is nested too deeply: at most ${MAX_DEPTH} levels (name[a]…[g]) are accepted`);
  }
  const match = KEY_SYNTAX.exec(key);
  if (!match) throw new FormSyntaxError(`malformed field name "${key.slice(0, 80)}" (expected name, name[key] or name[])`);
  const segments = [match[1]!];
  for (const part of match[2]!.matchAll(/\[([^[\]]*)\]/g)) segments.push(part[1]!);
  return segments;
}

function insert(target: FormObject, segments: string[], value: string, key: string): void {
  const [name, ...rest] = segments as [string, ...string[]];
  const existing = Object.hasOwn(target, name) ? target[name] : undefined;
  if (rest.length === 0) {
    if (existing !== undefined && typeof existing !== 'string') {
      throw new FormSyntaxError(`field "${key}" is given both as a value and as a list or object`);
    }
    target[name] = value; // a repeated plain field: the last one wins, as in Rails
    return;
  }
  if (rest[0] === '') {
    if (rest.length > 1) throw new FormSyntaxError(`field "${key}": lists of objects (name[][key]) are not supported`);
    if (existing === undefined) target[name] = [value];
    else if (Array.isArray(existing)) existing.push(value);
    else throw new FormSyntaxError(`field "${key}" is given both as a list and as a value or object`);
    return;
  }
  let child: FormObject;
  if (existing === undefined) {
    child = Object.create(null) as FormObject;
    target[name] = child;
  } else if (isObject(existing)) {
    child = existing;
  } else {
    throw new FormSyntaxError(`field "${key}" is given both as an object and as a value or list`);
  }
  insert(child, rest, value, key);
}

/** Parses a form body; throws FormSyntaxError with a plain message when it cannot. */
export function parseBracketForm(text: string): FormObject {
  const result = Object.create(null) as FormObject;
  const pairs = text.split('&').filter((pair) => pair !== '');
  if (pairs.length > MAX_PAIRS) throw new FormSyntaxError(`too many fields (more than ${MAX_PAIRS})`);
  for (const pair of pairs) {
    const equals = pair.indexOf('=');
    const rawKey = equals === -1 ? pair : pair.slice(0, equals);
    const rawValue = equals === -1 ? '' : pair.slice(equals + 1);
    const key = decode(rawKey, 'field name');
    insert(result, splitKey(key), decode(rawValue, `the value of ${key}`), key);
  }
  return result;
}
