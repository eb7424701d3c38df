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
