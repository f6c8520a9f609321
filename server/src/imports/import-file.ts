import { parse as parseCsv } from 'csv-parse';
import { parse as parseCsvSync } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { isUtf8 } from 'node:buffer';
import { Readable } from 'node:stream';
import { TextDecoder } from 'node:util';
import { AppError } from '../common/errors/app-error.js';

// Reading an uploaded list: CSV in any common delimiter and encoding, or XLSX. Rows are produced
// one at a time from the raw bytes (an async generator), so a dry run holds the file's bytes and
// one batch of rows, never every decoded row.

export type FileFormat = 'csv' | 'xlsx';
export type TextEncodingName = 'utf-8' | 'utf-8-bom' | 'utf-16le' | 'utf-16be' | 'windows-1250' | 'windows-1252';
export const DELIMITERS = [',', ';', '\t', '|'] as const;
export type Delimiter = (typeof DELIMITERS)[number];

export interface FileLayout {
  format: FileFormat;
  /** CSV only. */
  encoding: TextEncodingName | null;
  /** CSV only. */
  delimiter: Delimiter | null;
}

export interface RawRow {
  /** As a spreadsheet numbers it: the first line of the file is row 1. */
  rowNumber: number;
  cells: string[];
}

const ZIP = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
const OLE = Buffer.from([0xd0, 0xcf, 0x11, 0xe0]); // .xls (Excel 97-2003)

// ---------------------------------------------------------------- format and encoding

export function detectFormat(data: Buffer): FileFormat {
  if (data.subarray(0, 4).equals(ZIP)) return 'xlsx';
  if (data.subarray(0, 4).equals(OLE))
    throw new AppError('UNSUPPORTED_MEDIA_TYPE', 'An old Excel file (.xls): save it as .xlsx or CSV first');
  return 'csv';
}

// Letters of Albanian and Serbian Latin: decoding a legacy file with the right code page yields
// them; the wrong one yields letters nobody here writes (è æ ð in place of č ć đ).
const EXPECTED = new Set('ëçËÇčćšžđČĆŠŽĐ');
const UNLIKELY = new Set('èæðÈÆÐ¹¾ŕĺľĽŔĹţŢőűŐŰ');

const singleByteChars = (label: string) => {
  const decoder = new TextDecoder(label);
  return Array.from({ length: 256 }, (_, b) => decoder.decode(Uint8Array.of(b)));
};
let codePages: { cp1250: string[]; cp1252: string[] } | undefined;

/**
 * The text encoding: a byte order mark decides; else valid UTF-8 is UTF-8; else Windows-1250
 * (Serbian Latin: č ć đ) or Windows-1252 (Albanian: ë ç), by which one reads as our letters.
 */
export function detectEncoding(data: Buffer): TextEncodingName {
  if (data[0] === 0xef && data[1] === 0xbb && data[2] === 0xbf) return 'utf-8-bom';
  if (data[0] === 0xff && data[1] === 0xfe) return 'utf-16le';
  if (data[0] === 0xfe && data[1] === 0xff) return 'utf-16be';
  if (isUtf8(data)) return 'utf-8';
  const counts = new Uint32Array(256);
  for (let i = 0; i < data.length; i++) counts[data[i]]++;
  codePages ??= { cp1250: singleByteChars('windows-1250'), cp1252: singleByteChars('windows-1252') };
  const score = (chars: string[]) => {
    let s = 0;
    for (let b = 0x80; b < 256; b++) {
      if (!counts[b]) continue;
      if (EXPECTED.has(chars[b])) s += counts[b];
      else if (UNLIKELY.has(chars[b])) s -= counts[b];
    }
    return s;
  };
  return score(codePages.cp1250) > score(codePages.cp1252) ? 'windows-1250' : 'windows-1252';
}

export function textDecoder(encoding: TextEncodingName): TextDecoder {
  // TextDecoder drops a leading byte order mark itself.
  return new TextDecoder(encoding === 'utf-8-bom' ? 'utf-8' : encoding);
}

// ---------------------------------------------------------------- delimiter

const SNIFF_CHARS = 64 * 1024;

/**
 * The delimiter that splits the first lines into the same number of fields (more than one),
 * preferring the one giving more fields; a comma when nothing fits.
 */
export function sniffDelimiter(sample: string): Delimiter {
  const cut =
    sample.length > SNIFF_CHARS ? sample.slice(0, sample.lastIndexOf('\n', SNIFF_CHARS) + 1 || SNIFF_CHARS) : sample;
  let best: { delimiter: Delimiter; score: number } = { delimiter: ',', score: 0 };
  for (const delimiter of DELIMITERS) {
    let records: string[][];
    try {
      records = parseCsvSync(cut, {
        delimiter,
        relax_quotes: true,
        relax_column_count: true,
        skip_empty_lines: true,
        to_line: 50,
      }) as string[][];
    } catch {
      continue;
    }
    if (!records.length || records[0].length < 2) continue;
    const width = records[0].length;
    const consistent = records.filter((r) => r.length === width).length / records.length;
    const score = consistent * 1000 + width;
    if (score > best.score) best = { delimiter, score };
  }
  return best.delimiter;
}

/** How the file is to be read: the format, and for CSV the encoding and the delimiter. */
export function detectLayout(data: Buffer): FileLayout {
  const format = detectFormat(data);
  if (format === 'xlsx') return { format, encoding: null, delimiter: null };
  const encoding = detectEncoding(data);
  if (encoding !== 'utf-16le' && encoding !== 'utf-16be' && data.subarray(0, 8192).includes(0))
    throw new AppError('UNSUPPORTED_MEDIA_TYPE', 'Not a CSV or XLSX file');
  const sample = textDecoder(encoding).decode(data.subarray(0, SNIFF_CHARS * 2));
  return { format, encoding, delimiter: sniffDelimiter(sample) };
}

