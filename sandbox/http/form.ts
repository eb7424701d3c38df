import { parse } from 'qs';

// application/x-www-form-urlencoded in bracket notation, read by qs (the reference bracket parser), so the sandbox
// checks the client's own form encoding against an independent reading of it:
//   status_embed_config[position]=bottom-left  -> {status_embed_config: {position: 'bottom-left'}}
//   pages[abc][incident_manager]=true           -> {pages: {abc: {incident_manager: 'true'}}}
// Values stay strings (the endpoint decides what "true" means). Where qs and Rails differ: `name[0]` is a list
// index to qs and a hash key to Rails; no Statuspage id is all digits, and the checks refuse a list where a map
// belongs.

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

const MAX_FIELDS = 1000;
/** Levels of a name, the name itself included: `a[b][c][d][e][f][g][h]` is 8. */
const MAX_LEVELS = 8;
/** Items in one `name[]` list. */
const MAX_LIST_ITEMS = 100;

const OPTIONS = {
  // Past these, qs throws (instead of quietly keeping the rest as one key or dropping fields).
  depth: MAX_LEVELS - 1,
  strictDepth: true,
  parameterLimit: MAX_FIELDS,
  arrayLimit: MAX_LIST_ITEMS,
  throwOnLimitExceeded: true,
  // Objects without a prototype: `constructor`, `toString`, `hasOwnProperty` are data like any name.
  plainObjects: true,
  allowPrototypes: false,
  allowDots: false,
  duplicates: 'last', // a repeated plain field: the last one wins, as in Rails
  charset: 'utf-8',
  decoder,
} as const;

/** Strict UTF-8 percent-decoding; qs would keep `%zz` as sent. Refuses `__proto__`, which qs drops silently. */
function decoder(text: string, _default: unknown, _charset: unknown, type: 'key' | 'value'): string {
  let decoded: string;
  try {
    decoded = decodeURIComponent(text.replace(/\+/g, ' '));
  } catch {
    throw new FormSyntaxError(`malformed percent-encoding in a field ${type === 'key' ? 'name' : 'value'} "${text.slice(0, 80)}"`);
  }
  // A dropped field would change what a request means (a permissions PUT without a page removes it): refuse.
  if (type === 'key' && /(?:^|\[)__proto__(?:[[\]]|$)/.test(decoded)) {
    throw new FormSyntaxError(`field name "${decoded.slice(0, 80)}" uses __proto__, which a form cannot carry: rename the field`);
  }
  return decoded;
}

function limitMessage(error: RangeError): string {
  if (/depth/i.test(error.message)) return `a field name is nested too deeply: at most ${MAX_LEVELS} levels (name[a]…[g]) are accepted`;
  if (/parameter/i.test(error.message)) return `too many fields (more than ${MAX_FIELDS})`;
  if (/array/i.test(error.message)) return `a list (name[]) has more than ${MAX_LIST_ITEMS} items`;
  return error.message;
}

/** Parses a form body; throws FormSyntaxError with a plain message when it cannot. */
export function parseBracketForm(text: string): FormObject {
  try {
    return parse(text, OPTIONS) as FormObject;
  } catch (error) {
    if (error instanceof FormSyntaxError) throw error;
    if (error instanceof RangeError) throw new FormSyntaxError(limitMessage(error));
    throw error;
  }
}
