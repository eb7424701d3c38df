import { permissionsText } from '../team-access/bulk/permissions-text';
import { downloadText } from '../team-access/csv/download';
import type { MatrixPage } from '../team-access/team-access-storage';
import { JobReport } from './JobReport';
import { accessRecordCsv, offboardReportCsv } from './members-csv';
import type { OffboardJob, OffboardStep } from './members-storage';

const STEP_TEXT: Record<OffboardStep['status'] | 'waiting', string> = {
  waiting: 'waiting',
  deleting: 'being removed',
  removed: 'removed',
  skipped: 'skipped: their access changed since the plan',
  gone: 'not a member any more',
  failed: 'failed',
};

/** The removal's report, person by person, with the access record kept for restoring by hand or by "Add people". */
export function OffboardReport({ job, pages }: { job: OffboardJob; pages: MatrixPage[] }) {
  const count = (status: OffboardStep['status']) => job.steps.filter((step) => step?.status === status).length;
  const summary = `Removed: ${count('removed')}. Skipped (changed): ${count('skipped')}. Not members: ${count('gone')}. Failed: ${count('failed')}.`;
  return (
    <JobReport job="offboard" title="Removal report" record={job} summary={summary}>
      <ul>
        {job.request.people.map((person, index) => {
          const step = job.steps[index];
          return (
            <li key={person.userId}>
              {person.label} &lt;{person.email}&gt;: {STEP_TEXT[step?.status ?? 'waiting']}
              {step?.current && ` (now ${permissionsText(step.current, pages)})`}
              {step?.error && `: ${step.error}`}
            </li>
          );
        })}
      </ul>
      <button type="button" onClick={() => downloadText(`access-record-${job.id}.csv`, accessRecordCsv(job.request.people, pages))}>
        Download the access record (CSV)
      </button>{' '}
      <button type="button" onClick={() => downloadText(`removal-${job.id}.csv`, offboardReportCsv(job, pages))}>
        Download the report (CSV)
      </button>
    </JobReport>
  );
}
