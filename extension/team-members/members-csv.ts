import { type PagePermissions, ROLES } from '../../shared/schemas';
import { permissionsText } from '../team-access/bulk/permissions-text';
import { stringifyCsv } from '../team-access/csv/csv';
import type { MatrixPage } from '../team-access/team-access-storage';
import type { InviteJob, OffboardJob } from './members-storage';
import type { OffboardPerson } from './messages';

/** Roles as the API spells them ("incident_manager maintenance_manager"), for a record a person can restore from. */
const rolesOf = (pages: PagePermissions) =>
  Object.entries(pages)
    .map(([pageId, roles]) => `${pageId}:${ROLES.filter((role) => roles[role] === true).join('+')}`)
    .join(' ');

/**
 * The access of the people about to be removed, one row each: email and name first (so "Add people" reads the file
 * back), then the access in words and as page:roles (page ids and the API's role names), to restore it exactly.
 */
export function accessRecordCsv(people: OffboardPerson[], pages: MatrixPage[]): string {
  return stringifyCsv([
    ['email', 'name', 'user_id', 'access', 'permissions'],
    ...people.map((person) => [person.email, person.label, person.userId, permissionsText(person.before, pages), rolesOf(person.before)]),
  ]);
}

export function inviteReportCsv(job: InviteJob, pages: MatrixPage[]): string {
  const access = permissionsText(job.request.access, pages);
  return stringifyCsv([
    ['email', 'first_name', 'last_name', 'outcome', 'user_id', 'access', 'detail'],
    ...job.request.people.map((person, index) => {
      const step = job.steps[index];
      return [
        person.email,
        person.firstName ?? '',
        person.lastName ?? '',
        step?.status ?? 'not run',
        step?.userId ?? '',
        step?.status === 'done' ? access : '',
        step?.error ?? '',
      ];
    }),
  ]);
}

export function offboardReportCsv(job: OffboardJob, pages: MatrixPage[]): string {
  return stringifyCsv([
    ['email', 'name', 'user_id', 'outcome', 'access_before', 'detail'],
    ...job.request.people.map((person, index) => {
      const step = job.steps[index];
      const detail = step?.current ? `access now: ${permissionsText(step.current, pages)}` : (step?.error ?? '');
      return [person.email, person.label, person.userId, step?.status ?? 'not run', permissionsText(person.before, pages), detail];
    }),
  ]);
}
