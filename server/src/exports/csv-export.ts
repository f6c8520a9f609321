import { stringify } from 'csv-stringify';
import { pipeline, type Readable } from 'node:stream';
import type { Cell } from './export-columns.js';

// CSV for spreadsheets: UTF-8 with a byte order mark (so Excel reads Albanian and Cyrillic
// letters), RFC 4180 (comma, CRLF, fields with a comma, quote, CR or LF quoted, quotes doubled),
// and no cell that a spreadsheet would run as a formula.

const FORMULA_START = new Set([0x3d /* = */, 0x2b /* + */, 0x2d /* - */, 0x40 /* @ */, 0x09 /* tab */, 0x0d /* CR */]);

/**
 * Neutralises spreadsheet formula injection (OWASP "CSV injection"): a cell that starts with
 * `=`, `+`, `-`, `@`, a tab or a carriage return gets a leading apostrophe, so it stays text.
 */
export function neutralise(value: string): string {
  return value.length > 0 && FORMULA_START.has(value.charCodeAt(0)) ? `'${value}` : value;
}

/** One row of cells as CSV fields (no dates reach here: CSV cells are text or numbers). */
export function csvFields(cells: Cell[]): (string | number | null)[] {
  const out = new Array<string | number | null>(cells.length);
  for (let i = 0; i < cells.length; i++) {
    const v = cells[i];
    out[i] = typeof v === 'string' ? neutralise(v) : v instanceof Date ? v.toISOString() : v;
  }
  return out;
}

/** The CSV bytes of `rows` (a stream of field arrays, already neutralised) under `headers`. */
export function csvStream(rows: Readable, headers: string[], onError: (error: Error) => void): Readable {
  const stringifier = stringify({
    bom: true,
    record_delimiter: 'windows',
    // csv-stringify quotes a field with the record delimiter (CRLF) but not a lone CR or LF.
    quoted_match: /[\r\n]/,
  });
  stringifier.write(headers.map(neutralise));
  pipeline(rows, stringifier, (error) => {
    if (error && error.code !== 'ERR_STREAM_PREMATURE_CLOSE') onError(error);
  });
  return stringifier;
}
