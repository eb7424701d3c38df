// A small RFC 4180 reader and writer: quoted cells may hold delimiters, quotes ("") and line breaks; rows end in CRLF
// or LF. Written here rather than taken from a library: it is 80 lines, and the extension ships no CSV code else.
// Spreadsheets save with `,`, with `;` (Excel in German, French and many other locales) or with tabs: all are read.

export const DELIMITERS = [',', ';', '\t'] as const;
export type Delimiter = (typeof DELIMITERS)[number];
export const DELIMITER_NAMES: Record<Delimiter, string> = { ',': 'commas', ';': 'semicolons', '\t': 'tabs' };

/** The delimiter of a file: the one its first line (outside quotes) holds most of; commas when it holds none. */
export function detectDelimiter(text: string): Delimiter {
  const counts: Record<Delimiter, number> = { ',': 0, ';': 0, '\t': 0 };
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const char = text[i] as string;
    if (char === '"') quoted = !quoted;
    else if (!quoted && (char === '\n' || char === '\r')) break;
    else if (!quoted && char in counts) counts[char as Delimiter]++;
  }
  return DELIMITERS.reduce((best, candidate) => (counts[candidate] > counts[best] ? candidate : best), ',' as Delimiter);
}

export interface CsvParse {
  rows: string[][];
  /** A quote left open at the end of the text. */
  error?: string;
}

export function parseCsv(text: string, delimiter: Delimiter = ','): CsvParse {
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
    else if (char === delimiter) {
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
 * the organization (a name) is written with a leading apostrophe, which spreadsheets show as text. The same goes for
 * any part of it after a `,` `;` or tab: a reader that splits on another delimiter than ours would start a cell there.
 */
export function neutraliseFormula(cell: string): string {
  return cell.replace(/(^|[,;\t])(?=[=+\-@\t\r])/g, "$1'");
}

/** Quoted when it holds a quote, a line break or any delimiter a reader may split on, not only ours. */
function quote(cell: string): string {
  return /[",;\t\r\n]/.test(cell) ? `"${cell.replaceAll('"', '""')}"` : cell;
}

export function stringifyCsv(rows: string[][]): string {
  return `${rows.map((row) => row.map((cell) => quote(neutraliseFormula(cell))).join(',')).join('\r\n')}\r\n`;
}
