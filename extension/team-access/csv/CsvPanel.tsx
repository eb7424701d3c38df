import { useState } from 'preact/hooks';
import { downloadText } from './download';
import { type CsvProblem, exportMatrixCsv, importMatrixCsv } from './matrix-csv';
import type { MatrixUser, TeamMatrix } from '../team-access-storage';
import { type BulkPlan, planMappings } from '../bulk/bulk-plan';

interface Props {
  matrix: TeamMatrix;
  /** The rows the filter shows: what is exported. */
  users: MatrixUser[];
  onPlan(plan: BulkPlan): void;
}

/** Export the matrix as CSV; import a file of the same format as a plan (nothing is sent until it is clean). */
export function CsvPanel({ matrix, users, onPlan }: Props) {
  const [problems, setProblems] = useState<CsvProblem[]>();
  const [fileName, setFileName] = useState('');

  const onFile = async (file: File | undefined) => {
    if (!file) return;
    setFileName(file.name);
    const result = importMatrixCsv(await file.text(), matrix);
    if (result.problems.length) {
      setProblems(result.problems);
      return;
    }
    setProblems(undefined);
    onPlan(planMappings(`Import of ${file.name}`, result.entries));
  };

  return (
    <section class="csv" aria-labelledby="csv-title">
      <h2 id="csv-title">CSV</h2>
      <div class="actions">
        <button type="button" onClick={() => downloadText('team-access.csv', exportMatrixCsv(matrix, users))}>
          Export {users.length} rows as CSV
        </button>
        <div class="field">
          <label htmlFor="csv-import">Import a CSV file as a plan</label>
          <input id="csv-import" type="file" accept=".csv,text/csv" onChange={(event) => void onFile(event.currentTarget.files?.[0])} />
        </div>
      </div>
      <p class="hint">
        Cells: <code>none</code>, <code>access</code>, or roles joined by <code>+</code> (<code>configure</code>, <code>incidents</code>,{' '}
        <code>maintenances</code>); an empty cell leaves that page as it is.
      </p>
      {problems && (
        <div class="notice danger" role="alert">
          <p>
            {fileName} has {problems.length} {problems.length === 1 ? 'problem' : 'problems'}; nothing is planned until the file is clean:
          </p>
          <ul class="problems">
            {problems.map((problem) => (
              <li key={`${problem.row}:${problem.column}`}>
                Row {problem.row}, column {problem.column}
                {problem.columnName && ` (${problem.columnName})`}: {problem.message}
              </li>
            ))}
          </ul>
        </div>
      )}
    </section>
  );
}
