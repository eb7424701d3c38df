import { describe, expect, it } from 'vitest';
import { neutraliseFormula, parseCsv, stringifyCsv } from '../../../extension/team-access/csv/csv';
import { exportMatrixCsv, importMatrixCsv } from '../../../extension/team-access/csv/matrix-csv';
import { encodePermissions } from '../../../extension/team-access/matrix/cell-code';
import { matrixOf, user } from './support';

describe('RFC 4180 reader and writer', () => {
  it('round-trips quotes, commas and line breaks inside cells', () => {
    const rows = [
      ['a', 'b, c', 'say "hi"'],
      ['line\nbreak', '', 'x\r\ny'],
    ];
    const text = stringifyCsv(rows);
    expect(text).toBe('a,"b, c","say ""hi"""\r\n"line\nbreak",,"x\r\ny"\r\n');
    expect(parseCsv(text)).toEqual({ rows });
  });
  it('reads LF line ends and a byte order mark, and reports a quote never closed', () => {
    expect(parseCsv('\ufeffa,b\nc,d').rows).toEqual([
      ['a', 'b'],
      ['c', 'd'],
    ]);
    expect(parseCsv('a,"b\nc').error).toMatch(/never closed/);
  });
  it('writes a cell that a spreadsheet would run as a formula as text', () => {
    expect(['=SUM(A1)', '+1', '-2', '@x', 'ok'].map(neutraliseFormula)).toEqual(["'=SUM(A1)", "'+1", "'-2", "'@x", 'ok']);
    expect(stringifyCsv([['=HYPERLINK("x")']])).toBe(`"'=HYPERLINK(""x"")"\r\n`);
  });
});

const ada = user('ada', 'Ada Lovelace', { cloud: 'im', labs: '' });
const eve = user('eve', '=Eve Formula', { pay: 'c' });
const matrix = matrixOf([ada, eve]);

describe('matrix CSV', () => {
  it('exports one row per user with a header naming pages by name and id, in the documented vocabulary', () => {
    const rows = parseCsv(exportMatrixCsv(matrix, [ada, eve])).rows;
    expect(rows[0]).toEqual(['user_id', 'name', 'email', 'Acme Cloud (cloud)', 'Acme Labs (labs)', 'Acme Payments (pay)']);
    expect(rows[1]).toEqual(['ada', 'Ada Lovelace', 'ada.lovelace@acme.example', 'incidents+maintenances', 'access', 'none']);
    expect(rows[2]?.slice(1, 2)).toEqual(["'=Eve Formula"]);
    expect(rows[2]?.slice(3)).toEqual(['none', 'none', 'configure']);
  });

  it('imports its own export as no change, and an edited file as the wanted mapping', () => {
    const exported = exportMatrixCsv(matrix, [ada, eve]);
    const same = importMatrixCsv(exported, matrix);
    expect(same.problems).toEqual([]);
    expect(same.entries.map((entry) => encodePermissions(entry.after))).toEqual([ada.cells, eve.cells]);

    const edited = exported.replace('incidents+maintenances,access,none', 'configure+incidents,none,');
    const result = importMatrixCsv(edited, matrix);
    expect(result.problems).toEqual([]);
    // An empty cell leaves that page as it is; none removes access.
    expect(encodePermissions(result.entries[0]!.after)).toEqual({ cloud: 'ci' });
  });

  it('lists every problem by row and column, and plans nothing until the file is clean', () => {
    const text = [
      'user_id,name,email,Acme Cloud (cloud),Acme Labs (labs),Gone (nope)',
      'ada,Ada,,owner,incidents,none',
      'zed,Zed,,none,none,none',
      'eve,Eve,,INCIDENTS + configure,access,',
    ].join('\n');
    const result = importMatrixCsv(text, matrix);
    expect(result.entries).toEqual([]);
    expect(result.problems.map(({ row, column, message }) => [row, column, message.split(':')[0]?.slice(0, 28)])).toEqual([
      [1, 6, 'No page with id nope in this'],
      [2, 4, '"owner" is not none, access,'],
      [2, 5, 'Acme Labs has no role based '],
      [3, 1, 'No user with id "zed" in thi'],
    ]);
  });
});
