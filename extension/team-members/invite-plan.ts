import type { NewUser, PagePermissions } from '../../shared/schemas';
import { permissionsOf } from '../team-access/bulk/bulk-plan';
import type { MatrixPage, MatrixUser } from '../team-access/team-access-storage';
import type { AccessTemplate } from './members-storage';

/** Where the new people's access comes from. */
export type AccessSource = { kind: 'template'; templateId: string } | { kind: 'copy'; userId: string } | { kind: 'pick'; pages: PagePermissions };

export interface InvitePlan {
  /** "Template: On-call engineer", "Same as Ada Lovelace", "Pages and roles picked". */
  label: string;
  access: PagePermissions;
  /** To be created, in the order given. */
  create: NewUser[];
  /** Already members (by email, any case): reported, left as they are. */
  existing: Array<{ person: NewUser; member: MatrixUser }>;
}

/** The access a source names, or why there is none (a template deleted since, a user not read yet). */
export function resolveAccess(
  source: AccessSource,
  templates: AccessTemplate[],
  users: MatrixUser[],
  pages: MatrixPage[],
): { label: string; access: PagePermissions } | string {
  if (source.kind === 'pick') return { label: 'Pages and roles picked', access: source.pages };
  if (source.kind === 'template') {
    const template = templates.find((candidate) => candidate.id === source.templateId);
    return template ? { label: `Template: ${template.name}`, access: template.pages } : 'Choose a saved template';
  }
  const user = users.find((candidate) => candidate.id === source.userId);
  const access = user && permissionsOf(user, pages);
  return user && access ? { label: `Same as ${user.name}`, access } : 'Choose a user whose access has been read';
}

/** Who is created and who is a member already, with the exact access the new ones get. */
export function planInvite(people: NewUser[], access: { label: string; access: PagePermissions }, members: MatrixUser[]): InvitePlan {
  const byEmail = new Map(members.map((member) => [member.email.toLowerCase(), member]));
  const plan: InvitePlan = { ...access, create: [], existing: [] };
  for (const person of people) {
    const member = byEmail.get(person.email.toLowerCase());
    if (member) plan.existing.push({ person, member });
    else plan.create.push(person);
  }
  return plan;
}