// ---------------------------------------------------------------- rows

const CHUNK_BYTES = 1024 * 1024;

function* decodedChunks(data: Buffer, encoding: TextEncodingName): Generator<string> {
  const decoder = textDecoder(encoding);
  for (let offset = 0; offset < data.length; offset += CHUNK_BYTES) {
    const text = decoder.decode(data.subarray(offset, offset + CHUNK_BYTES), { stream: true });
    if (text) yield text;
  }
  const rest = decoder.decode();
  if (rest) yield rest;
}

async function* csvRows(data: Buffer, encoding: TextEncodingName, delimiter: Delimiter): AsyncGenerator<RawRow> {
  const parser = parseCsv({ delimiter, relax_quotes: true, relax_column_count: true, skip_empty_lines: false });
  Readable.from(decodedChunks(data, encoding)).pipe(parser);
  let rowNumber = 0;
  try {
    for await (const record of parser as AsyncIterable<string[]>) {
      rowNumber++;
      yield { rowNumber, cells: record };
    }
  } catch (e) {
    const line = (e as { lines?: number }).lines;
    throw AppError.field(
      'file',
      `The CSV cannot be read${line ? ` near line ${line}` : ''}: ${(e as Error).message}`,
      'unreadable',
    );
  } finally {
    parser.destroy();
  }
}

const pad = (n: number) => String(n).padStart(2, '0');

/** An XLSX cell as text: dates as YYYY-MM-DD (Excel's serial numbers stay numbers), formulas by their result. */
export function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return String(value);
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) return '';
    const date = `${value.getUTCFullYear()}-${pad(value.getUTCMonth() + 1)}-${pad(value.getUTCDate())}`;
    return date;
  }
  if ('richText' in value) return value.richText.map((r) => r.text).join('');
  if ('formula' in value || 'sharedFormula' in value) {
    const result = (value as ExcelJS.CellFormulaValue).result;
    return result === undefined || (typeof result === 'object' && result !== null && 'error' in result)
      ? ''
      : cellText(result as ExcelJS.CellValue);
  }
  if ('hyperlink' in value) return String((value as ExcelJS.CellHyperlinkValue).text ?? '');
  if ('error' in value) return '';
  return '';
}

interface WorksheetLike extends AsyncIterable<ExcelJS.Row> {
  name?: string;
}

async function* xlsxRows(data: Buffer, onSheet?: (name: string | null) => void): AsyncGenerator<RawRow> {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from([data]), {
    worksheets: 'emit',
    sharedStrings: 'cache',
    styles: 'cache', // dates come as Date objects
    hyperlinks: 'ignore',
    entries: 'ignore',
  });
  try {
    for await (const sheet of reader as unknown as AsyncIterable<WorksheetLike>) {
      onSheet?.(sheet.name ?? null);
      for await (const row of sheet) {
        const values = row.values as ExcelJS.CellValue[];
        const cells: string[] = [];
        for (let i = 1; i < values.length; i++) cells.push(cellText(values[i]));
        yield { rowNumber: row.number, cells };
      }
      return; // the first sheet only
    }
  } catch (e) {
    if (e instanceof AppError) throw e;
    throw AppError.field('file', `The XLSX file cannot be read: ${(e as Error).message}`, 'unreadable');
  }
}

/** Every row of the file (empty ones included), in order. */
export function readRows(
  data: Buffer,
  layout: FileLayout,
  onSheet?: (name: string | null) => void,
): AsyncGenerator<RawRow> {
  return layout.format === 'xlsx' ? xlsxRows(data, onSheet) : csvRows(data, layout.encoding!, layout.delimiter!);
}

export const isEmptyRow = (cells: string[]) => cells.every((c) => c.trim() === '');

/** Column names from the header's cells: trimmed, an empty one named [n], repeated ones numbered. */
export function columnNames(header: string[]): string[] {
  const seen = new Map<string, number>();
  let last = header.length;
  while (last > 0 && header[last - 1].trim() === '') last--;
  return header.slice(0, last).map((cell, i) => {
    const base = cell.replace(/\s+/g, ' ').trim().slice(0, 200) || `[${i + 1}]`;
    const n = (seen.get(base.toLowerCase()) ?? 0) + 1;
    seen.set(base.toLowerCase(), n);
    return n === 1 ? base : `${base} (${n})`;
  });
}

export interface Table {
  layout: FileLayout;
  columns: string[];
  headerRow: number;
  /** The data rows after the header, empty ones left out. */
  rows: AsyncGenerator<RawRow>;
  sheetName: () => string | null;
}

/** Opens the file as a table: the first non-empty row is the header. */
export async function openTable(data: Buffer, layout: FileLayout = detectLayout(data)): Promise<Table> {
  let sheet: string | null = null;
  const all = readRows(data, layout, (name) => (sheet = name));
  let header: RawRow | undefined;
  for (;;) {
    const next = await all.next();
    if (next.done) break;
    if (!isEmptyRow(next.value.cells)) {
      header = next.value;
      break;
    }
  }
  if (!header) throw AppError.field('file', 'The file is empty', 'empty');
  const columns = columnNames(header.cells);
  if (columns.length > 500) throw AppError.field('file', 'More than 500 columns', 'too_many_columns');
  async function* dataRows(): AsyncGenerator<RawRow> {
    try {
      for await (const row of all) if (!isEmptyRow(row.cells)) yield row;
    } finally {
      await all.return(undefined);
    }
  }
  return { layout, columns, headerRow: header.rowNumber, rows: dataRows(), sheetName: () => sheet };
}
