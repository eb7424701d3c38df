// A small RFC 4180 reader and writer: quoted cells may hold commas, quotes ("") and line breaks; rows end in CRLF
// or LF. Written here rather than taken from a library: it is 60 lines, and the extension ships no CSV code else.

export interface CsvParse {
  rows: string[][];
  /** A quote left open at the end of the text. */
  error?: string;
}

export function parseCsv(text: string): CsvParse {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0; // a byte order mark from a spreadsheet
  for (; i < text.length; i++) {
    const char = text[i];
    if (quoted) {
      if (char === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (char === '"') quoted = false;
      else cell += char;
    } else if (char === '"' && cell === '') quoted = true;
    else if (char === ',') {
      row.push(cell);
      cell = '';
    } else if (char === '\n' || char === '\r') {
      if (char === '\r' && text[i + 1] === '\n') i++;
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
    } else cell += char;
  }
  if (quoted) return { rows, error: `A quoted cell on row ${rows.length + 1} is never closed` };
  if (cell !== '' || row.length > 0) {
    row.push(cell);
    rows.push(row);
  }
  return { rows };
}

/**
 * A spreadsheet runs a cell that starts with = + - @ (or a tab or carriage return) as a formula: such text from
 * the organization (a name) is written with a leading apostrophe, which spreadsheets show as text.
 */
export function neutraliseFormula(cell: string): string {
  return /^[=+\-@\t\r]/.test(cell) ? `'${cell}` : cell;
}

function quote(cell: string): string {
  return /[",\r\n]/.test(cell) ? `"${cell.replaceAll('"', '""')}"` : cell;
}

export function stringifyCsv(rows: string[][]): string {
  return `${rows.map((row) => row.map((cell) => quote(neutraliseFormula(cell))).join(',')).join('\r\n')}\r\n`;
}
