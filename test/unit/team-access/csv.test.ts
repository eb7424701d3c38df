import { describe, expect, it } from 'vitest';
import { detectDelimiter, neutraliseFormula, parseCsv, stringifyCsv } from '../../../extension/team-access/csv/csv';
import {
  CSV_MAX_PROBLEMS,
  CSV_MAX_ROWS,
  exportMatrixCsv,
  importMatrixCsv,
  importMatrixCsvInChunks,
} from '../../../extension/team-access/csv/matrix-csv';
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

  it('reads files saved with semicolons or tabs, and says which it read', () => {
    const exported = exportMatrixCsv(matrix, [ada, eve]);
    const semicolons = parseCsv(exported)
      .rows.map((row) => row.join(';'))
      .join('\r\n');
    const tabs = parseCsv(exported)
      .rows.map((row) => row.join('\t'))
      .join('\n');
    expect(detectDelimiter(semicolons)).toBe(';');
    expect(detectDelimiter(tabs)).toBe('\t');
    for (const text of [semicolons, tabs]) {
      const result = importMatrixCsv(text, matrix);
      expect(result.problems).toEqual([]);
      expect(result.entries.map((entry) => encodePermissions(entry.after))).toEqual([ada.cells, eve.cells]);
    }
    expect(importMatrixCsv(semicolons, matrix).delimiter).toBe(';');
  });

  it('names a missing page column (left as it is) and says an empty file is empty', () => {
    const withoutLabs = ['user_id,name,email,Acme Cloud (cloud),Acme Payments (pay)', 'ada,Ada,,none,'].join('\n');
    const result = importMatrixCsv(withoutLabs, matrix);
    expect(result.problems).toEqual([]);
    expect(result.missingPages).toEqual(['Acme Labs']);
    expect(encodePermissions(result.entries[0]!.after)).toEqual({ labs: '' });
    for (const empty of ['', '\ufeff', '\r\n  \n']) expect(importMatrixCsv(empty, matrix).problems[0]?.message).toBe('The file is empty');
  });

  it("round-trips the page's own export mid-scan: unscanned users' empty cells leave them as they are", () => {
    const unread = user('new', 'New Person', undefined);
    const midScan = matrixOf([ada, eve, unread]);
    const exported = exportMatrixCsv(midScan, [ada, eve, unread]).replace('incidents+maintenances', 'configure');
    const result = importMatrixCsv(exported, midScan);
    expect(result.problems).toEqual([]);
    expect(result.leftAsIs).toBe(1);
    expect(result.entries.map((entry) => entry.user.id)).toEqual(['ada', 'eve']);
    // Asking a change for an unread user is a problem: there is nothing safe to plan on.
    const asking = exported.replace(/new,New Person,([^,]*),,,/, 'new,New Person,$1,access,,');
    expect(importMatrixCsv(asking, midScan).problems[0]?.message).toMatch(/not scanned yet: scan first, or leave their cells empty/);
  });

  it('caps a huge file: the first hundred problems with the total, in chunks; too many rows refused whole', async () => {
    const rows = Array.from({ length: 5_000 }, (_, i) => `ghost${i},Ghost,,none,none,none`);
    const text = ['user_id,name,email,Acme Cloud (cloud),Acme Labs (labs),Acme Payments (pay)', ...rows].join('\n');
    let pauses = 0;
    const result = await importMatrixCsvInChunks(text, matrix, async () => {
      pauses++;
    });
    expect(result.problemCount).toBe(5_000);
    expect(result.problems).toHaveLength(CSV_MAX_PROBLEMS);
    expect(pauses).toBeGreaterThan(1);
    const tooMany = `user_id,name,email\n${'x,,\n'.repeat(CSV_MAX_ROWS + 1)}`;
    expect(importMatrixCsv(tooMany, matrix).problems[0]?.message).toMatch(/at most 100000 are read/);
  });

  it('quotes every cell holding a delimiter, and neutralises a formula wherever a reader may split', () => {
    const hostile = "Bob;=cmd|' /C calc'!A0";
    const text = stringifyCsv([['id', hostile, 'tab\there', '+1', 'Smith-Jones']]);
    expect(text).toBe(`id,"Bob;'=cmd|' /C calc'!A0",tab\there,'+1,Smith-Jones\r\n`.replace('tab\there', '"tab\there"'));
    // Split on semicolons, ignoring quotes: no cell starts with a formula character.
    const naive = text
      .trim()
      .split(/[;,\t]/)
      .map((cell) => cell.replace(/^"/, ''));
    expect(naive.filter((cell) => /^[=+\-@]/.test(cell))).toEqual([]);
  });
});
