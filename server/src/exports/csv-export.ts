import type { Cell } from './export-columns.js';

// CSV for spreadsheets: UTF-8 with a byte order mark (so Excel reads Albanian and Cyrillic
// letters), RFC 4180 (comma separators, CRLF line ends, a field with a comma, a quote, a CR or an
// LF in double quotes with quotes doubled), and no cell that a spreadsheet would run as a formula.
//
// The export's records are written by PostgreSQL (COPY ... FORMAT csv, see case-export.repository.ts
// and the `csv` SQL of each column in export-columns.ts): Node's CPU per million rows went from
// about 9 s with this encoder to under 2 s. This encoder still writes the header line, and it is
// the reference the COPY output is held to (export-csv-copy.int-spec.ts); csv-export.spec.ts checks
// that it writes exactly what csv-stringify writes (CRLF, lone CR/LF quoted) for awkward text.

const FORMULA_START = new Set([0x3d /* = */, 0x2b /* + */, 0x2d /* - */, 0x40 /* @ */, 0x09 /* tab */, 0x0d /* CR */]);
const NEEDS_QUOTES = /[",\r\n]/;

export const CSV_BOM = '\uFEFF';

/**
 * Neutralises spreadsheet formula injection (OWASP "CSV injection"): a cell that starts with
 * `=`, `+`, `-`, `@`, a tab or a carriage return gets a leading apostrophe, so it stays text.
 */
export function neutralise(value: string): string {
  return value.length > 0 && FORMULA_START.has(value.charCodeAt(0)) ? `'${value}` : value;
}

/** One field, RFC 4180: quoted when it holds a comma, a quote, CR or LF; quotes doubled. */
export function csvField(value: Cell): string {
  if (value === null || value === undefined) return '';
  const text = typeof value === 'string' ? value : value instanceof Date ? value.toISOString() : String(value);
  return NEEDS_QUOTES.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** One record with its CRLF; string cells are neutralised first. */
export function csvRecord(cells: readonly Cell[]): string {
  let line = '';
  for (let i = 0; i < cells.length; i++) {
    const v = cells[i];
    line += (i ? ',' : '') + csvField(typeof v === 'string' ? neutralise(v) : v);
  }
  return `${line}\r\n`;
}

/**
 * Turns batches of raw rows into CSV text: the byte order mark and the header line come first
 * (with the first batch, or alone when there are no rows: see `header`).
 */
export function csvBatchEncoder(headers: readonly string[], toCells: (row: (string | null)[]) => Cell[]) {
  return {
    header: () => CSV_BOM + csvRecord(headers),
    batch: (rows: (string | null)[][]) => {
      let text = '';
      for (const row of rows) text += csvRecord(toCells(row));
      return text;
    },
  };
}

/**
 * COPY (FORMAT csv) ends records with LF: gives the chunk with CRLF record ends instead. An LF
 * inside a quoted field is data and stays. `quoted` is the state at the chunk's start (a field may
 * span chunks); each quote toggles it (a doubled quote toggles twice).
 */
export function lfToCrlf(chunk: Buffer, quoted: boolean): { data: Buffer; records: number; quoted: boolean } {
  const ends: number[] = [];
  let i = 0;
  let quote = chunk.indexOf(0x22);
  for (;;) {
    if (quoted) {
      if (quote === -1) break;
      quoted = false;
      i = quote + 1;
      quote = chunk.indexOf(0x22, i);
      continue;
    }
    const lf = chunk.indexOf(0x0a, i);
    if (quote !== -1 && (lf === -1 || quote < lf)) {
      quoted = true;
      i = quote + 1;
      quote = chunk.indexOf(0x22, i);
      continue;
    }
    if (lf === -1) break;
    ends.push(lf);
    i = lf + 1;
  }
  if (!ends.length) return { data: chunk, records: 0, quoted };
  const data = Buffer.allocUnsafe(chunk.length + ends.length);
  let from = 0;
  let to = 0;
  for (const lf of ends) {
    to += chunk.copy(data, to, from, lf);
    data[to++] = 0x0d;
    data[to++] = 0x0a;
    from = lf + 1;
  }
  chunk.copy(data, to, from);
  return { data, records: ends.length, quoted };
}
