import * as z from 'zod/mini';

const optionalText = z.optional(z.nullable(z.string()));

/** A member of the organization, from GET /organizations/{organization_id}/users. */
export const User = z.looseObject({
  id: z.string(),
  organization_id: optionalText,
  email: z.string(),
  first_name: optionalText,
  last_name: optionalText,
  created_at: optionalText,
  updated_at: optionalText,
});
export type User = z.infer<typeof User>;
export const UserList = z.array(User);

/** "Ada Lovelace", or the email when the user has no name. */
export function userDisplayName(user: Pick<User, 'first_name' | 'last_name' | 'email'>): string {
  const name = [user.first_name, user.last_name].filter(Boolean).join(' ').trim();
  return name || user.email;
}

/** The longest email address SMTP carries (RFC 5321's path limit). */
export const MAX_EMAIL_LENGTH = 254;
/** A name part longer than this is refused before it is sent. */
export const MAX_USER_NAME_LENGTH = 255;

/**
 * A person to add to the organization: `createUser`'s input. Only the shape is checked here (one `@`, no spaces);
 * whether the address is acceptable, and not already a member, is Statuspage's call (a 422 in its words).
 */
export const NewUser = z.strictObject({
  email: z.string().check(z.maxLength(MAX_EMAIL_LENGTH), z.regex(/^[^\s@]+@[^\s@]+$/, 'must be an email address (name@example.com)')),
  firstName: z.optional(z.string().check(z.maxLength(MAX_USER_NAME_LENGTH))),
  lastName: z.optional(z.string().check(z.maxLength(MAX_USER_NAME_LENGTH))),
});
export type NewUser = z.infer<typeof NewUser>;

/** POST /organizations/{organization_id}/users's body, as the document names it. */
export function toNewUserBody(user: NewUser): { user: { email: string; first_name?: string; last_name?: string } } {
  return {
    user: {
      email: user.email,
      ...(user.firstName === undefined ? {} : { first_name: user.firstName }),
      ...(user.lastName === undefined ? {} : { last_name: user.lastName }),
    },
  };
}
