import { MESSAGES, SandboxHttpError } from '../errors';
import type { SandboxStore } from '../state/store';
import type { PageState, UserRecord } from '../state/types';

// The real API answers 404 for what does not exist and 403 for what belongs to another organization.

export function requireOwnPage(store: SandboxStore, callerOrganizationId: string, pageId: string): PageState {
  const page = store.page(pageId);
  if (!page) throw new SandboxHttpError(404, MESSAGES.notFound);
  if (page.organization_id !== callerOrganizationId) throw new SandboxHttpError(403, MESSAGES.forbidden);
  return page;
}

export function requireOwnOrganization(store: SandboxStore, callerOrganizationId: string, organizationId: string): void {
  if (!store.organization(organizationId)) throw new SandboxHttpError(404, MESSAGES.notFound);
  if (organizationId !== callerOrganizationId) throw new SandboxHttpError(403, MESSAGES.forbidden);
}

/** A user of `organizationId`; a user of another organization is as unknown here as a made-up id. */
export function requireUser(store: SandboxStore, organizationId: string, userId: string): UserRecord {
  const user = store.user(userId);
  if (!user || user.organization_id !== organizationId) throw new SandboxHttpError(404, MESSAGES.notFound);
  return user;
}
