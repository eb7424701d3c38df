import type { ParsedBody } from '../http/body-parsing';
import type { UserRecord } from '../state/types';
import { quote, refuse, shortName, unwrap } from './validation';

// POST /organizations/{organization_id}/users: `{"user": {"email", "first_name"?, "last_name"?, "password"?}}`, the
// fields of the official document's postOrganizationsOrganizationIdUsers. No wrapper: 400; anything else wrong: 422
// with every problem named. `password` is accepted as the document allows and never stored (nor logged: redaction).

export const MAX_EMAIL_LENGTH = 254;
export const MAX_NAME_LENGTH = 255;
const FIELDS = ['email', 'first_name', 'last_name', 'password'];
/** One @, something before it, a dot somewhere in the domain, no spaces: what a mail system could deliver to. */
const EMAIL = /^[^\s@]+@[^\s@.]+(?:\.[^\s@.]+)+$/;

export type NewUserFields = Pick<UserRecord, 'email' | 'first_name' | 'last_name'>;

/** The new member's fields, checked; `members` are the organization's users (an email may be used once, any case). */
export function readNewUser(body: ParsedBody, members: readonly UserRecord[]): NewUserFields {
  const fields = unwrap(body, 'user', '{"user": {"email": "name@example.com", "first_name": "Ada", "last_name": "Lovelace"}}');
  const problems: string[] = [];
  for (const name of Object.keys(fields)) {
    if (!FIELDS.includes(name)) problems.push(`${shortName(name)} is not a user field (${FIELDS.join(', ')})`);
  }
  /** The field trimmed ('' when absent); undefined, with the problem noted, when it is not a short string. */
  const text = (name: string, max: number): string | undefined => {
    const value = fields[name];
    if (value === undefined || value === null) return '';
    if (typeof value !== 'string') problems.push(`${name} must be a string, got ${quote(value)}`);
    else if (value.length > max) problems.push(`${name} is longer than ${max} characters`);
    else return value.trim();
    return undefined;
  };
  const email = text('email', MAX_EMAIL_LENGTH);
  const first_name = text('first_name', MAX_NAME_LENGTH) ?? '';
  const last_name = text('last_name', MAX_NAME_LENGTH) ?? '';
  if (email === '') problems.push("email can't be blank");
  else if (email !== undefined && !EMAIL.test(email)) problems.push(`email ${quote(email)} is not an email address`);
  else if (email !== undefined && members.some((member) => member.email.toLowerCase() === email.toLowerCase())) {
    problems.push(`email ${quote(email)} has already been taken: that person is already a member of this organization`);
  }
  refuse(problems);
  return { email: email ?? '', first_name, last_name };
}
