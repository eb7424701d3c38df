import { downloadText } from '../team-access/csv/download';
import type { MatrixPage } from '../team-access/team-access-storage';
import { JobReport } from './JobReport';
import { inviteReportCsv } from './members-csv';
import type { InviteJob, InviteStep } from './members-storage';

const STEP_TEXT: Record<InviteStep['status'] | 'waiting', string> = {
  waiting: 'waiting',
  creating: 'being created',
  created: 'created, access being set',
  done: 'created, with the chosen access',
  exists: 'already a member: not created again, left as they are',
  failed: 'failed',
};

/** The invitation's report, person by person, and its CSV. */
export function InviteReport({ job, pages }: { job: InviteJob; pages: MatrixPage[] }) {
  const count = (status: InviteStep['status']) => job.steps.filter((step) => step?.status === status).length;
  const summary = `Created: ${count('done')}. Already members: ${count('exists')}. Failed: ${count('failed')}.`;
  return (
    <JobReport job="invite" title={`Invitation report: ${job.request.label}`} record={job} summary={summary}>
      <ul>
        {job.request.people.map((person, index) => {
          const step = job.steps[index];
          return (
            <li key={person.email}>
              {person.email}: {STEP_TEXT[step?.status ?? 'waiting']}
              {step?.error && `: ${step.error}`}
            </li>
          );
        })}
      </ul>
      <button type="button" onClick={() => downloadText(`invitation-${job.id}.csv`, inviteReportCsv(job, pages))}>
        Download the report (CSV)
      </button>
    </JobReport>
  );
}
