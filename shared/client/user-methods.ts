import { NewUser, toNewUserBody, User } from '../schemas';
import type { CallOptions } from './create-client';
import type { RequestContext } from './request';
import { sendRequest } from './request';
import { checkRequest, pathSegment } from './validation';

// Joining and leaving: POST and DELETE on /organizations/{organization_id}/users, as the official document has them.
// Both go through the limiter like every call; a 422 carries Statuspage's words, a user already gone is a NotFoundError.

export interface UserMethods {
  /**
   * POST /organizations/{id}/users: a new team member. Statuspage gives a new member every page with every role;
   * replace their permissions right after when that is not what they should have.
   */
  createUser(organizationId: string, user: NewUser, options?: CallOptions): Promise<User>;
  /** DELETE /organizations/{id}/users/{user}: removes the member (there is no undo); answers the removed user. */
  deleteUser(organizationId: string, userId: string, options?: CallOptions): Promise<User>;
}

type Send = (call: CallOptions | undefined) => Pick<Parameters<typeof sendRequest>[1], 'signal' | 'priority'>;

export function userMethods(context: RequestContext, sendOptions: Send): UserMethods {
  const usersPath = (organizationId: string) => `/organizations/${pathSegment(organizationId, 'organizationId')}/users`;
  return {
    async createUser(organizationId, user, call) {
      const path = usersPath(organizationId);
      const body = toNewUserBody(checkRequest(NewUser, user));
      return sendRequest(context, { method: 'POST', path, body, schema: User, ...sendOptions(call) });
    },
    async deleteUser(organizationId, userId, call) {
      const path = `${usersPath(organizationId)}/${pathSegment(userId, 'userId')}`;
      return sendRequest(context, { method: 'DELETE', path, schema: User, ...sendOptions(call) });
    },
  };
}
