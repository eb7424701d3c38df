import { useState } from 'preact/hooks';
import { downloadText } from './download';
import { DELIMITER_NAMES } from './csv';
import { CSV_MAX_BYTES, CSV_MAX_ROWS, type CsvImport, exportMatrixCsv, importMatrixCsvInChunks, tooLargeCsv } from './matrix-csv';
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
  const [read, setRead] = useState<CsvImport>();
  const [fileName, setFileName] = useState('');
  const [reading, setReading] = useState(false);
  const problems = read && read.problemCount > 0 ? read.problems : undefined;

  const onFile = async (file: File | undefined) => {
    if (!file) return;
    setFileName(file.name);
    setReading(true);
    try {
      // Too big to read: refused before reading it (the text of a 1 GB file would stall the page).
      const result = file.size > CSV_MAX_BYTES ? tooLargeCsv() : await importMatrixCsvInChunks(await file.text(), matrix);
      setRead(result);
      if (result.problemCount === 0) onPlan(planMappings(`Import of ${file.name}`, result.entries));
    } finally {
      setReading(false);
    }
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
        <code>maintenances</code>); an empty cell leaves that page as it is. Files saved with commas, semicolons or tabs are read; at most{' '}
        {CSV_MAX_BYTES / 1024 / 1024} MB and {CSV_MAX_ROWS.toLocaleString('en')} rows.
      </p>
      {reading && <p role="status">Reading {fileName}…</p>}
      {read && !reading && (
        <p role="status">
          {fileName}: read with {DELIMITER_NAMES[read.delimiter]} between cells.
          {read.missingPages.length > 0 && ` No column for ${read.missingPages.join(', ')}: left as they are.`}
          {read.leftAsIs > 0 && ` ${read.leftAsIs} users not scanned yet, with empty cells: left as they are.`}
        </p>
      )}
      {read && problems && (
        <div class="notice danger" role="alert">
          <p>
            {fileName} has {read.problemCount} {read.problemCount === 1 ? 'problem' : 'problems'}
            {read.problemCount > problems.length && ` (the first ${problems.length} below)`}; nothing is planned until the file is clean:
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
